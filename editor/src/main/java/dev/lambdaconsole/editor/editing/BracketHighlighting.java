package dev.lambdaconsole.editor.editing;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.EditorArea;
import dev.lambdaconsole.editor.EditorFeature;
import dev.lambdaconsole.editor.editing.BracketMatcher.BracketPair;
import java.util.BitSet;
import java.util.Collection;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import org.fxmisc.richtext.Selection;
import org.fxmisc.richtext.SelectionImpl;
import org.fxmisc.richtext.model.StyleSpan;

/**
 * Marks the bracket next to the caret and its partner ({@code bracket-match} shapes behind the text).
 * Brackets the highlighter coloured as strings or comments are ignored.
 */
public final class BracketHighlighting implements EditorFeature {

    private static final int WINDOW = 10_000;

    private CodeEditor editor;
    private Selection<Collection<String>, String, Collection<String>> open;
    private Selection<Collection<String>, String, Collection<String>> close;
    private Optional<BracketPair> current = Optional.empty();
    private boolean updateQueued;
    private boolean shown;
    private final ChangeListener<Integer> caretListener = (obs, old, now) -> queueUpdate();

    @Override
    public void install(CodeEditor editor) {
        this.editor = editor;
        EditorArea area = editor.area();
        open = new SelectionImpl<>("bracket-open", area, path -> path.getStyleClass().add("bracket-match"));
        close = new SelectionImpl<>("bracket-close", area, path -> path.getStyleClass().add("bracket-match"));
        area.caretPositionProperty().addListener(caretListener);
    }

    @Override
    public void uninstall(CodeEditor editor) {
        editor.area().caretPositionProperty().removeListener(caretListener);
        show(false);
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
        BitSet nonCode = nonCode(area, from, to);
        current = matcher.find(area.getText(from, to), caret - from, nonCode::get)
                .map(p -> new BracketPair(p.open() + from, p.close() + from));
        show(current.isPresent());
        current.ifPresent(pair -> {
            open.selectRange(pair.open(), pair.open() + 1);
            close.selectRange(pair.close(), pair.close() + 1);
        });
    }

    /** Offsets (relative to {@code from}) the highlighter coloured as strings or comments. */
    private static BitSet nonCode(EditorArea area, int from, int to) {
        BitSet mask = new BitSet(to - from);
        int pos = 0;
        for (StyleSpan<Collection<String>> span : area.getStyleSpans(from, to)) {
            if (NonCode.isNonCode(span.getStyle())) {
                mask.set(pos, pos + span.getLength());
            }
            pos += span.getLength();
        }
        return mask;
    }

    /** Extra selections cost work on every edit, so they are attached only while a pair is shown. */
    private void show(boolean visible) {
        EditorArea area = editor.area();
        if (visible && !shown) {
            area.addSelection(open);
            area.addSelection(close);
        } else if (!visible && shown) {
            area.removeSelection(open);
            area.removeSelection(close);
        }
        shown = visible;
    }
}
