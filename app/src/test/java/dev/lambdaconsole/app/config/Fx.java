package dev.lambdaconsole.app.config;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/** Small helpers for the console's TestFX scenarios. */
public final class Fx {
    private Fx() { }

    public static void run(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static <T> T call(Callable<T> action) {
        T value = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    /** Waits (up to 30 s: engine calls run in the background) until the condition holds on the FX thread. */
    public static void until(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> call(condition));
    }

    /** The text a label or field shows, read on the FX thread. */
    public static String text(FxRobot robot, String query) {
        return call(() -> {
            Node node = robot.lookup(query).query();
            return node instanceof TextInputControl t ? t.getText() : ((Labeled) node).getText();
        });
    }

    public static boolean shown(FxRobot robot, String query) {
        return call(() -> {
            Node node = robot.lookup(query).query();
            return node.isVisible() && node.getScene() != null;
        });
    }

    /** Replaces a field's text by typing, as a user would: click, select all, type. */
    public static void type(FxRobot robot, Node field, String text) {
        robot.clickOn(field);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        if (text.isEmpty()) {
            robot.push(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static void type(FxRobot robot, String query, String text) {
        type(robot, robot.lookup(query).query(), text);
    }
}
