package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.FxSteps;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's icons are the icons module's rendered PNGs at the sizes JavaFX picks from, the way ConsoleApp sets them. */
@ExtendWith(ApplicationExtension.class)
class AppIconUiTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.getIcons().setAll(AppIcon.images());
        stage.show();
    }

    @Test
    void theWindowHasTheRenderedIconAtEverySize() {
        List<Image> icons = FxSteps.call(() -> List.copyOf(stage.getIcons()));
        assertThat(icons).extracting(Image::getWidth).containsExactly(16.0, 32.0, 48.0, 64.0, 128.0, 256.0);
        assertThat(icons).extracting(Image::getHeight).containsExactly(16.0, 32.0, 48.0, 64.0, 128.0, 256.0);
        for (Image icon : icons) {
            assertThat(icon.isError()).isFalse();
            assertThat(icon.getUrl()).contains("/dev/lambdaconsole/icons/app/lambda-console-");
            int size = (int) icon.getWidth();
            int tile = icon.getPixelReader().getArgb(size / 8, size / 2);
            assertThat(tile >>> 24).as("opaque tile at %s px", size).isEqualTo(255);
            assertThat((tile >> 16) & 0xff).as("orange at %s px", size).isGreaterThan(200);
            assertThat(icon.getPixelReader().getArgb(0, 0) >>> 24).as("rounded corner at %s px", size).isLessThan(64);
        }
    }
}
