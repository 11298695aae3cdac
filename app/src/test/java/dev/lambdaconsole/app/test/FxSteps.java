package dev.lambdaconsole.app.test;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/** Small helpers for the console's TestFX scenarios: run on the FX thread, read from it, wait for a state. */
public final class FxSteps {
    private FxSteps() { }

    /** Shows {@code root} in the test's stage with the console's theme. */
    public static void show(Stage stage, Parent root) {
        run(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.setScene(new Scene(root, 1200, 860));
            stage.show();
            stage.toFront();
        });
    }

    public static void run(Runnable action) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static <T> T call(Callable<T> action) {
        T value = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    /** Waits (up to 30 s: a cold start of a real runtime) until the condition, read on the FX thread, holds. */
    public static void until(Callable<Boolean> condition) {
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> call(condition));
    }

    /** The node with that id, typed. */
    public static <T extends javafx.scene.Node> T byId(FxRobot robot, String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }
}
