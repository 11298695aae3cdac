package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;

/** Value comparisons shared by the conditions. */
final class Values {
    private Values() { }

    static boolean sameValue(JsonNode pattern, JsonNode leaf) {
        if (pattern.isNumber()) {
            BigDecimal p = decimal(pattern);
            BigDecimal v = leaf.isNumber() ? decimal(leaf) : null;
            return p != null && v != null && p.compareTo(v) == 0;
        }
        if (pattern.isTextual()) return leaf.isTextual() && pattern.textValue().equals(leaf.textValue());
        if (pattern.isBoolean()) return leaf.isBoolean() && pattern.booleanValue() == leaf.booleanValue();
        if (pattern.isNull()) return leaf.isNull();
        return false;
    }

    /** The number's exact value, or null for one too large to be read (1e400 reads as infinity). */
    static BigDecimal decimal(JsonNode number) {
        if (number.isFloatingPointNumber() && !number.isBigDecimal() && !Double.isFinite(number.doubleValue())) return null;
        return number.decimalValue();
    }

    static String quote(String s) { return TextNode.valueOf(s).toString(); }
}
