package dev.lambdaconsole.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.problems.Diagnostic;
import dev.lambdaconsole.editor.problems.Severity;
import dev.lambdaconsole.editor.syntax.Language;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ProblemsUiTest {

    private CodeEditor editor;

    @Start
    void start(Stage stage) {
        editor = new CodeEditor(Language.JSON);
        stage.setScene(new Scene(editor, 800, 400));
        stage.show();
    }

    private List<Label> markers(FxRobot robot) {
        return Fx.call(() -> List.copyOf(robot.lookup(".problem-marker").queryAllAs(Label.class)));
    }

    @Test
    void invalidJsonGetsAGutterMarkerAndAnUnderlineThatGoAwayWhenFixed(FxRobot robot) {
        Fx.run(() -> editor.setText("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        Fx.until(() -> markers(robot).size() == 1);
        Label marker = markers(robot).get(0);
        assertThat(Fx.call(() -> marker.getTooltip().getText())).containsIgnoringCase("colon");
        Fx.until(() -> !Fx.renderedWithClass(robot, editor, "problem-error").isEmpty());
        assertThat(Fx.renderedWithClass(robot, editor, "problem-error")).containsExactly("2");
        robot.clickOn(editor.area());
        Fx.run(() -> editor.area().moveTo(2, 5));
        robot.write(":");
        Fx.until(() -> markers(robot).isEmpty());
        Fx.until(() -> Fx.renderedWithClass(robot, editor, "problem-error").isEmpty());
    }

    @Test
    void anyoneCanShowDiagnosticsThroughTheApi(FxRobot robot) {
        Fx.run(() -> {
            editor.setChecker(dev.lambdaconsole.editor.problems.Checker.NONE);
            editor.setText("[1,\n 2]");
            editor.problems().setDiagnostics(List.of(new Diagnostic(2, 2, 1, Severity.WARNING, "two?")));
        });
        Fx.until(() -> markers(robot).size() == 1);
        assertThat(markers(robot).get(0).getStyleClass()).contains("problem-warning");
        Fx.until(() -> Fx.renderedWithClass(robot, editor, "problem-warning").contains("2"));
    }

    @Test
    void pythonSyntaxErrorsAreReportedWhileTyping(FxRobot robot) {
        boolean python = isPythonInstalled();
        if (!python && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("python3 is not installed, but CI=true and CI installs it");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(python, "python3 not installed");
        Fx.run(() -> editor.setLanguage(Language.PYTHON));
        Fx.run(() -> editor.setText("def ok():\n    return 1\n"));
        Fx.until(() -> markers(robot).isEmpty());
        robot.clickOn(editor.area());
        Fx.run(() -> editor.area().moveTo(editor.area().getLength()));
        robot.write("x = = 2");
        Fx.until(() -> markers(robot).size() == 1);
        assertThat(Fx.call(() -> editor.problems().getDiagnostics().get(0).line())).isEqualTo(3);
    }

    private static boolean isPythonInstalled() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
