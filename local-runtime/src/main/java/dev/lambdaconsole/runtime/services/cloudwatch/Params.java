package dev.lambdaconsole.runtime.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading CloudWatch's request members from any of its protocols, normalised to one tree: numbers may come as text
 * (Query), timestamps as epoch seconds (JSON, CBOR) or ISO 8601 text (Query), lists as arrays.
 */
final class Params {
    private Params() { }

    static String string(JsonNode in, String name) {
        JsonNode v = in.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String required(JsonNode in, String name, String path) {
        String v = string(in, name);
        if (v == null || v.isEmpty()) throw CloudWatchErrors.missing(path + name);
        return v;
    }

    static Integer integer(JsonNode in, String name, String path) {
        JsonNode v = in.get(name);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.asInt();
        try {
            return Integer.parseInt(v.asText().trim());
        } catch (NumberFormatException e) {
            throw CloudWatchErrors.invalid("The parameter " + path + name + " must be an integer (got '" + v.asText() + "').");
        }
    }

    static Instant timestamp(JsonNode in, String name, String path) {
        JsonNode v = in.get(name);
        if (v == null || v.isNull()) throw CloudWatchErrors.missing(path + name);
        if (v.isNumber()) return Instant.ofEpochMilli(Math.round(v.asDouble() * 1000));
        String text = v.asText().trim();
        try {
            if (text.matches("-?\\d+(\\.\\d+)?")) return Instant.ofEpochMilli(Math.round(Double.parseDouble(text) * 1000));
            return java.time.OffsetDateTime.parse(text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$") ? text : text + "Z")
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw CloudWatchErrors.invalid("The parameter " + path + name + " must be a timestamp in ISO 8601 UTC"
                    + " (e.g. 2026-12-04T18:00:00Z) or epoch seconds (got '" + text + "').");
        }
    }

    static List<String> strings(JsonNode in, String name) {
        List<String> out = new ArrayList<>();
        JsonNode v = in.get(name);
        if (v != null && v.isArray()) v.forEach(x -> out.add(x.asText()));
        return out;
    }

    static List<JsonNode> list(JsonNode in, String name) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode v = in.get(name);
        if (v != null && v.isArray()) v.forEach(out::add);
        return out;
    }

    /** Dimensions {@code [{Name, Value}]} as a map; a dimension without Value maps to null (ListMetrics filters). */
    static Map<String, String> dimensions(JsonNode in, String name, String path, boolean valueRequired) {
        Map<String, String> out = new LinkedHashMap<>();
        List<JsonNode> items = list(in, name);
        for (int i = 0; i < items.size(); i++) {
            JsonNode d = items.get(i);
            String where = path + name + ".member." + (i + 1) + ".";
            String n = required(d, "Name", where);
            String v = string(d, "Value");
            if (valueRequired && v == null) throw CloudWatchErrors.missing(where + "Value");
            if (out.containsKey(n)) {
                throw CloudWatchErrors.invalid("The collection " + path + name + " must not contain duplicate dimension names ("
                        + n + ").");
            }
            out.put(n, v);
        }
        return out;
    }
}
