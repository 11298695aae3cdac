package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lambdaconsole.runtime.util.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON paths EventBridge reads in InputPath and InputPathsMap: {@code $}, dot notation ({@code $.detail.state},
 * names with dashes, underscores and slashes), array indices ({@code $.resources[0]}) and wildcards
 * ({@code $.detail.items[*].id}, {@code $.detail.*}), which yield an array.
 */
final class JsonPath {
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_\\-/:@$]+|\\*)|\\[(\\d+|\\*)\\]");

    private final String text;
    private final List<String> steps;

    private JsonPath(String text, List<String> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** Throws IllegalArgumentException when {@code text} is not a path EventBridge takes. */
    static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) throw new IllegalArgumentException("a JSON path starts with $");
        List<String> steps = new ArrayList<>();
        Matcher m = STEP.matcher(text);
        int at = 1;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("the JSON path " + text + " is not valid at character " + (at + 1));
            }
            steps.add(m.group(1) != null ? m.group(1) : "[" + m.group(2) + "]");
            at = m.end();
        }
        return new JsonPath(text, steps);
    }

    /** The value at this path, or null when the event has none. */
    JsonNode read(JsonNode root) {
        List<JsonNode> current = List.of(root);
        boolean many = false;
        for (String step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (step.equals("*") || step.equals("[*]")) {
                    many = true;
                    node.elements().forEachRemaining(next::add);
                } else if (step.startsWith("[")) {
                    JsonNode v = node.isArray() ? node.get(Integer.parseInt(step.substring(1, step.length() - 1))) : null;
                    if (v != null) next.add(v);
                } else {
                    JsonNode v = node.isObject() ? node.get(step) : null;
                    if (v != null) next.add(v);
                }
            }
            current = next;
        }
        if (many) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            current.forEach(out::add);
            return out;
        }
        return current.isEmpty() ? null : current.get(0);
    }

    @Override
    public String toString() { return text; }
}
