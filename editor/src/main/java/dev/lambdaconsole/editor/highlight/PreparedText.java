package dev.lambdaconsole.editor.highlight;

import dev.lambdaconsole.editor.syntax.Highlighter;
import dev.lambdaconsole.editor.syntax.Language;
import dev.lambdaconsole.editor.syntax.SyntaxDefinitions;
import dev.lambdaconsole.editor.syntax.StyleRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;

/**
 * A text already lexed and coloured, ready to be shown with one replace on the FX thread. Made by
 * {@link #of} on any thread (typically the one that read the file), so opening a large file costs
 * the FX thread only the swap.
 */
public final class PreparedText {

    /** The same line terminators RichTextFX splits paragraphs on. */
    private static final Pattern LINE_TERMINATOR = Pattern.compile("\r\n|\r|\n");

    private final Language language;
    private final ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document;
    private final int[] lineStartStates;

    private PreparedText(Language language, ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document,
                         int[] lineStartStates) {
        this.language = language;
        this.document = document;
        this.lineStartStates = lineStartStates;
    }

    /** Lexes every line of {@code text} with the language's highlighter; safe off the FX thread. */
    public static PreparedText of(String text, Language language) {
        Highlighter highlighter = SyntaxDefinitions.highlighter(language);
        List<String> lines = Arrays.asList(LINE_TERMINATOR.split(text, -1));
        int count = lines.size();
        HighlightResult result = lexAll(highlighter, lines);
        int[] starts = new int[count];
        starts[0] = highlighter.initialState();
        System.arraycopy(result.endStates(), 0, starts, 1, count - 1);
        return new PreparedText(language, StyledLines.document(result.lineRuns(), lines, 0, LineDecorations.NONE), starts);
    }

    /** Below this, lexing in two halves is not worth a second thread. */
    static final int SPLIT_LINES = 4_000;

    /**
     * Lexes all lines. Large texts are lexed in two halves at once: the second half speculatively
     * from the initial state; if the first half ends in another state (inside a block comment, say),
     * the second half is re-lexed from its start only until its states meet the speculative ones.
     */
    static HighlightResult lexAll(Highlighter highlighter, List<String> lines) {
        int count = lines.size();
        int initial = highlighter.initialState();
        int[] assumed = new int[count];
        Arrays.fill(assumed, initial);
        if (count < SPLIT_LINES) {
            return HighlightJob.run(highlighter, lines::get, count, assumed, 0, count - 1);
        }
        int mid = count / 2;
        CompletableFuture<HighlightResult> tail = CompletableFuture.supplyAsync(
                () -> HighlightJob.run(highlighter, lines::get, count, assumed, mid, count - 1));
        HighlightResult head = HighlightJob.run(highlighter, lines::get, mid, assumed, 0, mid - 1);
        HighlightResult second = tail.join();
        List<List<StyleRun>> runs = new ArrayList<>(head.lineRuns());
        int[] ends = Arrays.copyOf(head.endStates(), count);
        System.arraycopy(second.endStates(), 0, ends, mid, count - mid);
        List<List<StyleRun>> tailRuns = new ArrayList<>(second.lineRuns());
        int stateAtMid = head.endStates()[mid - 1];
        if (stateAtMid != initial) {
            int[] speculative = new int[count];
            speculative[mid] = stateAtMid;
            for (int line = mid + 1; line < count; line++) {
                speculative[line] = second.endStates()[line - mid - 1];
            }
            HighlightResult fix = HighlightJob.run(highlighter, lines::get, count, speculative, mid, mid);
            for (int i = 0; i < fix.lineCount(); i++) {
                tailRuns.set(i, fix.lineRuns().get(i));
                ends[mid + i] = fix.endStates()[i];
            }
        }
        runs.addAll(tailRuns);
        return new HighlightResult(0, runs, ends, lines);
    }

    public Language language() {
        return language;
    }

    public ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document() {
        return document;
    }

    int[] lineStartStates() {
        return lineStartStates;
    }
}
