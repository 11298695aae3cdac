package dev.lambdaconsole.simulators.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every type in the library through the public API only: it renders to JSON with nothing left unrendered,
 * and each declared parameter reaches the event (also inside base64 and gzip+base64 fields).
 */
class EveryTemplateTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EventLibrary LIBRARY = EventLibrary.load();

    @TestFactory
    Stream<DynamicTest> everyTypeRendersToJsonWithNothingLeftUnrendered() {
        return LIBRARY.types().stream().map(type -> DynamicTest.dynamicTest(type.source() + " " + type.type(), () -> {
            JsonNode event = LIBRARY.generate(type.source(), type.type(), Map.of());
            String text = MAPPER.writeValueAsString(event);
            assertThat(MAPPER.writeValueAsString(MAPPER.readTree(text))).isEqualTo(text);
            assertThat(text).doesNotContain("${");
            assertThat(event.isObject()).isTrue();
            assertThat(type.description()).isNotBlank();
            assertThat(LIBRARY.sourceDescription(type.source())).isNotBlank();
        }));
    }

    /** A parameter that changes nothing would mislead: a marker set as its value must appear in the event. */
    @TestFactory
    Stream<DynamicTest> everyDeclaredParameterReachesTheEvent() {
        return LIBRARY.types().stream().flatMap(type -> type.params().stream().map(param ->
                DynamicTest.dynamicTest(type.source() + " " + type.type() + " --" + param.name(), () -> {
                    String marker = markerFor(param.defaultValue());
                    JsonNode changed = LIBRARY.generate(type.source(), type.type(), Map.of(param.name(), marker));
                    assertThat(changed.toString() + decodedText(changed)).as("--%s shows up", param.name())
                            .contains(marker);
                })));
    }

    private static String markerFor(String defaultValue) {
        if (defaultValue.matches("-?\\d+(\\.\\d+)?")) {
            return "9876543";
        }
        if (defaultValue.equals("true") || defaultValue.equals("false")) {
            return defaultValue.equals("true") ? "false" : "true";
        }
        if (defaultValue.startsWith("{") || defaultValue.startsWith("[")) {
            return "{\"marker\":\"zq-marker\"}";
        }
        return "zq-marker";
    }

    /** The text of base64 and gzip+base64 values anywhere in the event, so computed fields count too. */
    private static String decodedText(JsonNode node) {
        StringBuilder out = new StringBuilder();
        node.findValues("data").forEach(v -> out.append(decodeAny(v)));
        collectStrings(node, out);
        return out.toString();
    }

    private static void collectStrings(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(' ').append(node.textValue()).append(' ').append(decodeAny(node));
        }
        node.forEach(child -> collectStrings(child, out));
    }

    /** The text inside a base64 or gzip+base64 string; "" when it is neither. */
    static String decodeAny(JsonNode value) {
        if (!value.isTextual() || value.textValue().length() < 4 || !value.textValue().matches("[A-Za-z0-9+/=]+")) {
            return "";
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
