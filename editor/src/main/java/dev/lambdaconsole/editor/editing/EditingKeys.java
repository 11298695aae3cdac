package dev.lambdaconsole.editor.editing;

import static javafx.scene.input.KeyCode.D;
import static javafx.scene.input.KeyCode.DOWN;
import static javafx.scene.input.KeyCode.ENTER;
import static javafx.scene.input.KeyCode.F;
import static javafx.scene.input.KeyCode.SLASH;
import static javafx.scene.input.KeyCode.TAB;
import static javafx.scene.input.KeyCode.UP;
import static javafx.scene.input.KeyCombination.ALT_DOWN;
import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;
import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.EventPattern.keyTyped;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.consumeWhen;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.EditorArea;
import dev.lambdaconsole.editor.EditorFeature;
import dev.lambdaconsole.editor.json.JsonFormatException;
import dev.lambdaconsole.editor.problems.Diagnostic;
import javafx.scene.input.KeyEvent;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * Code-editing keys: auto-indent on Enter, Tab/Shift+Tab, Ctrl+/ comment, Ctrl+D duplicate,
 * Alt+Up/Down move lines, Ctrl+Shift+F format (JSON), and outdenting a closing bracket typed on a blank line.
 */
public final class EditingKeys implements EditorFeature {

    private InputMap<KeyEvent> inputMap;

    @Override
    public void install(CodeEditor editor) {
        EditingCommands commands = new EditingCommands(editor);
        inputMap = sequence(
                consume(keyPressed(ENTER), e -> commands.newLine()),
                consume(keyPressed(TAB), e -> commands.tab()),
                consume(keyPressed(TAB, SHIFT_DOWN), e -> commands.outdent()),
                consume(keyTyped("\t")),
                consume(keyPressed(SLASH, SHORTCUT_DOWN), e -> commands.toggleComment()),
                consume(keyPressed(D, SHORTCUT_DOWN), e -> commands.duplicateLines()),
                consumeWhen(keyPressed(F, SHORTCUT_DOWN, SHIFT_DOWN), editor::canFormat, e -> format(editor)),
                consume(keyPressed(UP, ALT_DOWN), e -> commands.moveLinesUp()),
                consume(keyPressed(DOWN, ALT_DOWN), e -> commands.moveLinesDown()),
                consume(keyTyped(s -> s.length() == 1 && commands.isElectric(s.charAt(0))),
                        e -> commands.typeClosing(e.getCharacter().charAt(0))));
        EditorArea area = editor.area();
        Nodes.addInputMap(area, inputMap);
    }

    /** Formats; on invalid JSON puts the caret on the error, which the problem markers underline. */
    private static void format(CodeEditor editor) {
        try {
            editor.formatDocument();
        } catch (JsonFormatException invalid) {
            Diagnostic at = invalid.diagnostic();
            EditorArea area = editor.area();
            int line = Math.max(0, Math.min(at.line() - 1, area.getParagraphs().size() - 1));
            area.moveTo(line, Math.max(0, Math.min(at.column() - 1, area.getParagraphLength(line))));
            area.requestFollowCaret();
        }
    }

    @Override
    public void uninstall(CodeEditor editor) {
        Nodes.removeInputMap(editor.area(), inputMap);
    }
}
