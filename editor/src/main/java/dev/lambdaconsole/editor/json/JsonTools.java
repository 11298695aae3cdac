package dev.lambdaconsole.editor.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.lambdaconsole.editor.problems.Diagnostic;
import java.io.IOException;
import java.util.Optional;

/**
 * Validation and formatting for JSON documents such as test events. Formatting keeps the key order
 * and the exact digits of numbers.
 */
public final class JsonTools {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonTools() {
    }

    /** The first syntax error, with its 1-based line and column; empty for valid JSON. */
    public static Optional<Diagnostic> validate(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() == null) {
                return Optional.of(Diagnostic.error(1, 1, "Empty document: expected a JSON value"));
            }
            parser.skipChildren();
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                JsonLocation at = parser.currentTokenLocation();
                return Optional.of(Diagnostic.error(at.getLineNr(), at.getColumnNr(),
                        "Unexpected content after the JSON value"));
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            return Optional.of(Diagnostic.error(line, column, e.getOriginalMessage()));
        } catch (IOException e) {
            return Optional.of(Diagnostic.error(1, 1, e.getMessage()));
        }
    }

    /** Pretty-printed with two-space indentation and {@code "key": value}; fails on invalid JSON. */
    public static String format(String text) throws JsonFormatException {
        Optional<Diagnostic> problem = validate(text);
        if (problem.isPresent()) {
            throw new JsonFormatException(problem.get());
        }
        try {
            JsonNode tree = MAPPER.readTree(text);
            return MAPPER.writer(PRETTY).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new JsonFormatException(Diagnostic.error(1, 1, e.getOriginalMessage()));
        }
    }
}
