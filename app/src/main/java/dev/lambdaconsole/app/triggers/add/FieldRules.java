package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.app.triggers.patterns.LambdaFilters;
import dev.lambdaconsole.simulators.patterns.Dialect;
import dev.lambdaconsole.simulators.patterns.EventPattern;
import dev.lambdaconsole.simulators.patterns.InvalidPatternException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of Add trigger's fields as pure functions: each answers the broken rule in the words the Lambda
 * console and the service use, or null when the value is fine.
 */
final class FieldRules {
    static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo");
    static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}|[A-Za-z0-9_-]{1,251}\\.fifo");

    private FieldRules() { }

    /** A whole number in [min, max]; blank is refused unless {@code optional}. */
    static String wholeNumber(String text, long min, long max, boolean optional) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return optional ? null : "Enter a whole number between " + min + " and " + max + ".";
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return "Must be a whole number between " + min + " and " + max + ".";
        }
        if (v < min || v > max) return "Must be between " + min + " and " + max + ".";
        return null;
    }

    /** The value of a field its rule accepted (blank: {@code fallback}). */
    static int number(String text, int fallback) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return fallback;
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String queueName(String name) {
        if (name == null || name.isBlank()) return "Choose a queue or enter the name of a new one.";
        if (!QUEUE_NAME.matcher(name.strip()).matches()) {
            return "Queue names can only include alphanumeric characters, hyphens, or underscores, 1 to 80 in length "
                    + "(a FIFO queue's name ends in .fifo).";
        }
        return null;
    }

    static String topicName(String name) {
        if (name == null || name.isBlank()) return "Choose a topic or enter the name of a new one.";
        if (!TOPIC_NAME.matcher(name.strip()).matches()) {
            return "Topic names must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, "
                    + "and hyphens, and must be between 1 and 256 characters long (a FIFO topic's ends in .fifo).";
        }
        return null;
    }

    /**
     * Lambda FilterCriteria as typed: one pattern per line, or a JSON array of patterns; at most 5. Answers the
     * patterns' texts; throws IllegalArgumentException with the rule the first bad one breaks.
     */
    static List<String> filterPatterns(String text) {
        List<String> out = LambdaFilters.split(text);
        for (int i = 0; i < out.size(); i++) {
            try {
                EventPattern.parse(out.get(i), Dialect.LAMBDA_FILTER);
            } catch (InvalidPatternException e) {
                throw new IllegalArgumentException((out.size() > 1 ? "Filter " + (i + 1) + ": " : "")
                        + e.getMessage() + " (" + e.reason() + ")");
            }
        }
        return out;
    }

    /** The filters' rule, or null when they are fine. */
    static String filterProblem(String text) {
        try {
            filterPatterns(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
