package dev.lambdaconsole.runtime.logs.filter;

import java.util.List;
import java.util.Optional;

/**
 * A CloudWatch Logs filter pattern, parsed once and matched against messages (case-sensitive):
 * <ul>
 * <li>empty: every event;</li>
 * <li>terms: {@code ERROR Exception} (all), {@code "exact phrase"}, {@code ?ERROR ?WARN} (any),
 * {@code ERROR -Retry} (not), {@code %regex%};</li>
 * <li>JSON, {@code { $.level = "ERROR" && ($.ms > 100 || $.a.b[0] != "x*") }}, with {@code IS NULL},
 * {@code IS TRUE}, {@code IS FALSE}, {@code NOT EXISTS}: only messages that are JSON objects match;</li>
 * <li>space-delimited, {@code [ip, user, ..., status = 4*, bytes > 1000]}: fields by position over the
 * message's words, where {@code "…"} and {@code […]} are one word and {@code ...} stands for any number.</li>
 * </ul>
 * Invalid patterns throw {@link FilterPatternException} naming the problem and its column.
 */
public final class FilterPattern {
    /** What a parsed pattern does with a message. */
    interface Matcher {
        boolean matches(String message);

        /** Texts every matching message contains verbatim (for narrowing candidates through an index). */
        List<String> requiredTexts();

        /** Weaker ones, tried when there are none of the others: JSON property names, quoted. */
        default List<String> requiredKeys() { return List.of(); }
    }

    private final String text;
    private final Matcher matcher;

    private FilterPattern(String text, Matcher matcher) {
        this.text = text;
        this.matcher = matcher;
    }

    public static FilterPattern parse(String pattern) {
        String p = pattern == null ? "" : pattern;
        String t = p.strip();
        if (t.isEmpty()) return new FilterPattern(p, null);
        int lead = p.indexOf(t.charAt(0));
        if (t.charAt(0) == '{') return new FilterPattern(p, JsonPattern.parse(p, lead));
        if (t.charAt(0) == '[') return new FilterPattern(p, DelimitedPattern.parse(p, lead));
        return new FilterPattern(p, TermPattern.parse(p));
    }

    /** The pattern as given. */
    public String text() { return text; }

    /** Whether the pattern is empty (every event matches). */
    public boolean matchesEverything() { return matcher == null; }

    public boolean matches(String message) {
        return matcher == null || matcher.matches(message == null ? "" : message);
    }

    /**
     * The longest text (3+ characters) that every matching message contains verbatim, if there is one: a
     * trigram index can narrow the candidates to the messages holding it. Values are preferred to JSON
     * property names, which most messages of a structured log hold.
     */
    public Optional<String> indexHint() {
        if (matcher == null) return Optional.empty();
        return longest(matcher.requiredTexts()).or(() -> longest(matcher.requiredKeys()));
    }

    private static Optional<String> longest(List<String> texts) {
        String best = null;
        for (String s : texts) {
            int n = s.codePointCount(0, s.length());
            if (n >= 3 && (best == null || n > best.codePointCount(0, best.length()))) best = s;
        }
        return Optional.ofNullable(best);
    }

    @Override
    public String toString() { return text; }
}
