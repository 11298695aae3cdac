package dev.lambdaconsole.runtime.logs.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One comparison of a JSON or space-delimited pattern: an operator and a value, tested against a field's text
 * (and its number, when it is one). {@code =} and {@code !=} compare numbers as numbers when both are, else
 * text, where {@code *} in the value matches any characters; a %regex% value is searched for in the text;
 * {@code < <= > >=} need numbers on both sides.
 */
final class Comparison {
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    final String op;
    final String value;
    private final Double number;
    private final Pattern regex;
    private final Pattern wildcard;

    private Comparison(String op, String value, Double number, Pattern regex, Pattern wildcard) {
        this.op = op;
        this.value = value;
        this.number = number;
        this.regex = regex;
        this.wildcard = wildcard;
    }

    /** Reads an operator and a value; {@code stops}: characters that end an unquoted value. */
    static Comparison read(PatternReader r, String stops) {
        r.skipSpaces();
        int opAt = r.pos;
        String op = null;
        for (String o : List.of("!=", "<=", ">=", "=", "<", ">")) {
            if (r.startsWith(o)) { op = o; break; }
        }
        if (op == null) throw r.error("Expected an operator (= != < <= > >=)");
        r.pos += op.length();
        r.skipSpaces();
        int valueAt = r.pos;
        if (r.atEnd()) throw r.error("Expected a value after " + op);
        if (r.peek() == '%') {
            Pattern p = r.regex();
            if (!op.equals("=") && !op.equals("!=")) throw r.error("A %regex% can only be compared with = or !=", opAt);
            return new Comparison(op, null, null, p, null);
        }
        String text;
        boolean quoted = r.peek() == '"';
        if (quoted) {
            text = r.quoted();
        } else {
            int start = r.pos;
            while (!r.atEnd() && !Character.isWhitespace(r.peek()) && stops.indexOf(r.peek()) < 0) r.pos++;
            text = r.text.substring(start, r.pos);
            if (text.isEmpty()) throw r.error("Expected a value after " + op);
        }
        Double n = !quoted && NUMBER.matcher(text).matches() ? Double.valueOf(text) : null;
        if (n == null && !op.equals("=") && !op.equals("!=")) {
            throw r.error("Operator " + op + " needs a number, not '" + text + "'", valueAt);
        }
        Pattern w = text.indexOf('*') >= 0 ? wildcardPattern(text) : null;
        return new Comparison(op, text, n, null, w);
    }

    private static Pattern wildcardPattern(String text) {
        StringBuilder p = new StringBuilder();
        String[] parts = text.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) p.append(".*");
            if (!parts[i].isEmpty()) p.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(p.toString(), Pattern.DOTALL);
    }

    static Double numberOf(String text) {
        if (text == null || !NUMBER.matcher(text).matches()) return null;
        return Double.valueOf(text);
    }

    /** Whether a field with this text (and number, or null) passes. */
    boolean test(String text, Double actual) {
        if (regex != null) return regex.matcher(text).find() == op.equals("=");
        if (op.equals("=") || op.equals("!=")) {
            boolean equal = number != null && actual != null ? number.doubleValue() == actual.doubleValue()
                    : wildcard != null ? wildcard.matcher(text).matches() : value.equals(text);
            return equal == op.equals("=");
        }
        if (actual == null) return false;
        int c = Double.compare(actual, number);
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    /**
     * Texts any field that passes must contain verbatim, for an index to narrow by: the parts of an {@code =}
     * text value between its wildcards, cut where a JSON writer might escape a character. None for numbers,
     * regular expressions and the other operators.
     */
    List<String> literals() {
        if (!op.equals("=") || regex != null || number != null) return new ArrayList<>();
        return literals(value);
    }

    /** The runs of {@code text} between wildcards and characters a JSON writer might escape. */
    static List<String> literals(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : '*';
            if (c == '*' || c == '"' || c == '\\' || c == '/' || c < 0x20 || c > 0x7e) {
                if (run.length() > 0) out.add(run.toString());
                run.setLength(0);
            } else {
                run.append(c);
            }
        }
        return out;
    }
}
