package dev.lambdaconsole.simulators.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every type of the library's second half renders to a JSON object with nothing left unresolved, is fresh at each
 * call where it carries ids, and shows every parameter it declares somewhere in the event (as is, or inside the
 * base64 / gzip+base64 fields it feeds).
 */
class EventTemplatesMoreTest {

    private static final EventLibrary LIBRARY = EventLibrary.load();
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{8,}={0,2}");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "apigateway-websocket connect",
            "apigateway-websocket message",
            "apigateway-websocket disconnect",
            "cloudfront viewer-request",
            "cloudfront origin-request",
            "cloudfront origin-response",
            "cloudfront viewer-response",
            "cognito-user-pool pre-sign-up",
            "cognito-user-pool post-confirmation",
            "cognito-user-pool pre-token-generation",
            "cognito-user-pool custom-message",
            "dynamodb insert",
            "dynamodb remove",
            "eventbridge custom-event",
            "eventbridge scheduled-event",
            "iot rule",
            "iot button",
            "kafka msk",
            "kafka self-managed",
            "kinesis get-records",
            "kinesis kinesis-firehose",
            "kinesis analytics",
            "kinesis analytics-compressed",
            "kinesis analytics-dynamodb",
            "kinesis analytics-kpl",
            "kinesis apachelog",
            "kinesis cloudwatch-logs-processor",
            "kinesis streams-as-source",
            "kinesis syslog",
            "lambda-url request",
            "lambda destination-on-success",
            "lambda destination-on-failure",
            "lambda stream-on-failure",
            "lambda dynamodb-stream-on-failure",
            "lex-v2 banking-bot",
            "lex-v2 book-car",
            "lex-v2 book-hotel",
            "lex book-car",
            "lex book-hotel",
            "lex make-appointment",
            "lex order-flowers",
            "mq activemq",
            "mq rabbitmq",
            "rekognition s3-request",
            "s3 put",
            "s3 delete",
            "s3 batch-invocation",
            "s3 restore-completed",
            "s3 lifecycle-expiration",
            "sagemaker ground-truth-pre-human",
            "sagemaker ground-truth-annotation-consolidation",
            "secretsmanager rotation",
            "ses email-receiving",
            "sns notification",
            "sqs receive-message",
            "sqs receive-message-fifo",
            "stepfunctions error",
            "workmail email"
    })
    void rendersWithEveryParameterReachingTheEvent(String sourceAndType) {
        String[] name = sourceAndType.split(" ");
        EventType type = LIBRARY.find(name[0], name[1]).orElseThrow(() -> new AssertionError("not in the library: " + sourceAndType));

        JsonNode event = LIBRARY.generate(name[0], name[1], Map.of());
        assertThat(event.isObject()).as("an event is a JSON object").isTrue();
        assertThat(event.toString()).doesNotContain("${");
        assertThat(type.description()).isNotBlank();

        for (EventParam param : type.params()) {
            String marker = marker(param);
            JsonNode changed = LIBRARY.generate(name[0], name[1], Map.of(param.name(), marker));
            assertThat(visibleText(changed)).as("--%s of %s set to %s", param.name(), sourceAndType, marker)
                    .contains(marker.startsWith("{") ? "zz-marker-" + param.name() : marker);
        }
    }

    /** A value of the parameter's own shape (number, JSON object or text) that appears nowhere by chance. */
    private static String marker(EventParam param) {
        String value = param.defaultValue().trim();
        if (value.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return "987654321";
        }
        if (value.startsWith("{")) {
            return "{\"zzMarker\":\"zz-marker-" + param.name() + "\"}";
        }
        return "zz-marker-" + param.name();
    }

    /** The event's JSON text plus the decoded text of every base64 (and gzip+base64) string in it. */
    private static String visibleText(JsonNode event) {
        StringBuilder out = new StringBuilder(event.toString());
        decodeAll(event, out);
        return out.toString();
    }

    private static void decodeAll(JsonNode node, StringBuilder out) {
        if (node.isTextual() && BASE64.matcher(node.textValue()).matches() && node.textValue().length() % 4 == 0) {
            byte[] bytes = Base64.getDecoder().decode(node.textValue());
            out.append('\n').append(isGzip(bytes) ? gunzip(bytes) : new String(bytes, StandardCharsets.UTF_8));
        }
        node.elements().forEachRemaining(child -> decodeAll(child, out));
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    private static String gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
