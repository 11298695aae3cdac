package dev.lambdaconsole.runtime.logs.filter;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A cursor over the pattern text for the parsers, with the shared pieces: quoted text, %regex%, errors. */
final class PatternReader {
    /** Besides letters and digits, what CloudWatch Logs accepts in a %regex% (symbols and operators). */
    private static final String REGEX_CHARS = "_#=@/;,-: ^$?[]{}|\\*+.";

    final String text;
    int pos;

    PatternReader(String text) {
        this.text = text;
    }

    boolean atEnd() { return pos >= text.length(); }

    char peek() { return atEnd() ? '\0' : text.charAt(pos); }

    boolean startsWith(String s) { return text.startsWith(s, pos); }

    void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    /** Skips spaces; consumes {@code s} if it comes next. */
    boolean accept(String s) {
        skipSpaces();
        if (!startsWith(s)) return false;
        pos += s.length();
        return true;
    }

    void expect(String s, String what) {
        if (!accept(s)) throw error("Expected " + what + (atEnd() ? " but the pattern ended" : " but found '" + peek() + "'"));
    }

    FilterPatternException error(String problem) { return error(problem, pos); }

    FilterPatternException error(String problem, int at) { return new FilterPatternException(problem, at + 1); }

    /** At a double quote: the text up to the closing one, with {@code \"} and {@code \\} unescaped. */
    String quoted() {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(pos++);
            if (c == '"') return out.toString();
            if (c == '\\' && !atEnd() && (peek() == '"' || peek() == '\\')) c = text.charAt(pos++);
            out.append(c);
        }
        throw error("Unterminated quoted text (no closing \") starting", start);
    }

    /** At a percent sign: the regular expression up to the next one, checked against what CloudWatch allows. */
    Pattern regex() {
        int start = pos;
        int end = text.indexOf('%', pos + 1);
        if (end < 0) throw error("Unterminated %regex% (no closing %) starting", start);
        String body = text.substring(pos + 1, end);
        if (body.isEmpty()) throw error("Empty %regex%", start);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) < 128) {
                i++;
                continue;
            }
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || REGEX_CHARS.indexOf(c) >= 0);
            if (!ok) {
                throw error("Character '" + c + "' is not supported in a %regex% (allowed: letters, digits, "
                        + "_ # = @ / ; , - : space and the operators ^ $ ? [ ] { } | \\ * + .; parentheses are not)",
                        start + 1 + i);
            }
        }
        pos = end + 1;
        try {
            return Pattern.compile(body);
        } catch (PatternSyntaxException e) {
            throw error("Invalid %regex%: " + e.getDescription(), start + 1 + Math.max(0, e.getIndex()));
        }
    }
}
