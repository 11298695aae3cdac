package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.runtime.logs.filter.FilterPattern;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The filter text read as a CloudWatch Logs filter pattern or a regular expression: a test of messages and a
 * text every match holds (for the substring index), or null.
 */
record MessageFilter(Predicate<String> test, String hint) {
    /**
     * The filter for {@code text} in {@code mode}; null in substring mode or when it lets everything through.
     * Throws IllegalArgumentException saying what is wrong (and at which column) when it does not parse.
     */
    static MessageFilter of(FilterMode mode, String text, boolean matchCase) {
        String t = text == null ? "" : text;
        if (mode == FilterMode.SUBSTRING || t.isBlank()) return null;
        if (mode == FilterMode.PATTERN) {
            FilterPattern p = FilterPattern.parse(t);
            return p.matchesEverything() ? null : new MessageFilter(p::matches, p.indexHint().orElse(null));
        }
        try {
            Pattern p = Pattern.compile(t, matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            return new MessageFilter(m -> p.matcher(m).find(), null);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid regex: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at column " + (e.getIndex() + 1) : ""));
        }
    }
}
