package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pattern array: the field matches if any of its conditions holds for any of the event's values there (an event
 * array is the set of its elements). {@code exists} looks at the whole set: present means at least one value that
 * is not an object.
 */
record LeafPattern(List<Condition> conditions) {

    boolean matches(List<JsonNode> leaves) {
        for (Condition c : conditions) {
            if (c instanceof Condition.Exists e) {
                if (leaves.isEmpty() != e.exists()) return true;
            } else {
                for (JsonNode leaf : leaves) if (c.test(leaf)) return true;
            }
        }
        return false;
    }

    /** Why {@code leaves} (the values at {@code path}) do not match, e.g. {@code detail.amount: 5 is not > 10}. */
    String whyNot(String path, List<JsonNode> leaves) {
        String expected = conditions.stream().map(Condition::describe).collect(Collectors.joining(" or "));
        if (leaves.isEmpty()) return path + ": absent, expected " + expected;
        String found = leaves.size() == 1 ? leaves.get(0).toString()
                : leaves.stream().map(JsonNode::toString).collect(Collectors.joining(",", "[", "]"));
        if (conditions.size() == 1 && conditions.get(0) instanceof Condition.Exists) {
            return path + ": present (" + found + "), expected absent";
        }
        return path + ": " + found + (leaves.size() == 1 ? " is not " : " has no element that is ") + expected;
    }
}
