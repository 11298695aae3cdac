package dev.lambdaconsole.runtime.model;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a Lambda rule; each problem names the field, the rule and the value. */
public class ValidationException extends RuntimeException {
    private final List<Problem> problems;

    public record Problem(String field, String rule, Object value) {
        public String message() {
            return value == null ? field + ": " + rule : field + ": " + rule + " (got " + shorten(value) + ")";
        }
        private static String shorten(Object value) {
            String text = String.valueOf(value);
            return text.length() > 80 ? "'" + text.substring(0, 77) + "...'" : "'" + text + "'";
        }
    }

    public ValidationException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public ValidationException(String field, String rule, Object value) {
        this(List.of(new Problem(field, rule, value)));
    }

    public List<Problem> problems() { return problems; }
}
