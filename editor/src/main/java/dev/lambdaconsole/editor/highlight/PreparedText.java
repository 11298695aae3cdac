package dev.lambdaconsole.editor.highlight;

import dev.lambdaconsole.editor.syntax.Highlighter;
import dev.lambdaconsole.editor.syntax.Language;
import dev.lambdaconsole.editor.syntax.SyntaxDefinitions;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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
        HighlightResult result = HighlightJob.run(highlighter, lines::get, count, new int[count], 0, count - 1);
        int[] starts = new int[count];
        starts[0] = highlighter.initialState();
        System.arraycopy(result.endStates(), 0, starts, 1, count - 1);
        return new PreparedText(language, StyledLines.document(result.lineRuns(), lines, 0, LineDecorations.NONE), starts);
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
