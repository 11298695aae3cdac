package dev.lambdaconsole.runtime.logs.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Terms of unstructured messages: every plain term must occur, at least one {@code ?term} when there are
 * any, no {@code -term}. A term is a word, a {@code "quoted phrase"} or a {@code %regex%}; words and phrases
 * match anywhere in the message, case included. A blank phrase ({@code " "}) matches every message.
 */
final class TermPattern implements FilterPattern.Matcher {
    private final List<Predicate<String>> required = new ArrayList<>();
    private final List<Predicate<String>> anyOf = new ArrayList<>();
    private final List<Predicate<String>> excluded = new ArrayList<>();
    private final List<String> literals = new ArrayList<>();

    static TermPattern parse(String pattern) {
        TermPattern t = new TermPattern();
        PatternReader r = new PatternReader(pattern);
        while (true) {
            r.skipSpaces();
            if (r.atEnd()) return t;
            int at = r.pos;
            char prefix = r.peek();
            List<Predicate<String>> into = t.required;
            if ((prefix == '?' || prefix == '-') && r.pos + 1 < pattern.length()
                    && !Character.isWhitespace(pattern.charAt(r.pos + 1))) {
                into = prefix == '?' ? t.anyOf : t.excluded;
                r.pos++;
            }
            char c = r.peek();
            if (c == '%') {
                java.util.regex.Pattern p = r.regex();
                into.add(m -> p.matcher(m).find());
            } else {
                String word;
                if (c == '"') {
                    word = r.quoted();
                } else {
                    int start = r.pos;
                    while (!r.atEnd() && !Character.isWhitespace(r.peek())) {
                        if (r.peek() == '"') throw r.error("A quote inside a term; put the whole phrase in quotes");
                        r.pos++;
                    }
                    word = pattern.substring(start, r.pos);
                }
                if (word.isBlank()) {
                    into.add(m -> true);
                } else {
                    into.add(m -> m.contains(word));
                    if (into == t.required) t.literals.add(word);
                }
            }
            if (!r.atEnd() && !Character.isWhitespace(r.peek())) {
                throw r.error("Expected a space after the term starting at column " + (at + 1) + ", found '" + r.peek() + "'");
            }
        }
    }

    @Override
    public boolean matches(String message) {
        for (Predicate<String> p : required) if (!p.test(message)) return false;
        for (Predicate<String> p : excluded) if (p.test(message)) return false;
        if (anyOf.isEmpty()) return true;
        for (Predicate<String> p : anyOf) if (p.test(message)) return true;
        return false;
    }

    @Override
    public List<String> requiredTexts() { return literals; }
}
