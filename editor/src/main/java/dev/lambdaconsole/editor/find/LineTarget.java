package dev.lambdaconsole.editor.find;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A 1-based line and column typed into the go-to-line bar. */
public record LineTarget(int line, int column) {

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+)\\s*(?::\\s*(\\d+)\\s*)?");

    /** Parses {@code 12} or {@code 12:5}; empty for anything else. */
    public static Optional<LineTarget> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            int line = Integer.parseInt(matcher.group(1));
            int column = matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
            return line >= 1 && column >= 1 ? Optional.of(new LineTarget(line, column)) : Optional.empty();
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
