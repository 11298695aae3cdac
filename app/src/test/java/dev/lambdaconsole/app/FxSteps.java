package dev.lambdaconsole.app;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/** The console's TestFX steps: run on the FX thread, read from it, wait for a state, type as a user does. */
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

    /** Runs on the FX thread and waits for it (and the events it queued); an exception fails the test. */
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
        until(condition, 30);
    }

    public static void until(Callable<Boolean> condition, int seconds) {
        await().ignoreExceptions().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(50))
                .until(() -> call(condition));
    }

    /** The node with that id, typed. */
    public static <T extends Node> T byId(FxRobot robot, String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
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
