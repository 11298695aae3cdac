package dev.lambdaconsole.editor.ui;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers for the TestFX scenarios. */
final class Fx {

    private Fx() {
    }

    static void run(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T call(Callable<T> action) {
        T value = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    static void until(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> call(condition));
    }

    /** The rendered text runs that carry a style class, e.g. all visible "keyword" words. */
    static List<String> renderedWithClass(FxRobot robot, Node root, String styleClass) {
        return call(() -> robot.from(root).lookup(".text." + styleClass).queryAllAs(Text.class).stream()
                .filter(Node::isVisible)
                .map(Text::getText)
                .collect(Collectors.toList()));
    }
}
