package dev.lambdaconsole.editor.syntax;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One highlighting rule as stored in {@code syntax/<id>.json}. Exactly one of these forms:
 * <ul>
 *   <li>{@code pattern}: a regular expression matched within one line;</li>
 *   <li>{@code words}: a list of whole words (keywords, built-ins);</li>
 *   <li>{@code begin} + {@code end}: a construct that may span lines (block comment, heredoc-like string).</li>
 * </ul>
 */
public record SyntaxRule(String style, String pattern, List<String> words, String begin, String end) {

    public SyntaxRule {
        if (style == null || style.isBlank()) {
            throw new IllegalArgumentException("rule without style");
        }
        int forms = (pattern != null ? 1 : 0) + (words != null ? 1 : 0) + (begin != null ? 1 : 0);
        if (forms != 1 || (begin != null) != (end != null)) {
            throw new IllegalArgumentException("rule '" + style + "' needs exactly one of pattern, words, begin+end");
        }
    }

    public boolean spansLines() {
        return begin != null;
    }

    /** The regular expression that starts a match of this rule. */
    String startRegex() {
        if (pattern != null) {
            return pattern;
        }
        if (words != null) {
            return "\\b(?:" + String.join("|", words.stream().map(Pattern::quote).toList()) + ")\\b";
        }
        return begin;
    }
}
