package dev.lambdaconsole.editor.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Word boundaries and whole-word occurrences, as pure functions. */
public final class Occurrences {

    /** Offsets {@code [start, end)} in a text. */
    public record Range(int start, int end) {
        public int length() {
            return end - start;
        }
    }

    private Occurrences() {
    }

    public static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The word touching {@code caret} (to its right first, then to its left). */
    public static Optional<Range> wordAt(CharSequence text, int caret) {
        int start = caret;
        int end = caret;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        return end > start ? Optional.of(new Range(start, end)) : Optional.empty();
    }

    /** Every whole-word occurrence of {@code word}, in order. */
    public static List<Range> find(String text, String word) {
        List<Range> ranges = new ArrayList<>();
        if (word.isEmpty()) {
            return ranges;
        }
        int from = 0;
        while (true) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                return ranges;
            }
            int end = at + word.length();
            boolean wholeWord = (at == 0 || !isWordChar(text.charAt(at - 1)))
                    && (end == text.length() || !isWordChar(text.charAt(end)));
            if (wholeWord) {
                ranges.add(new Range(at, end));
            }
            from = at + 1;
        }
    }
}
