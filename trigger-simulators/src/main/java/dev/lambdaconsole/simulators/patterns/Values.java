package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;

/** Value comparisons shared by the conditions. */
final class Values {
    private Values() { }

    static boolean sameValue(JsonNode pattern, JsonNode leaf) {
        if (pattern.isNumber()) return leaf.isNumber() && decimal(pattern).compareTo(decimal(leaf)) == 0;
        if (pattern.isTextual()) return leaf.isTextual() && pattern.textValue().equals(leaf.textValue());
        if (pattern.isBoolean()) return leaf.isBoolean() && pattern.booleanValue() == leaf.booleanValue();
        if (pattern.isNull()) return leaf.isNull();
        return false;
    }

    static BigDecimal decimal(JsonNode number) { return number.decimalValue(); }

    static String quote(String s) { return TextNode.valueOf(s).toString(); }
}
