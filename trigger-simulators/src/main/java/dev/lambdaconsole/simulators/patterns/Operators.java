package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Compiles one match object ({@code {"prefix": "a"}}, {@code {"numeric": [...]}}, ...) with the reasons AWS gives
 * for the ones it refuses.
 */
final class Operators {
    private static final String ANYTHING_BUT_VALUE =
            "Value of anything-but must be an array or single string/number value.";
    private final Dialect dialect;

    Operators(Dialect dialect) { this.dialect = dialect; }

    Condition compile(JsonNode match) {
        if (match.size() != 1) {
            throw dialect.invalid(match.isEmpty() ? "Empty objects are not allowed"
                    : "Only one key allowed in match expression");
        }
        String type = match.fieldNames().next();
        JsonNode value = match.get(type);
        return switch (type) {
            case "prefix" -> affix(value, false);
            case "suffix" -> affix(value, true);
            case "equals-ignore-case" -> new Condition.EqualsIgnoreCase(string(value, "equals-ignore-case"));
            case "anything-but" -> anythingBut(value);
            case "numeric" -> NumericCondition.parse(value, dialect);
            case "exists" -> {
                if (!value.isBoolean()) throw dialect.invalid("exists match pattern must be either true or false.");
                yield new Condition.Exists(value.booleanValue());
            }
            case "wildcard" -> {
                if (!dialect.allowsWildcard()) throw dialect.invalid("Unrecognized match type wildcard");
                yield WildcardCondition.parse(string(value, "wildcard"), dialect);
            }
            case "cidr" -> {
                if (!dialect.allowsCidr()) throw dialect.invalid("Unrecognized match type cidr");
                yield CidrCondition.parse(string(value, "prefix"), dialect);
            }
            default -> throw dialect.invalid("Unrecognized match type " + type);
        };
    }

    private Condition affix(JsonNode value, boolean suffix) {
        String name = suffix ? "suffix" : "prefix";
        if (value.isObject() && value.size() == 1 && value.get("equals-ignore-case") != null) {
            return new Condition.Affix(string(value.get("equals-ignore-case"), name), suffix, true);
        }
        return new Condition.Affix(string(value, name), suffix, false);
    }

    private String string(JsonNode value, String operator) {
        if (!value.isTextual()) throw dialect.invalid(operator + " match pattern must be a string");
        return value.textValue();
    }

    private Condition anythingBut(JsonNode value) {
        List<Condition> excluded = new ArrayList<>();
        if (value.isTextual() || value.isNumber()) {
            excluded.add(new Condition.Exact(value));
        } else if (value.isArray()) {
            if (value.isEmpty()) throw dialect.invalid("Empty arrays are not allowed");
            for (JsonNode v : value) {
                if (!v.isTextual() && !v.isNumber()) {
                    throw dialect.invalid("Inside anything but list, start|null|boolean is not supported.");
                }
                excluded.add(new Condition.Exact(v));
            }
        } else if (value.isObject() && value.size() == 1) {
            String type = value.fieldNames().next();
            JsonNode inner = value.get(type);
            switch (type) {
                case "prefix", "suffix" -> excluded.addAll(strings(inner, "prefix/suffix match pattern must be a string",
                        s -> new Condition.Affix(nonEmpty(s, type), type.equals("suffix"), false)));
                case "equals-ignore-case" -> excluded.addAll(strings(inner,
                        "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.",
                        Condition.EqualsIgnoreCase::new));
                case "wildcard" -> {
                    if (!dialect.allowsWildcard()) throw dialect.invalid("Unsupported anything-but pattern: wildcard");
                    excluded.addAll(strings(inner, "wildcard match pattern must be a string",
                            s -> WildcardCondition.parse(s, dialect)));
                }
                default -> throw dialect.invalid("Unsupported anything-but pattern: " + type);
            }
        } else {
            throw dialect.invalid(ANYTHING_BUT_VALUE);
        }
        return new Condition.AnythingBut(List.copyOf(excluded));
    }

    /** One string or a non-empty array of strings, each made a condition; objects are refused like AWS does. */
    private List<Condition> strings(JsonNode value, String notString, Function<String, Condition> make) {
        List<Condition> out = new ArrayList<>();
        if (value.isObject()) throw dialect.invalid(ANYTHING_BUT_VALUE);
        if (value.isArray()) {
            if (value.isEmpty()) throw dialect.invalid("Empty arrays are not allowed");
            for (JsonNode v : value) {
                if (!v.isTextual()) throw dialect.invalid(notString);
                out.add(make.apply(v.textValue()));
            }
        } else if (value.isTextual()) {
            out.add(make.apply(value.textValue()));
        } else {
            throw dialect.invalid(notString);
        }
        return out;
    }

    private String nonEmpty(String s, String type) {
        if (s.isEmpty()) throw dialect.invalid("Null prefix/suffix not allowed for " + type + " match.");
        return s;
    }
}
