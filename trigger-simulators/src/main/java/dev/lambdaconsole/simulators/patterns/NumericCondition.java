package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** {@code {"numeric": [">", 0, "<=", 5]}} or {@code ["=", 5]}: numbers only (a string "5" never matches). */
record NumericCondition(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive)
        implements Condition {

    @Override
    public boolean test(JsonNode leaf) {
        if (!leaf.isNumber()) return false;
        BigDecimal v = Values.decimal(leaf);
        if (lower != null) {
            int c = v.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) return false;
        }
        if (upper != null) {
            int c = v.compareTo(upper);
            if (c > 0 || (c == 0 && !upperInclusive)) return false;
        }
        return true;
    }

    @Override
    public String describe() {
        if (lower != null && lower.equals(upper)) return "= " + lower.toPlainString();
        StringBuilder b = new StringBuilder();
        if (lower != null) b.append(lowerInclusive ? ">= " : "> ").append(lower.toPlainString());
        if (upper != null) {
            if (!b.isEmpty()) b.append(" and ");
            b.append(upperInclusive ? "<= " : "< ").append(upper.toPlainString());
        }
        return b.toString();
    }

    /** Compiles the operator list; {@code dialect} reports what is wrong with it. */
    static NumericCondition parse(JsonNode spec, Dialect dialect) {
        if (!spec.isArray()) throw dialect.invalid("Value of numeric must be an array.");
        if (spec.isEmpty()) throw dialect.invalid("Empty arrays are not allowed");
        BigDecimal lower = null;
        BigDecimal upper = null;
        boolean lowerIn = false;
        boolean upperIn = false;
        for (int i = 0; i < spec.size(); i += 2) {
            JsonNode op = spec.get(i);
            if (!op.isTextual()) throw dialect.invalid("Invalid member in numeric match: " + op);
            String o = op.textValue();
            JsonNode value = spec.get(i + 1);
            if (!o.equals("=") && !o.equals("<") && !o.equals("<=") && !o.equals(">") && !o.equals(">=")) {
                throw dialect.invalid("Unrecognized numeric range operator: " + o);
            }
            if (value == null || !value.isNumber()) throw dialect.invalid("Value of " + o + " must be numeric");
            BigDecimal v = Values.decimal(value);
            switch (o) {
                case "=" -> {
                    if (spec.size() != 2) throw dialect.invalid("Bad numeric range operator: =");
                    return new NumericCondition(v, true, v, true);
                }
                case ">", ">=" -> {
                    if (lower != null) throw dialect.invalid("Bad numeric range operator: " + o);
                    lower = v;
                    lowerIn = o.equals(">=");
                }
                default -> {
                    if (upper != null) throw dialect.invalid("Bad numeric range operator: " + o);
                    upper = v;
                    upperIn = o.equals("<=");
                }
            }
        }
        if (lower != null && upper != null && lower.compareTo(upper) >= 0) {
            throw dialect.invalid("Bottom must be less than top");
        }
        return new NumericCondition(lower, lowerIn, upper, upperIn);
    }
}
