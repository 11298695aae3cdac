package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code {"wildcard": "dir/*.png"}}: {@code *} stands for any run of characters; {@code \*} is a literal star and
 * {@code \\} a backslash. Two stars in a row are refused.
 */
record WildcardCondition(String pattern, List<String> parts) implements Condition {

    static WildcardCondition parse(String pattern, Dialect dialect) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
                current.append(pattern.charAt(++i));
            } else if (c == '*') {
                if (i > 0 && pattern.charAt(i - 1) == '*') {
                    throw dialect.invalid("Consecutive wildcard characters at pos " + i);
                }
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return new WildcardCondition(pattern, List.copyOf(parts));
    }

    @Override
    public boolean test(JsonNode leaf) {
        if (!leaf.isTextual()) return false;
        String s = leaf.textValue();
        if (parts.size() == 1) return s.equals(parts.get(0));
        String first = parts.get(0);
        String last = parts.get(parts.size() - 1);
        if (!s.startsWith(first) || s.length() < first.length() + last.length() || !s.endsWith(last)) return false;
        int from = first.length();
        int end = s.length() - last.length();
        for (int i = 1; i < parts.size() - 1; i++) {
            int at = s.indexOf(parts.get(i), from);
            if (at < 0 || at + parts.get(i).length() > end) return false;
            from = at + parts.get(i).length();
        }
        return true;
    }

    @Override
    public String describe() { return "wildcard " + Values.quote(pattern); }
}
