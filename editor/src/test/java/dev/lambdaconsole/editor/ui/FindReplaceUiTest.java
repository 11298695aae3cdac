package dev.lambdaconsole.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.syntax.Language;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FindReplaceUiTest {

    private CodeEditor editor;

    @Start
    void start(Stage stage) {
        editor = new CodeEditor(Language.PYTHON);
        stage.setScene(new Scene(editor, 900, 500));
        stage.show();
    }

    @BeforeEach
    void text() {
        Fx.run(() -> editor.setText("item = 1\nItem = 2\nitems = [item, item]\n"));
    }

    private String status(FxRobot robot) {
        return Fx.call(() -> robot.lookup("#find-status").queryAs(Label.class).getText());
    }

    private void openFind(FxRobot robot, KeyCode key) {
        robot.clickOn(editor.area());
        Fx.run(() -> editor.area().moveTo(0));
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    @Test
    void ctrlFCountsMatchesAndEnterWalksThroughThem(FxRobot robot) {
        openFind(robot, KeyCode.F);
        robot.write("item");
        Fx.until(() -> status(robot).equals("1 of 5"));
        assertThat(Fx.call(() -> editor.area().getSelectedText())).isEqualTo("item");
        robot.type(KeyCode.ENTER);
        assertThat(status(robot)).isEqualTo("2 of 5");
        assertThat(Fx.call(() -> editor.area().getSelection().getStart())).isEqualTo(9);
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertThat(status(robot)).isEqualTo("1 of 5");
    }

    @Test
    void caseWholeWordAndRegexNarrowTheSearch(FxRobot robot) {
        openFind(robot, KeyCode.F);
        robot.write("item");
        Fx.until(() -> status(robot).equals("1 of 5"));
        robot.clickOn("#find-case");
        Fx.until(() -> status(robot).equals("1 of 4"));
        robot.clickOn("#find-word");
        Fx.until(() -> status(robot).equals("1 of 3"));
        robot.clickOn("#find-word");
        robot.clickOn("#find-case");
        robot.clickOn("#find-regex");
        robot.clickOn("#find-field");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("[Ii]tem\\b");
        Fx.until(() -> status(robot).equals("1 of 4"));
        robot.write("(");
        Fx.until(() -> status(robot).equals("Invalid regex"));
    }

    @Test
    void replaceOneThenReplaceAllIsOneUndoStep(FxRobot robot) {
        openFind(robot, KeyCode.H);
        robot.write("item");
        Fx.until(() -> status(robot).equals("1 of 5"));
        robot.clickOn("#replace-field").write("entry");
        robot.clickOn("#replace-one");
        assertThat(Fx.call(editor::getText)).startsWith("entry = 1\nItem = 2");
        Fx.until(() -> status(robot).equals("1 of 4"));
        robot.clickOn("#replace-all");
        assertThat(Fx.call(editor::getText)).isEqualTo("entry = 1\nentry = 2\nentrys = [entry, entry]\n");
        assertThat(status(robot)).isEqualTo("Replaced 4");
        Fx.run(() -> editor.area().undo());
        assertThat(Fx.call(editor::getText)).isEqualTo("entry = 1\nItem = 2\nitems = [item, item]\n");
    }

    @Test
    void escapeClosesTheBar(FxRobot robot) {
        openFind(robot, KeyCode.F);
        assertThat(robot.lookup("#find-field").tryQuery()).isPresent();
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#find-field").tryQuery()).isEmpty();
    }
}
