package dev.lambdaconsole.runtime.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code { condition }} over messages that are JSON objects: conditions on selectors ({@code $.a.b[0]})
 * joined by {@code &&} (binding tighter) and {@code ||}, grouped with parentheses. A comparison of a missing or
 * non-scalar property is false, whatever the operator; {@code IS NULL} needs the property to be there and null.
 */
final class JsonPattern implements FilterPattern.Matcher {
    /** A condition tree: and/or nodes over tests of one selector. */
    private interface Node {
        boolean test(JsonNode root);

        /** Values and quoted keys a matching message must contain (only through and-nodes). */
        void required(List<String> values, List<String> keys);
    }

    private record And(Node a, Node b) implements Node {
        public boolean test(JsonNode root) { return a.test(root) && b.test(root); }
        public void required(List<String> values, List<String> keys) {
            a.required(values, keys);
            b.required(values, keys);
        }
    }

    private record Or(Node a, Node b) implements Node {
        public boolean test(JsonNode root) { return a.test(root) || b.test(root); }
        public void required(List<String> values, List<String> keys) { }
    }

    private record Test(Selector selector, Comparison comparison, String keyword) implements Node {
        public boolean test(JsonNode root) {
            JsonNode v = selector.find(root);
            if (keyword != null) {
                return switch (keyword) {
                    case "NOT EXISTS" -> v.isMissingNode();
                    case "IS NULL" -> v.isNull();
                    case "IS TRUE" -> v.isBoolean() && v.booleanValue();
                    default -> v.isBoolean() && !v.booleanValue();
                };
            }
            if (!v.isValueNode() || v.isNull()) return false;
            return comparison.test(v.asText(), v.isNumber() ? v.doubleValue() : null);
        }

        public void required(List<String> values, List<String> keys) {
            if ("NOT EXISTS".equals(keyword)) return;
            String key = selector.lastKey();
            if (key != null && Comparison.literals(key).size() == 1 && Comparison.literals(key).get(0).equals(key)) {
                keys.add("\"" + key + "\"");
            }
            if (comparison != null) values.addAll(comparison.literals());
        }
    }

    private final Node root;

    private JsonPattern(Node root) {
        this.root = root;
    }

    static JsonPattern parse(String pattern, int start) {
        PatternReader r = new PatternReader(pattern);
        r.pos = start + 1;
        Node n = or(r);
        r.expect("}", "'}' to close the JSON pattern");
        r.skipSpaces();
        if (!r.atEnd()) throw r.error("Unexpected text after the closing '}'");
        return new JsonPattern(n);
    }

    private static Node or(PatternReader r) {
        Node n = and(r);
        while (r.accept("||")) n = new Or(n, and(r));
        return n;
    }

    private static Node and(PatternReader r) {
        Node n = unary(r);
        while (r.accept("&&")) n = new And(n, unary(r));
        return n;
    }

    private static Node unary(PatternReader r) {
        if (r.accept("(")) {
            Node n = or(r);
            r.expect(")", "')'");
            return n;
        }
        r.skipSpaces();
        if (r.peek() != '$') {
            throw r.error(r.atEnd() ? "Expected a condition such as $.field = \"value\" but the pattern ended"
                    : "Expected a selector starting with $ (e.g. $.level) but found '" + r.peek() + "'");
        }
        Selector s = Selector.read(r);
        r.skipSpaces();
        for (String k : List.of("IS NULL", "IS TRUE", "IS FALSE", "NOT EXISTS")) {
            if (keywordAt(r, k)) return new Test(s, null, k);
        }
        if (r.startsWith("IS") || r.startsWith("NOT") || r.startsWith("is") || r.startsWith("not")) {
            throw r.error("Expected IS NULL, IS TRUE, IS FALSE or NOT EXISTS");
        }
        return new Test(s, Comparison.read(r, ")}&|"), null);
    }

    /** Consumes a keyword phrase (any case, any spacing between its words). */
    private static boolean keywordAt(PatternReader r, String phrase) {
        int save = r.pos;
        for (String word : phrase.split(" ")) {
            r.skipSpaces();
            if (!r.text.regionMatches(true, r.pos, word, 0, word.length())) {
                r.pos = save;
                return false;
            }
            r.pos += word.length();
        }
        if (!r.atEnd() && Character.isLetterOrDigit(r.peek())) {
            r.pos = save;
            return false;
        }
        return true;
    }

    @Override
    public boolean matches(String message) {
        int i = 0;
        while (i < message.length() && Character.isWhitespace(message.charAt(i))) i++;
        if (i == message.length() || message.charAt(i) != '{') return false;
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(message);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return doc != null && doc.isObject() && root.test(doc);
    }

    @Override
    public List<String> requiredTexts() {
        List<String> values = new ArrayList<>();
        root.required(values, new ArrayList<>());
        return values;
    }

    @Override
    public List<String> requiredKeys() {
        List<String> keys = new ArrayList<>();
        root.required(new ArrayList<>(), keys);
        return keys;
    }

    /** {@code $} followed by {@code .name} and {@code [index]} steps. */
    record Selector(List<Object> steps) {
        static Selector read(PatternReader r) {
            int start = r.pos;
            r.pos++; // $
            List<Object> steps = new ArrayList<>();
            while (!r.atEnd()) {
                char c = r.peek();
                if (c == '.') {
                    r.pos++;
                    int from = r.pos;
                    while (!r.atEnd() && nameChar(r.peek())) r.pos++;
                    if (r.pos == from) throw r.error("Expected a property name after '.'");
                    steps.add(r.text.substring(from, r.pos));
                } else if (c == '[') {
                    r.pos++;
                    int from = r.pos;
                    while (!r.atEnd() && Character.isDigit(r.peek())) r.pos++;
                    if (r.pos == from) throw r.error("Expected an array index (a number) after '['");
                    int index = Integer.parseInt(r.text.substring(from, r.pos));
                    if (r.peek() != ']') throw r.error("Expected ']' to close the array index");
                    r.pos++;
                    steps.add(index);
                } else {
                    break;
                }
            }
            if (steps.isEmpty()) throw r.error("Expected a property after $ (e.g. $.level)", start);
            return new Selector(steps);
        }

        private static boolean nameChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '@' || c == ':';
        }

        JsonNode find(JsonNode root) {
            JsonNode n = root;
            for (Object step : steps) {
                n = step instanceof Integer i ? n.path(i) : n.path((String) step);
                if (n.isMissingNode()) return n;
            }
            return n;
        }

        String lastKey() {
            for (int i = steps.size() - 1; i >= 0; i--) if (steps.get(i) instanceof String s) return s;
            return null;
        }
    }

}
