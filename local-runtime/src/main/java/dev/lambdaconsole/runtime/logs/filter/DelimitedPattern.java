package dev.lambdaconsole.runtime.logs.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code [name, name op value, ..., name op value && other op value]}: the message's words by position (a
 * {@code "…"} or {@code […]} is one word, without its quotes or brackets), {@code ...} taking any number of
 * them. Without {@code ...} the message must have exactly as many words as there are fields. Each entry may
 * carry conditions joined by {@code &&} and {@code ||} on any field named in the pattern.
 */
final class DelimitedPattern implements FilterPattern.Matcher {
    private static final Object ELLIPSIS = new Object();

    private interface Cond {
        boolean test(Map<String, String> fields);

        void required(List<String> out);
    }

    private record Field(String name, Comparison comparison) implements Cond {
        public boolean test(Map<String, String> fields) {
            String v = fields.get(name);
            return v != null && comparison.test(v, Comparison.numberOf(v));
        }

        public void required(List<String> out) { out.addAll(comparison.literals()); }
    }

    private record Both(Cond a, Cond b) implements Cond {
        public boolean test(Map<String, String> f) { return a.test(f) && b.test(f); }
        public void required(List<String> out) { a.required(out); b.required(out); }
    }

    private record Either(Cond a, Cond b) implements Cond {
        public boolean test(Map<String, String> f) { return a.test(f) || b.test(f); }
        public void required(List<String> out) { }
    }

    /** Field names in order, or ELLIPSIS. */
    private final List<Object> slots = new ArrayList<>();
    private final List<Cond> conditions = new ArrayList<>();

    static DelimitedPattern parse(String pattern, int start) {
        DelimitedPattern d = new DelimitedPattern();
        PatternReader r = new PatternReader(pattern);
        r.pos = start + 1;
        Map<String, Integer> names = new HashMap<>();
        List<int[]> references = new ArrayList<>(); // {slot of the name in conditions, column}
        List<String> referenced = new ArrayList<>();
        r.skipSpaces();
        if (r.peek() == ']') throw r.error("Expected at least one field name in [ ]");
        while (true) {
            r.skipSpaces();
            if (r.startsWith("...")) {
                r.pos += 3;
                d.slots.add(ELLIPSIS);
            } else {
                int at = r.pos;
                String name = name(r);
                if (names.put(name, d.slots.size()) != null) throw r.error("Field '" + name + "' is named twice", at);
                d.slots.add(name);
                r.skipSpaces();
                if (!r.atEnd() && r.peek() != ',' && r.peek() != ']') {
                    d.conditions.add(or(r, name, referenced, references));
                }
            }
            r.skipSpaces();
            if (r.accept(",")) continue;
            if (r.accept("]")) break;
            throw r.error(r.atEnd() ? "Expected ',' or ']' but the pattern ended" : "Expected ',' or ']' but found '" + r.peek() + "'");
        }
        r.skipSpaces();
        if (!r.atEnd()) throw r.error("Unexpected text after the closing ']'");
        for (int i = 0; i < referenced.size(); i++) {
            if (!names.containsKey(referenced.get(i))) {
                throw r.error("Condition on '" + referenced.get(i) + "', which is not a field of this pattern",
                        references.get(i)[0]);
            }
        }
        return d;
    }

    private static String name(PatternReader r) {
        int from = r.pos;
        while (!r.atEnd() && (Character.isLetterOrDigit(r.peek()) || r.peek() == '_' || r.peek() == '-')) r.pos++;
        if (r.pos == from) {
            throw r.error(r.atEnd() ? "Expected a field name but the pattern ended"
                    : "Expected a field name (letters, digits, _) but found '" + r.peek() + "'");
        }
        return r.text.substring(from, r.pos);
    }

    /** Conditions of one entry; the first names the entry's own field (already read). */
    private static Cond or(PatternReader r, String first, List<String> referenced, List<int[]> at) {
        Cond c = and(r, first, referenced, at);
        while (r.accept("||")) c = new Either(c, and(r, null, referenced, at));
        return c;
    }

    private static Cond and(PatternReader r, String first, List<String> referenced, List<int[]> at) {
        Cond c = field(r, first, referenced, at);
        while (r.accept("&&")) c = new Both(c, field(r, null, referenced, at));
        return c;
    }

    private static Cond field(PatternReader r, String name, List<String> referenced, List<int[]> at) {
        if (name == null) {
            r.skipSpaces();
            at.add(new int[] {r.pos});
            name = name(r);
            referenced.add(name);
        }
        return new Field(name, Comparison.read(r, ",]&|"));
    }

    @Override
    public boolean matches(String message) {
        List<String> words = words(message);
        return bind(0, 0, words, new HashMap<>());
    }

    /** Tries to lay the fields from slot {@code s} over the words from {@code w}, ellipses taking 0 or more. */
    private boolean bind(int s, int w, List<String> words, Map<String, String> fields) {
        if (s == slots.size()) {
            if (w != words.size()) return false;
            for (Cond c : conditions) if (!c.test(fields)) return false;
            return true;
        }
        Object slot = slots.get(s);
        if (slot == ELLIPSIS) {
            for (int k = w; k <= words.size(); k++) if (bind(s + 1, k, words, fields)) return true;
            return false;
        }
        if (w >= words.size()) return false;
        fields.put((String) slot, words.get(w));
        return bind(s + 1, w + 1, words, fields);
    }

    /** Whitespace-separated words; a word starting with " runs to the next ", one starting with [ to the next ]. */
    static List<String> words(String message) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = message.length();
        while (true) {
            while (i < n && Character.isWhitespace(message.charAt(i))) i++;
            if (i >= n) return out;
            char c = message.charAt(i);
            if (c == '"' || c == '[') {
                char close = c == '"' ? '"' : ']';
                int end = message.indexOf(close, i + 1);
                if (end < 0) end = n;
                out.add(message.substring(i + 1, end));
                i = Math.min(n, end + 1);
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(message.charAt(i))) i++;
                out.add(message.substring(start, i));
            }
        }
    }

    @Override
    public List<String> requiredTexts() {
        List<String> out = new ArrayList<>();
        for (Cond c : conditions) c.required(out);
        return out;
    }
}
