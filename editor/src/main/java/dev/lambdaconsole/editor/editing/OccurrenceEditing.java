package dev.lambdaconsole.editor.editing;

import static javafx.scene.input.KeyCode.BACK_SPACE;
import static javafx.scene.input.KeyCode.ESCAPE;
import static javafx.scene.input.KeyCode.L;
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
import dev.lambdaconsole.editor.editing.Occurrences.Range;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.MultiChangeBuilder;
import org.fxmisc.richtext.Selection;
import org.fxmisc.richtext.SelectionImpl;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * Ctrl+Shift+L selects every occurrence of the word at the caret; typing or Backspace then edits
 * all of them at once (one undo step each). Escape, a click or moving the caret away ends it.
 */
public final class OccurrenceEditing implements EditorFeature {

    private EditorArea area;
    private InputMap<KeyEvent> inputMap;
    private final List<Selection<Collection<String>, String, Collection<String>>> marks = new ArrayList<>();
    private List<Range> ranges = List.of();
    private int main;
    private boolean wholeSelected;
    private boolean applying;
    private final ChangeListener<Integer> caretListener = (obs, old, caret) -> {
        if (!applying && isActive() && (caret < ranges.get(main).start() || caret > ranges.get(main).end())) {
            stop();
        }
    };

    @Override
    public void install(CodeEditor editor) {
        area = editor.area();
        inputMap = sequence(
                consume(keyPressed(L, SHORTCUT_DOWN, SHIFT_DOWN), e -> start()),
                consumeWhen(keyPressed(ESCAPE), this::isActive, e -> stop()),
                consumeWhen(keyPressed(BACK_SPACE), this::isActive, e -> edit("")),
                consumeWhen(keyTyped(s -> !s.isEmpty() && s.chars().allMatch(c -> c >= ' ' && c != 127)),
                        this::isActive, e -> edit(e.getCharacter())));
        Nodes.addInputMap(area, inputMap);
        area.caretPositionProperty().addListener(caretListener);
    }

    @Override
    public void uninstall(CodeEditor editor) {
        stop();
        Nodes.removeInputMap(area, inputMap);
        area.caretPositionProperty().removeListener(caretListener);
    }

    public boolean isActive() {
        return !ranges.isEmpty();
    }

    /** The ranges being edited together, in document order. */
    public List<Range> ranges() {
        return ranges;
    }

    public void start() {
        stop();
        String text = area.getText();
        Occurrences.wordAt(text, area.getCaretPosition()).ifPresent(word -> {
            ranges = Occurrences.find(text, text.substring(word.start(), word.end()));
            main = ranges.indexOf(word);
            wholeSelected = true;
            showMarks();
            applying = true;
            area.selectRange(word.start(), word.end());
            applying = false;
        });
    }

    public void stop() {
        ranges = List.of();
        marks.forEach(area::removeSelection);
        marks.clear();
    }

    private void edit(String typed) {
        Range mainRange = ranges.get(main);
        int offset = Math.max(0, Math.min(area.getCaretPosition() - mainRange.start(), mainRange.length()));
        int cutFrom = wholeSelected ? 0 : typed.isEmpty() ? Math.max(0, offset - 1) : offset;
        int cutTo = wholeSelected ? mainRange.length() : offset;
        if (cutFrom == cutTo && typed.isEmpty()) {
            return;
        }
        MultiChangeBuilder<Collection<String>, String, Collection<String>> change = area.createMultiChange(ranges.size());
        for (int i = ranges.size() - 1; i >= 0; i--) {
            Range r = ranges.get(i);
            change.replaceText(r.start() + cutFrom, r.start() + cutTo, typed);
        }
        int delta = typed.length() - (cutTo - cutFrom);
        List<Range> moved = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            moved.add(new Range(r.start() + i * delta, r.end() + (i + 1) * delta));
        }
        applying = true;
        change.commit();
        ranges = moved;
        wholeSelected = false;
        area.moveTo(moved.get(main).start() + cutFrom + typed.length());
        applying = false;
        showMarks();
    }

    private void showMarks() {
        marks.forEach(area::removeSelection);
        marks.clear();
        for (int i = 0; i < ranges.size(); i++) {
            var mark = new SelectionImpl<Collection<String>, String, Collection<String>>("occurrence-" + i, area,
                    path -> path.getStyleClass().add("occurrence"));
            area.addSelection(mark);
            mark.selectRange(ranges.get(i).start(), ranges.get(i).end());
            marks.add(mark);
        }
    }
}
