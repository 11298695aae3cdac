package dev.lambdaconsole.editor.find;

import static javafx.scene.input.KeyCode.F;
import static javafx.scene.input.KeyCode.F3;
import static javafx.scene.input.KeyCode.G;
import static javafx.scene.input.KeyCode.H;
import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;
import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.EditorFeature;
import javafx.scene.input.KeyEvent;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/** Ctrl+F find, Ctrl+H replace, F3/Shift+F3 next/previous, Ctrl+G go to line. */
public final class FindFeature implements EditorFeature {

    private FindBar findBar;
    private GoToLineBar goToLineBar;
    private InputMap<KeyEvent> inputMap;

    @Override
    public void install(CodeEditor editor) {
        findBar = new FindBar(editor);
        goToLineBar = new GoToLineBar(editor);
        inputMap = sequence(
                consume(keyPressed(F, SHORTCUT_DOWN), e -> findBar.open(false)),
                consume(keyPressed(H, SHORTCUT_DOWN), e -> findBar.open(true)),
                consume(keyPressed(F3), e -> findBar.next()),
                consume(keyPressed(F3, SHIFT_DOWN), e -> findBar.previous()),
                consume(keyPressed(G, SHORTCUT_DOWN), e -> goToLineBar.open()));
        Nodes.addInputMap(editor.area(), inputMap);
    }

    @Override
    public void uninstall(CodeEditor editor) {
        Nodes.removeInputMap(editor.area(), inputMap);
        findBar.close();
        editor.hideBar(goToLineBar);
    }

    public FindBar findBar() {
        return findBar;
    }
}
