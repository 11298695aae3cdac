package dev.lambdaconsole.editor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.highlight.PreparedText;
import dev.lambdaconsole.editor.syntax.Language;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class CodeEditorUiTest {

    private CodeEditor editor;

    @Start
    void start(Stage stage) {
        editor = new CodeEditor(Language.PYTHON);
        stage.setScene(new Scene(editor, 800, 500));
        stage.show();
    }

    private void focus(FxRobot robot) {
        robot.clickOn(editor.area());
        Fx.run(() -> editor.area().moveTo(editor.area().getLength()));
    }

    @Test
    void typedCodeAppearsAndGetsColoured(FxRobot robot) {
        focus(robot);
        robot.write("def handler(event):");
        assertThat(Fx.call(editor::getText)).isEqualTo("def handler(event):");
        Fx.until(() -> Fx.renderedWithClass(robot, editor, "keyword").contains("def"));
        assertThat(Fx.renderedWithClass(robot, editor, "function")).contains("handler");
    }

    @Test
    void gutterShowsLineNumbers(FxRobot robot) {
        Fx.run(() -> editor.setText("a = 1\nb = 2\nc = 3"));
        assertThat(robot.lookup(".line-number").queryAllAs(Label.class))
                .extracting(l -> l.getText().strip()).containsExactly("1", "2", "3");
    }

    @Test
    void enterAfterAColonIndentsTheNextLine(FxRobot robot) {
        focus(robot);
        robot.write("def f():");
        robot.type(KeyCode.ENTER);
        robot.write("return 1");
        assertThat(Fx.call(editor::getText)).isEqualTo("def f():\n    return 1");
        robot.type(KeyCode.ENTER);
        robot.write("x");
        assertThat(Fx.call(editor::getText)).endsWith("\n    x");
    }

    @Test
    void tabAndShiftTabIndentAndOutdentTheSelectedLines(FxRobot robot) {
        Fx.run(() -> editor.setText("a = 1\nb = 2\nc = 3"));
        robot.clickOn(editor.area());
        Fx.run(() -> editor.area().selectRange(0, 9));
        robot.type(KeyCode.TAB);
        assertThat(Fx.call(editor::getText)).isEqualTo("    a = 1\n    b = 2\nc = 3");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(Fx.call(editor::getText)).isEqualTo("a = 1\nb = 2\nc = 3");
    }

    @Test
    void ctrlSlashTogglesCommentsAndCtrlDDuplicates(FxRobot robot) {
        Fx.run(() -> editor.setText("x = 1\ny = 2"));
        robot.clickOn(editor.area());
        Fx.run(() -> editor.area().moveTo(0));
        robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
        assertThat(Fx.call(editor::getText)).isEqualTo("# x = 1\ny = 2");
        robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
        assertThat(Fx.call(editor::getText)).isEqualTo("x = 1\ny = 2");
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertThat(Fx.call(editor::getText)).isEqualTo("x = 1\nx = 1\ny = 2");
    }

    @Test
    void altArrowsMoveTheLine(FxRobot robot) {
        Fx.run(() -> editor.setText("one\ntwo\nthree"));
        robot.clickOn(editor.area());
        Fx.run(() -> editor.area().moveTo(1, 1));
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        assertThat(Fx.call(editor::getText)).isEqualTo("one\nthree\ntwo");
        robot.press(KeyCode.ALT).type(KeyCode.UP).type(KeyCode.UP).release(KeyCode.ALT);
        assertThat(Fx.call(editor::getText)).isEqualTo("two\none\nthree");
    }

    @Test
    void undoTakesBackTextNotColoursAndRedoRestoresIt(FxRobot robot) {
        Fx.run(() -> editor.setText("x = 1\n"));
        focus(robot);
        robot.write("def g(): pass");
        Fx.until(() -> Fx.renderedWithClass(robot, editor, "keyword").contains("def"));
        Fx.until(() -> !editor.highlighting().busyProperty().get());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(Fx.call(editor::getText)).isEqualTo("x = 1\n");
        assertThat(Fx.call(editor::isModified)).isFalse();
        assertThat(Fx.call(() -> editor.area().getUndoManager().isUndoAvailable())).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(Fx.call(editor::getText)).isEqualTo("x = 1\ndef g(): pass");
        Fx.until(() -> Fx.renderedWithClass(robot, editor, "keyword").contains("pass"));
    }

    @Test
    void closingBracketNextToCaretIsHighlightedWithItsPartner(FxRobot robot) {
        Fx.run(() -> editor.setText("f(a, [1, 2])"));
        robot.clickOn(editor.area());
        Fx.run(() -> editor.area().moveTo(editor.area().getLength()));
        Fx.until(() -> robot.lookup(".bracket-match").queryAll().stream().filter(n -> n.isVisible()
                && n.getLayoutBounds().getWidth() > 0).count() == 2);
    }

    @Test
    void ctrlShiftLEditsEveryOccurrenceAtOnce(FxRobot robot) {
        Fx.run(() -> editor.setText("count = 0\ncount += 1\nprint(count, counter)"));
        robot.clickOn(editor.area());
        Fx.run(() -> editor.area().moveTo(2));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        robot.write("n");
        robot.write("x");
        assertThat(Fx.call(editor::getText)).isEqualTo("nx = 0\nnx += 1\nprint(nx, counter)");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(Fx.call(editor::getText)).isEqualTo("count = 0\ncount += 1\nprint(count, counter)");
    }

    @Test
    void ctrlGJumpsToALine(FxRobot robot) {
        Fx.run(() -> editor.setText("a\nb\nc\nd\ne"));
        robot.clickOn(editor.area());
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        robot.lookup("#goto-field").query();
        robot.write("4");
        robot.type(KeyCode.ENTER);
        assertThat(Fx.call(() -> editor.area().getCurrentParagraph())).isEqualTo(3);
        assertThat(robot.lookup("#goto-field").tryQuery()).isEmpty();
    }

    @Test
    void ctrlShiftFFormatsJsonAsOneUndoableEditAndStopsAtAnError(FxRobot robot) throws Exception {
        Fx.run(() -> {
            editor.setLanguage(Language.JSON);
            editor.setText("{\"a\":1,\"b\":[true,2.50]}");
        });
        robot.clickOn(editor.area());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(Fx.call(editor::getText)).isEqualTo("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    2.50\n  ]\n}\n");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(Fx.call(editor::getText)).isEqualTo("{\"a\":1,\"b\":[true,2.50]}");

        Fx.run(() -> editor.setText("{\n  \"a\": }"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(Fx.call(editor::getText)).isEqualTo("{\n  \"a\": }");
        assertThat(Fx.call(() -> editor.area().getCurrentParagraph())).isEqualTo(1);

        Fx.run(() -> editor.setLanguage(Language.PYTHON));
        assertThat(Fx.call(editor::canFormat)).isFalse();
        assertThat(Fx.call(editor::formatDocument)).isFalse();
    }

    private static String pythonLines(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("def f").append(i).append("(x):  # line ").append(i).append('\n');
        }
        return text.toString();
    }

    @Test
    void aPreparedTextOpensColouredWithNothingLeftToLex(FxRobot robot) {
        String text = pythonLines(3000);
        PreparedText prepared = PreparedText.of(text, Language.PYTHON);
        Fx.run(() -> editor.setLanguage(Language.JAVASCRIPT));
        Fx.run(() -> editor.setText(prepared));
        assertThat(Fx.call(editor::getLanguage)).isEqualTo(Language.PYTHON);
        assertThat(Fx.call(() -> editor.highlighting().busyProperty().get())).isFalse();
        assertThat(Fx.call(editor::getText)).isEqualTo(text);
        assertThat(Fx.call(editor::isModified)).isFalse();
        assertThat(Fx.call(() -> editor.area().getUndoManager().isUndoAvailable())).isFalse();
        assertThat(Fx.call(() -> editor.area().getStyleOfChar(editor.area().getAbsolutePosition(2999, 20))))
                .contains("comment");
    }

    @Test
    void recolouringAWholeLargeFileKeepsCaretSelectionScrollAndUndo(FxRobot robot) {
        String text = pythonLines(3000);
        Fx.run(() -> editor.setText(text));
        Fx.until(() -> !editor.highlighting().busyProperty().get());
        assertThat(Fx.call(() -> editor.area().getStyleOfChar(editor.area().getAbsolutePosition(2999, 20))))
                .contains("comment");
        focus(robot);
        robot.write("y = 2");
        Fx.run(() -> {
            editor.area().selectRange(editor.area().getAbsolutePosition(1500, 4), editor.area().getAbsolutePosition(1500, 6));
            editor.area().showParagraphAtTop(1490);
        });
        Fx.until(() -> !editor.highlighting().busyProperty().get());
        int anchor = Fx.call(() -> editor.area().getAnchor());
        int caret = Fx.call(() -> editor.area().getCaretPosition());
        int top = Fx.call(() -> editor.area().firstVisibleParToAllParIndex());
        Fx.run(() -> editor.setLanguage(Language.JAVASCRIPT));
        Fx.until(() -> !editor.highlighting().busyProperty().get()
                && !editor.area().getStyleOfChar(editor.area().getAbsolutePosition(2999, 20)).contains("comment"));
        assertThat(Fx.call(editor::getText)).isEqualTo(text + "y = 2");
        assertThat(Fx.call(() -> editor.area().getAnchor())).isEqualTo(anchor);
        assertThat(Fx.call(() -> editor.area().getCaretPosition())).isEqualTo(caret);
        assertThat(Fx.call(() -> editor.area().firstVisibleParToAllParIndex())).isEqualTo(top);
        assertThat(Fx.call(() -> editor.area().getParagraph(1500).getParagraphStyle())).contains("current-line");
        // the recolouring added no undo step: undoing the typing gets back to the loaded text, and no further
        Fx.run(() -> {
            for (int i = 0; i < 10 && editor.area().getUndoManager().isUndoAvailable(); i++) {
                editor.area().undo();
            }
        });
        assertThat(Fx.call(editor::getText)).isEqualTo(text);
        Fx.run(() -> editor.setLanguage(Language.PYTHON));
    }

    @Test
    void aWholeFileRecolourDuringOccurrenceEditingKeepsTheMarks(FxRobot robot) {
        String text = pythonLines(3000) + "count = 1\ncount += 2";
        Fx.run(() -> editor.setText(text));
        Fx.until(() -> !editor.highlighting().busyProperty().get());
        robot.clickOn(editor.area());
        Fx.run(() -> editor.area().moveTo(3000, 2));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.run(() -> editor.setLanguage(Language.JAVASCRIPT));
        Fx.until(() -> !editor.highlighting().busyProperty().get()
                && !editor.area().getStyleOfChar(editor.area().getAbsolutePosition(2999, 20)).contains("comment"));
        robot.write("n");
        assertThat(Fx.call(editor::getText)).endsWith("\nn = 1\nn += 2");
        Fx.run(() -> editor.setLanguage(Language.PYTHON));
    }
}
