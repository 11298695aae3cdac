package dev.lambdaconsole.simulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's AttributeValue JSON ({@code {"S":"x"}}, {@code {"N":"1.5"}}, {@code {"B":"base64"}}, SS, NS, BS, M, L,
 * NULL, BOOL): validation with the path of the offending value, and the item size DynamoDB counts.
 */
public final class AttributeValues {
    public static final List<String> TYPES = List.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");
    static final Set<String> KEY_TYPES = Set.of("S", "N", "B");

    private AttributeValues() { }

    /** A value broke a rule: {@code path} names it (e.g. {@code NewImage.tags.L[2]}). */
    public static final class InvalidValueException extends IllegalArgumentException {
        private final String path;

        InvalidValueException(String path, String rule) {
            super(path + ": " + rule);
            this.path = path;
        }

        public String path() { return path; }
    }

    /** Checks an item (an object of attribute name to AttributeValue). */
    public static void checkItem(JsonNode item, String path) {
        if (item == null || !item.isObject()) throw new InvalidValueException(path, "must be an object of attribute "
                + "name to AttributeValue, e.g. {\"id\":{\"S\":\"a1\"}}");
        Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().isEmpty()) throw new InvalidValueException(path, "an attribute name must not be empty");
            check(f.getValue(), path + "." + f.getKey());
        }
    }

    /** Checks one AttributeValue: exactly one type member, with a value of that type's form. */
    public static void check(JsonNode value, String path) {
        if (value == null || !value.isObject() || value.size() != 1) {
            throw new InvalidValueException(path, "an AttributeValue is an object with exactly one of "
                    + String.join(", ", TYPES) + " (got " + value + ")");
        }
        String type = value.fieldNames().next();
        JsonNode v = value.get(type);
        String at = path + "." + type;
        switch (type) {
            case "S" -> text(v, at);
            case "N" -> number(v, at);
            case "B" -> binary(v, at);
            case "SS", "NS", "BS" -> {
                if (!v.isArray() || v.isEmpty()) throw new InvalidValueException(at, "a set must be a non-empty array");
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < v.size(); i++) {
                    String element = at + "[" + i + "]";
                    JsonNode e = v.get(i);
                    switch (type) {
                        case "SS" -> text(e, element);
                        case "NS" -> number(e, element);
                        default -> binary(e, element);
                    }
                    String canonical = type.equals("NS") ? new BigDecimal(e.textValue()).stripTrailingZeros().toPlainString()
                            : e.textValue();
                    if (!seen.add(canonical)) throw new InvalidValueException(element, "a set must not hold duplicates ("
                            + e + ")");
                }
            }
            case "M" -> checkItem(v, at);
            case "L" -> {
                if (!v.isArray()) throw new InvalidValueException(at, "L must be an array of AttributeValues");
                for (int i = 0; i < v.size(); i++) check(v.get(i), at + "[" + i + "]");
            }
            case "NULL" -> {
                if (!v.isBoolean() || !v.booleanValue()) throw new InvalidValueException(at, "NULL must be true");
            }
            case "BOOL" -> {
                if (!v.isBoolean()) throw new InvalidValueException(at, "BOOL must be true or false (got " + v + ")");
            }
            default -> throw new InvalidValueException(path, "unknown AttributeValue type '" + type + "' (use one of "
                    + String.join(", ", TYPES) + "; the names are case-sensitive)");
        }
    }

    /** Checks a key: each attribute a scalar S, N or B. */
    public static void checkKeys(JsonNode keys, String path) {
        checkItem(keys, path);
        if (keys.isEmpty() || keys.size() > 2) {
            throw new InvalidValueException(path, "a key has one (partition) or two (partition and sort) attributes (got "
                    + keys.size() + ")");
        }
        keys.fields().forEachRemaining(f -> {
            String type = f.getValue().fieldNames().next();
            if (!KEY_TYPES.contains(type)) {
                throw new InvalidValueException(path + "." + f.getKey(), "a key attribute must be S, N or B (got " + type + ")");
            }
        });
    }

    private static void text(JsonNode v, String at) {
        if (!v.isTextual()) throw new InvalidValueException(at, "must be a string (got " + v + ")");
    }

    private static void number(JsonNode v, String at) {
        if (!v.isTextual()) throw new InvalidValueException(at, "a number is written as a string, e.g. \"42\" (got " + v + ")");
        try {
            new BigDecimal(v.textValue());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(at, "'" + v.textValue() + "' is not a number");
        }
    }

    private static void binary(JsonNode v, String at) {
        if (!v.isTextual()) throw new InvalidValueException(at, "binary is written as base64 text (got " + v + ")");
        try {
            Base64.getDecoder().decode(v.textValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(at, "not base64: " + e.getMessage());
        }
    }

    /** An item's size as DynamoDB counts it: names and values in bytes (numbers about 1 byte per 2 digits + 1). */
    public static int size(JsonNode item) {
        if (item == null) return 0;
        int total = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            total += utf8(f.getKey()) + valueSize(f.getValue());
        }
        return total;
    }

    private static int valueSize(JsonNode value) {
        String type = value.fieldNames().next();
        JsonNode v = value.get(type);
        return switch (type) {
            case "S" -> utf8(v.textValue());
            case "N" -> numberSize(v.textValue());
            case "B" -> Base64.getDecoder().decode(v.textValue()).length;
            case "SS" -> sum(v, e -> utf8(e.textValue()));
            case "NS" -> sum(v, e -> numberSize(e.textValue()));
            case "BS" -> sum(v, e -> Base64.getDecoder().decode(e.textValue()).length);
            case "M" -> 3 + size(v) + v.size();
            case "L" -> 3 + sum(v, e -> 1 + valueSize(e));
            default -> 1; // NULL, BOOL
        };
    }

    private static int sum(JsonNode array, java.util.function.ToIntFunction<JsonNode> size) {
        int n = 0;
        for (JsonNode e : array) n += size.applyAsInt(e);
        return n;
    }

    private static int numberSize(String n) {
        String digits = new BigDecimal(n).unscaledValue().abs().toString();
        return (digits.length() + 1) / 2 + 1;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
