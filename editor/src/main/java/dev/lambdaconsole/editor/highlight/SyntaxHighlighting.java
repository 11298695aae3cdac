package dev.lambdaconsole.editor.highlight;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.EditorFeature;
import dev.lambdaconsole.editor.concurrent.EditorThreads;
import dev.lambdaconsole.editor.syntax.Highlighter;
import dev.lambdaconsole.editor.syntax.RegexHighlighter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.reactfx.Subscription;

/**
 * Keeps the colours of a {@link CodeEditor} up to date. On the FX thread it only records which
 * lines changed; after a 150 ms pause it snapshots the (immutable) document and lexes the dirty
 * lines on the highlighter thread. A small result is applied with one {@code setStyleSpans}; a
 * large one (opening a file, a change that recolours the rest of the file) is built into a styled
 * document on the highlighter thread and swapped in on the FX thread with one {@code replace} of
 * the same text, keeping caret, selection and scroll. A result computed for an outdated document
 * is dropped and its lines marked dirty again.
 */
public final class SyntaxHighlighting implements EditorFeature {

    static final Duration DEBOUNCE = Duration.ofMillis(150);
    /** From this many lines on, a result is applied as one styled-document replace. */
    static final int BULK_LINES = 200;

    private final Executor worker;
    private final List<Supplier<LineDecorations>> decorations = new ArrayList<>();
    private final LineStates states = new LineStates();
    private final DirtyLines dirty = new DirtyLines();
    private final DirtyLines inFlight = new DirtyLines();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private Highlighter highlighter = new RegexHighlighter(List.of());
    private BooleanSupplier bulkReplaceAllowed = () -> true;
    private CodeArea area;
    private Subscription subscription = Subscription.EMPTY;
    private long version;
    private boolean running;
    private boolean rescheduleWhenDone;

    public SyntaxHighlighting(Supplier<LineDecorations> decorations) {
        this(EditorThreads.highlighter(), decorations);
    }

    SyntaxHighlighting(Executor worker, Supplier<LineDecorations> decorations) {
        this.worker = worker;
        this.decorations.add(decorations);
    }

    @Override
    public void install(CodeEditor editor) {
        area = editor.area();
        Subscription changes = area.multiPlainChanges().subscribe(this::onChanges);
        Subscription pauses = area.multiPlainChanges().successionEnds(DEBOUNCE).subscribe(c -> schedule());
        subscription = changes.and(pauses);
        rehighlightAll();
    }

    @Override
    public void uninstall(CodeEditor editor) {
        subscription.unsubscribe();
        subscription = Subscription.EMPTY;
        version++;
        area = null;
    }

    /** Adds a source of decorations laid over the colours (read on the FX thread, used on the worker). */
    public void addDecorations(Supplier<LineDecorations> source) {
        decorations.add(source);
        rehighlightAll();
    }

    public void removeDecorations(Supplier<LineDecorations> source) {
        decorations.remove(source);
        rehighlightAll();
    }

    /**
     * Large recolours swap in a coloured copy of the lines, which collapses extra selections on them
     * (for example the marks of occurrence editing); while {@code allowed} is false they are restyled
     * with {@code setStyleSpans} instead (slower, nothing moves).
     */
    public void setBulkReplaceAllowed(BooleanSupplier allowed) {
        this.bulkReplaceAllowed = allowed;
    }

    public void setHighlighter(Highlighter highlighter) {
        this.highlighter = highlighter;
        rehighlightAll();
    }

    /** True from an edit until its colours are on screen. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Recolours the whole document now, without waiting for a typing pause. */
    public void rehighlightAll() {
        if (area == null) {
            return;
        }
        int lines = area.getParagraphs().size();
        states.reset(lines, highlighter.initialState());
        dirty.mark(0, lines - 1);
        version++;
        schedule();
    }

    /**
     * The area has just been loaded with {@code text}'s coloured document: take its lexer states
     * and drop pending work, so nothing is lexed again (a stale job in flight is discarded).
     */
    public void adopt(PreparedText text) {
        if (area == null) {
            return;
        }
        int[] starts = text.lineStartStates();
        states.reset(starts.length, highlighter.initialState());
        for (int line = 0; line < starts.length; line++) {
            states.set(line, starts[line]);
        }
        dirty.clear();
        inFlight.clear();
        version++;
        if (!running) {
            busy.set(false);
        }
    }

    /** Recolours the given lines (for example after their decorations changed). */
    public void rehighlightLines(int from, int to) {
        if (area == null) {
            return;
        }
        int last = area.getParagraphs().size() - 1;
        dirty.mark(Math.max(0, Math.min(from, last)), Math.max(0, Math.min(to, last)));
        schedule();
    }

    private void onChanges(List<PlainTextChange> changes) {
        version++;
        busy.set(true);
        if (changes.size() == 1) {
            PlainTextChange change = changes.get(0);
            int line = area.offsetToPosition(change.getPosition(), Bias.Backward).getMajor();
            int removed = countLines(change.getRemoved());
            int inserted = countLines(change.getInserted());
            states.edit(line, removed, inserted, highlighter.initialState());
            dirty.edit(line, removed, inserted);
            inFlight.edit(line, removed, inserted);
            dirty.mark(line, line + inserted);
            return;
        }
        int first = Integer.MAX_VALUE;
        for (PlainTextChange change : changes) {
            first = Math.min(first, change.getPosition());
        }
        int line = area.offsetToPosition(Math.min(first, area.getLength()), Bias.Backward).getMajor();
        int lineCount = area.getParagraphs().size();
        states.edit(line, states.size() - line - 1, lineCount - line - 1, highlighter.initialState());
        dirty.mark(line, lineCount - 1);
        inFlight.mark(line, lineCount - 1);
    }

    private void schedule() {
        if (area == null) {
            return;
        }
        if (running) {
            rescheduleWhenDone = true;
            return;
        }
        if (dirty.isEmpty()) {
            busy.set(false);
            return;
        }
        running = true;
        busy.set(true);
        inFlight.clear();
        inFlight.markAll(dirty);
        dirty.clear();
        long jobVersion = version;
        int from = inFlight.from();
        int to = inFlight.to();
        ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> snapshot = area.getContent().snapshot();
        int[] oldStates = states.copy();
        Highlighter lexer = highlighter;
        LineDecorations decorationSnapshot = currentDecorations();
        worker.execute(() -> {
            Result result = compute(lexer, snapshot, oldStates, from, to, decorationSnapshot);
            Platform.runLater(() -> apply(result, jobVersion));
        });
    }

    private LineDecorations currentDecorations() {
        LineDecorations all = LineDecorations.NONE;
        for (Supplier<LineDecorations> source : decorations) {
            all = all.and(source.get());
        }
        return all;
    }

    private static Result compute(Highlighter lexer, ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> doc,
                                  int[] oldStates, int from, int to, LineDecorations decorations) {
        int lineCount = doc.getParagraphs().size();
        HighlightResult result = HighlightJob.run(lexer, line -> doc.getParagraph(line).getText(), lineCount,
                oldStates, from, to);
        if (result.lineCount() >= BULK_LINES) {
            return new Result(result.firstLine(), null, StyledLines.document(result.lineRuns(), result.lineTexts(),
                    result.firstLine(), decorations), result.endStates());
        }
        return new Result(result.firstLine(), StyleSpansFactory.forLines(result.lineRuns(), result.lineTexts(),
                result.firstLine(), decorations), null, result.endStates());
    }

    private void apply(Result result, long jobVersion) {
        if (area == null) {
            return;
        }
        if (jobVersion != version) {
            dirty.markAll(inFlight);
            finish();
            return;
        }
        if (result.document() != null) {
            replaceKeepingView(result.firstLine(), result.document());
        } else {
            area.setStyleSpans(area.getAbsolutePosition(result.firstLine(), 0), result.spans());
        }
        for (int i = 0; i < result.endStates().length; i++) {
            states.set(result.firstLine() + i + 1, result.endStates()[i]);
        }
        finish();
    }

    /**
     * Swaps in the same text, coloured. The lines holding the selection (caret included) are only
     * restyled, never replaced, so caret, selection and the current-line style do not move; the
     * lines after them are replaced first so the offsets before them stay valid. While
     * {@link #setBulkReplaceAllowed} says no (extra selections that a replace would collapse are
     * shown), the whole range is only restyled.
     */
    private void replaceKeepingView(int firstLine, ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> coloured) {
        int start = area.getAbsolutePosition(firstLine, 0);
        if (!bulkReplaceAllowed.getAsBoolean()) {
            area.setStyleSpans(start, coloured.getStyleSpans(0, coloured.length()));
            return;
        }
        int lines = coloured.getParagraphCount();
        int selectionFirst = area.offsetToPosition(area.getSelection().getStart(), Bias.Forward).getMajor();
        int selectionLast = area.offsetToPosition(area.getSelection().getEnd(), Bias.Backward).getMajor();
        int keepFrom = Math.max(0, Math.min(lines, selectionFirst - firstLine));
        int keepTo = Math.max(0, Math.min(lines, selectionLast - firstLine + 1));
        if (keepFrom >= keepTo) {
            area.replace(start, start + coloured.length(), coloured);
            return;
        }
        int anchor = area.getAnchor();
        int caret = area.getCaretPosition();
        if (keepTo < lines) {
            replaceLines(firstLine, coloured, keepTo, lines);
        }
        int from = offsetOf(coloured, keepFrom);
        int to = endOf(coloured, keepTo - 1);
        area.setStyleSpans(area.getAbsolutePosition(firstLine + keepFrom, 0), coloured.getStyleSpans(from, to));
        if (keepFrom > 0) {
            replaceLines(firstLine, coloured, 0, keepFrom);
        }
        if (area.getAnchor() != anchor || area.getCaretPosition() != caret) {
            // restyling the selected lines can move the anchor (seen in RichTextFX 0.11.7)
            area.selectRange(anchor, caret);
        }
    }

    /** Replaces the lines of paragraphs {@code [first, end)} of {@code coloured} with them. */
    private void replaceLines(int firstLine, ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> coloured,
                              int first, int end) {
        int from = offsetOf(coloured, first);
        int to = endOf(coloured, end - 1);
        int at = area.getAbsolutePosition(firstLine + first, 0);
        area.replace(at, at + (to - from), coloured.subSequence(from, to));
    }

    private static int offsetOf(ReadOnlyStyledDocument<?, ?, ?> doc, int paragraph) {
        return doc.position(paragraph, 0).toOffset();
    }

    private static int endOf(ReadOnlyStyledDocument<?, ?, ?> doc, int paragraph) {
        return doc.position(paragraph, doc.getParagraph(paragraph).length()).toOffset();
    }

    private void finish() {
        inFlight.clear();
        running = false;
        if (rescheduleWhenDone) {
            rescheduleWhenDone = false;
            schedule();
        } else {
            busy.set(!dirty.isEmpty());
        }
    }

    private static int countLines(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Either spans (small) or a styled document (large) for lines from {@code firstLine}. */
    private record Result(int firstLine, StyleSpans<Collection<String>> spans,
                          ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document, int[] endStates) {
    }
}
