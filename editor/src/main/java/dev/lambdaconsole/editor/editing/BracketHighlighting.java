package dev.lambdaconsole.editor.editing;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.EditorArea;
import dev.lambdaconsole.editor.EditorFeature;
import dev.lambdaconsole.editor.editing.BracketMatcher.BracketPair;
import java.util.Collection;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import org.fxmisc.richtext.Selection;
import org.fxmisc.richtext.SelectionImpl;

/** Marks the bracket next to the caret and its partner ({@code bracket-match} shapes behind the text). */
public final class BracketHighlighting implements EditorFeature {

    private static final int WINDOW = 20_000;

    private CodeEditor editor;
    private Selection<Collection<String>, String, Collection<String>> open;
    private Selection<Collection<String>, String, Collection<String>> close;
    private Optional<BracketPair> current = Optional.empty();
    private boolean updateQueued;
    private final ChangeListener<Integer> caretListener = (obs, old, now) -> queueUpdate();

    @Override
    public void install(CodeEditor editor) {
        this.editor = editor;
        EditorArea area = editor.area();
        open = new SelectionImpl<>("bracket-open", area, path -> path.getStyleClass().add("bracket-match"));
        close = new SelectionImpl<>("bracket-close", area, path -> path.getStyleClass().add("bracket-match"));
        area.addSelection(open);
        area.addSelection(close);
        area.caretPositionProperty().addListener(caretListener);
    }

    @Override
    public void uninstall(CodeEditor editor) {
        editor.area().caretPositionProperty().removeListener(caretListener);
        editor.area().removeSelection(open);
        editor.area().removeSelection(close);
        this.editor = null;
    }

    /** The pair currently highlighted, as document offsets. */
    public Optional<BracketPair> currentPair() {
        return current;
    }

    private void queueUpdate() {
        if (!updateQueued) {
            updateQueued = true;
            Platform.runLater(this::update);
        }
    }

    private void update() {
        updateQueued = false;
        if (editor == null) {
            return;
        }
        EditorArea area = editor.area();
        int caret = area.getCaretPosition();
        int from = Math.max(0, caret - WINDOW);
        int to = Math.min(area.getLength(), caret + WINDOW);
        BracketMatcher matcher = new BracketMatcher(editor.syntax().brackets());
        current = matcher.find(area.getText(from, to), caret - from)
                .map(p -> new BracketPair(p.open() + from, p.close() + from));
        if (current.isPresent()) {
            open.selectRange(current.get().open(), current.get().open() + 1);
            close.selectRange(current.get().close(), current.get().close() + 1);
        } else {
            open.deselect();
            close.deselect();
        }
    }
}
