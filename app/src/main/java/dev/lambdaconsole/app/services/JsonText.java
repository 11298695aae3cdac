package dev.lambdaconsole.app.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** JSON as the Services page shows it: pretty, and the first line of a parse error. */
public final class JsonText {
    private JsonText() { }

    public static String pretty(JsonNode node) {
        return node == null ? "" : new String(Json.pretty(node), StandardCharsets.UTF_8);
    }

    /** The parsed text, or empty when it is not JSON. */
    public static Optional<JsonNode> parse(String text) {
        try {
            return Optional.ofNullable(Json.MAPPER.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Why {@code text} is not JSON (the parser's first line), or "" when it is. */
    public static String problem(String text) {
        try {
            Json.MAPPER.readTree(text);
            return "";
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            int cut = m.indexOf('\n');
            return cut > 0 ? m.substring(0, cut) : m;
        }
    }
}
