package dev.lambdaconsole.app.triggers.patterns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.util.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * FilterCriteria as a user types them: one JSON pattern per line, a JSON array of patterns, or the API's
 * {@code {"Filters": [{"Pattern": "…"}]}}. At most 5, as Lambda allows.
 */
public final class LambdaFilters {
    public static final int MAX = 5;

    private LambdaFilters() { }

    /** The patterns' texts (not yet checked); IllegalArgumentException when the list itself is malformed. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return out;
        JsonNode whole = null;
        try {
            whole = Json.MAPPER.readTree(t);
        } catch (JsonProcessingException notOneDocument) {
            // one pattern per line
        }
        if (whole != null && whole.isArray()) {
            for (JsonNode p : whole) out.add(p.isTextual() ? p.asText() : p.toString());
        } else if (whole != null && whole.isObject() && whole.path("Filters").isArray()) {
            for (JsonNode f : whole.path("Filters")) out.add(f.path("Pattern").asText(""));
        } else if (whole != null && !t.contains("\n")) {
            out.add(t);
        } else if (t.startsWith("[")) {
            throw new IllegalArgumentException("The list of filters is not a valid JSON array.");
        } else {
            for (String line : t.split("\\R")) if (!line.isBlank()) out.add(line.strip());
        }
        if (out.size() > MAX) {
            throw new IllegalArgumentException("FilterCriteria may hold at most " + MAX + " filters; there are "
                    + out.size() + ".");
        }
        return out;
    }
}
