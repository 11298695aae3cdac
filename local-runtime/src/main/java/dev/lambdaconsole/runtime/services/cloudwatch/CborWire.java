package dev.lambdaconsole.runtime.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The Smithy RPC v2 CBOR protocol's bodies: a CBOR map in (timestamps arrive as tag 1 on epoch seconds, which reads as
 * the number), a CBOR map out with every timestamp as tag 1 on epoch seconds (a double).
 */
final class CborWire {
    private static final CBORMapper MAPPER = new CBORMapper();
    private static final CBORFactory FACTORY = new CBORFactory();
    private static final Set<String> TIMESTAMPS = Set.of("Timestamp", "Timestamps");

    private CborWire() { }

    static JsonNode read(byte[] body) {
        if (body.length == 0) return dev.lambdaconsole.runtime.util.Json.object();
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isNull() || node.isMissingNode()) return dev.lambdaconsole.runtime.util.Json.object();
            if (!node.isObject()) throw serialization("The request body must be a CBOR map");
            return node;
        } catch (IOException e) {
            throw serialization("The request body is not valid CBOR: " + e.getMessage());
        }
    }

    private static dev.lambdaconsole.runtime.gateway.AwsServiceException serialization(String message) {
        return new dev.lambdaconsole.runtime.gateway.AwsServiceException(400, "SerializationException", message);
    }

    static byte[] write(JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = FACTORY.createGenerator(out)) {
            write(g, tree, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator g, JsonNode v, boolean timestamp) throws IOException {
        if (v.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                write(g, e.getValue(), TIMESTAMPS.contains(e.getKey()));
            }
            g.writeEndObject();
        } else if (v.isArray()) {
            g.writeStartArray();
            for (JsonNode item : v) write(g, item, timestamp);
            g.writeEndArray();
        } else if (v.isNumber()) {
            if (timestamp) g.writeTag(1);
            if (v.isIntegralNumber()) g.writeNumber(v.asLong());
            else g.writeNumber(v.asDouble());
        } else if (v.isBoolean()) {
            g.writeBoolean(v.asBoolean());
        } else if (v.isNull()) {
            g.writeNull();
        } else {
            g.writeString(v.asText());
        }
    }
}
