package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.Collectors;

/** One match value of a pattern array, tested against one leaf value of the event (never an array or object). */
interface Condition {
    boolean test(JsonNode leaf);

    /** How the console shows it, e.g. {@code prefix "ord-"}. */
    String describe();

    /** A literal: strings, booleans and null exactly; numbers by value (300 matches 300.0). */
    record Exact(JsonNode value) implements Condition {
        public boolean test(JsonNode leaf) { return Values.sameValue(value, leaf); }

        public String describe() { return value.toString(); }
    }

    /** {@code prefix} or {@code suffix}, optionally ignoring case. */
    record Affix(String affix, boolean suffix, boolean ignoreCase) implements Condition {
        public boolean test(JsonNode leaf) {
            if (!leaf.isTextual()) return false;
            String s = leaf.textValue();
            if (s.length() < affix.length()) return false;
            int from = suffix ? s.length() - affix.length() : 0;
            return s.regionMatches(ignoreCase, from, affix, 0, affix.length());
        }

        public String describe() {
            return (suffix ? "suffix " : "prefix ") + (ignoreCase ? "(ignoring case) " : "") + Values.quote(affix);
        }
    }

    record EqualsIgnoreCase(String text) implements Condition {
        public boolean test(JsonNode leaf) { return leaf.isTextual() && leaf.textValue().equalsIgnoreCase(text); }

        public String describe() { return "equals-ignore-case " + Values.quote(text); }
    }

    /** {@code exists}: handled by {@link LeafPattern} on the whole set of leaves; never true for one leaf alone. */
    record Exists(boolean exists) implements Condition {
        public boolean test(JsonNode leaf) { return exists; }

        public String describe() { return exists ? "exists" : "absent"; }
    }

    /** {@code anything-but}: the leaf matches none of the conditions (a missing field never matches). */
    record AnythingBut(List<Condition> excluded) implements Condition {
        public boolean test(JsonNode leaf) {
            for (Condition c : excluded) if (c.test(leaf)) return false;
            return true;
        }

        public String describe() {
            return "anything but " + excluded.stream().map(Condition::describe).collect(Collectors.joining(" or "));
        }
    }
}
