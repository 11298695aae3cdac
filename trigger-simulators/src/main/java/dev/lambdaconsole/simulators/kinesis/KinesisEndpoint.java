package dev.lambdaconsole.simulators.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.gateway.protocol.AwsJsonEndpoint;
import dev.lambdaconsole.runtime.gateway.protocol.JsonOperation;
import dev.lambdaconsole.runtime.util.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Kinesis on the shared endpoint: {@code X-Amz-Target: Kinesis_20131202.<Operation>}, signing name "kinesis", in
 * both of the encodings its clients use. The AWS CLIs send JSON 1.1 ({@code application/x-amz-json-1.1}, blobs as
 * base64, timestamps as epoch seconds). The SDK for Java v2 sends CBOR by default ({@code application/x-amz-cbor-1.1}):
 * blobs as CBOR byte strings and timestamps as tag 1 followed by an integer of epoch <em>milliseconds</em>
 * ({@code SdkCborGenerator.writeValue(Instant)}), and it reads payload timestamps as epoch milliseconds
 * ({@code AwsCborProtocolFactory}: {@code UNIX_TIMESTAMP_MILLIS}). Answers and errors go back in the encoding asked
 * ({@code {"__type","message"}} either way, with {@code x-amzn-ErrorType}).
 */
public final class KinesisEndpoint implements ServiceEndpoint {
    static final String TARGET_PREFIX = "Kinesis_20131202";
    static final String CBOR = "application/x-amz-cbor-1.1";
    /** The timestamp members of Kinesis's model (request and response shapes). */
    static final Set<String> TIMESTAMPS = Set.of("Timestamp", "ApproximateArrivalTimestamp", "StreamCreationTimestamp",
            "ConsumerCreationTimestamp", "StreamCreationTimestampFilter");
    private static final CBORMapper CBOR_MAPPER = new CBORMapper();
    private static final CBORFactory CBOR_FACTORY = new CBORFactory();

    private final AwsJsonEndpoint json;
    private final Map<String, JsonOperation> operations;

    public KinesisEndpoint(KinesisService service) {
        this.operations = Map.copyOf(service.operations());
        AwsJsonEndpoint.Builder b = AwsJsonEndpoint.builder("kinesis", TARGET_PREFIX, "1.1").signingNames("kinesis");
        service.operations().forEach(b::operation);
        this.json = b.build();
    }

    @Override public String name() { return "kinesis"; }

    @Override public Set<String> signingNames() { return json.signingNames(); }

    @Override public Set<String> targetPrefixes() { return json.targetPrefixes(); }

    @Override
    public CompletionStage<ServiceResponse> handle(ServiceRequest request) {
        if (!cbor(request)) return json.handle(request);
        String target = request.target();
        String operation = target == null || !target.startsWith(TARGET_PREFIX + ".") ? null
                : target.substring(TARGET_PREFIX.length() + 1);
        JsonOperation handler = operation == null ? null : operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException(400, "UnknownOperationException", "Unknown operation " + operation
                    + " of kinesis. This local endpoint implements: " + String.join(", ", new TreeSet<>(operations.keySet())) + ".");
        }
        JsonNode input = secondsIn(readCbor(request.body()));
        JsonNode output = handler.apply(input);
        return CompletableFuture.completedFuture(ServiceResponse.of(200, CBOR, writeCbor(output == null ? Json.object() : output)));
    }

    @Override
    public boolean expected(Throwable error) { return error instanceof AwsServiceException; }

    @Override
    public ServiceResponse error(ServiceRequest request, Throwable error) {
        if (!cbor(request)) return json.error(request, error);
        ServiceResponse asJson = AwsJsonEndpoint.errorResponse(CBOR, error);
        try {
            JsonNode body = Json.MAPPER.readTree(asJson.body());
            return new ServiceResponse(asJson.status(), asJson.headers(), CBOR, writeCbor(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean cbor(ServiceRequest request) {
        return request.contentType().startsWith("application/x-amz-cbor");
    }

    static JsonNode readCbor(byte[] body) {
        if (body.length == 0) return Json.object();
        try {
            JsonNode node = CBOR_MAPPER.readTree(body);
            if (node == null || node.isNull() || node.isMissingNode()) return Json.object();
            if (!node.isObject()) throw Members.serialization("The request body must be a CBOR map");
            return node;
        } catch (IOException e) {
            throw Members.serialization("The request body is not valid CBOR: " + e.getMessage());
        }
    }

    /** CBOR's timestamps (epoch ms) as the service reads them (epoch seconds, as in JSON). */
    private static JsonNode secondsIn(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (TIMESTAMPS.contains(f.getKey()) && f.getValue().isNumber()) {
                    f.setValue(o.numberNode(f.getValue().decimalValue().movePointLeft(3)));
                } else {
                    secondsIn(f.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(KinesisEndpoint::secondsIn);
        }
        return node;
    }

    static byte[] writeCbor(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR_FACTORY.createGenerator(out)) {
            write(g, null, node);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write CBOR: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator g, String field, JsonNode node) throws IOException {
        if (field != null && TIMESTAMPS.contains(field) && node.isNumber()) {
            g.writeTag(1);
            g.writeNumber(node.decimalValue().movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
            return;
        }
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject(node.size());
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    g.writeFieldName(f.getKey());
                    write(g, f.getKey(), f.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray(null, node.size());
                for (JsonNode element : node) write(g, null, element);
                g.writeEndArray();
            }
            case BINARY -> g.writeBinary(node.binaryValue());
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NUMBER -> {
                if (node.isIntegralNumber() && node.canConvertToLong()) g.writeNumber(node.longValue());
                else if (node.isIntegralNumber()) g.writeNumber(node.bigIntegerValue());
                else g.writeNumber(node.decimalValue());
            }
            default -> g.writeNull();
        }
    }
}
