package dev.lambdaconsole.simulators.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole library through {@link EventLibrary} and the {@code events} command, as a user calls them. */
class EventLibraryCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventLibrary library = EventLibrary.load();

    private record Run(int status, String out, String err) { }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = EventsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyTypeGeneratesWithEveryPlaceholderRendered() {
        List<EventType> types = library.types();
        assertThat(types).hasSizeGreaterThanOrEqualTo(60);
        for (EventType t : types) {
            JsonNode event = library.generate(t.source(), t.type(), Map.of());
            assertThat(event.isObject()).as(t.source() + " " + t.type()).isTrue();
            assertThat(event.toString()).as(t.source() + " " + t.type()).doesNotContain("${");
        }
    }

    @Test
    void theFirstHalfOfSamsSourcesAreThereWithSamsTypeNames() {
        assertThat(library.types()).extracting(t -> t.source() + " " + t.type()).contains(
                "alexa-skills-kit start-session", "alexa-skills-kit intent-mycoloris",
                "alexa-smart-home smart-home-discovery-request", "alb request", "apigateway authorizer",
                "apigateway request-authorizer", "apigateway aws-proxy", "apigateway http-api-proxy",
                "appsync resolver", "batch get-job", "batch submit-job", "cloudformation create-request",
                "cloudfront ab-test", "cloudfront serve-object-on-viewer-device", "cloudfront viewer-request",
                "cloudfront origin-response", "cloudwatch logs", "cloudwatch scheduled-event", "codecommit repository",
                "codepipeline job", "cognito sync-trigger", "config periodic-rule", "connect contact-flow-event",
                "dynamodb update");
        assertThat(library.types().stream().filter(t -> t.source().equals("cloudfront"))).hasSize(16);
    }

    @ParameterizedTest
    @CsvSource({
            "sqs, receive-message, /Records/0/messageId",
            "apigateway, aws-proxy, /requestContext/requestId",
            "apigateway, http-api-proxy, /requestContext/requestId",
            "cloudformation, create-request, /RequestId",
            "cloudwatch, scheduled-event, /id",
            "alexa-skills-kit, start-session, /request/requestId",
            "codepipeline, job, /CodePipeline.job/id"})
    void twoEventsHaveDifferentIds(String source, String type, String pointer) {
        String first = library.generate(source, type, Map.of()).at(pointer).asText();
        String second = library.generate(source, type, Map.of()).at(pointer).asText();
        assertThat(first).isNotBlank().isNotEqualTo(second);
    }

    @Test
    void theSqsBodyParameterSetsBodyAndItsMd5() throws Exception {
        JsonNode record = library.generate("sqs", "receive-message", Map.of("body", "hello world")).at("/Records/0");
        assertThat(record.get("body").asText()).isEqualTo("hello world");
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest("hello world".getBytes(StandardCharsets.UTF_8)));
        assertThat(record.get("md5OfBody").asText()).isEqualTo(md5);
    }

    @Test
    void anS3KeyWithASpaceIsFormEncoded() {
        JsonNode event = library.generate("s3", "put", Map.of("key", "my cat@home.jpg"));
        assertThat(event.at("/Records/0/s3/object/key").asText()).isEqualTo("my+cat%40home.jpg");
    }

    @Test
    void cloudWatchLogsDataDecodesToTheDocumentWithTheMessage() throws IOException {
        JsonNode event = library.generate("cloudwatch", "logs",
                Map.of("message", "disk full", "log-group", "/aws/lambda/billing"));
        byte[] zipped = Base64.getDecoder().decode(event.at("/awslogs/data").asText());
        JsonNode doc;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            doc = JSON.readTree(in);
        }
        assertThat(doc.get("messageType").asText()).isEqualTo("DATA_MESSAGE");
        assertThat(doc.get("logGroup").asText()).isEqualTo("/aws/lambda/billing");
        assertThat(doc.at("/logEvents/0/message").asText()).isEqualTo("disk full");
        assertThat(doc.at("/logEvents/0/timestamp").isNumber()).isTrue();
    }

    @Test
    void numberAndJsonParametersKeepTheirJsonTypes() {
        JsonNode proxy = library.generate("apigateway", "aws-proxy",
                Map.of("path-parameters", "{\"orderId\":\"7\"}", "path", "/orders/7", "method", "GET"));
        assertThat(proxy.at("/pathParameters/orderId").asText()).isEqualTo("7");
        assertThat(proxy.at("/requestContext/path").asText()).isEqualTo("/prod/orders/7");
        assertThat(proxy.at("/requestContext/requestTimeEpoch").isNumber()).isTrue();
        assertThat(proxy.get("httpMethod").asText()).isEqualTo("GET");
    }

    @Test
    void idsThatNameTheSameThingAgree() {
        JsonNode job = library.generate("batch", "get-job", Map.of("job-id", "job-1"));
        assertThat(job.at("/detail/jobId").asText()).isEqualTo("job-1");
        assertThat(job.at("/detail/jobArn").asText()).endsWith(":job/job-1");
        assertThat(job.at("/resources/0").asText()).endsWith(":job/job-1");
        JsonNode config = library.generate("config", "periodic-rule", Map.of());
        assertThat(config.get("configRuleArn").asText()).endsWith("/" + config.get("configRuleId").asText());
        JsonNode stack = library.generate("cloudformation", "create-request", Map.of("stack-name", "shop"));
        assertThat(stack.get("StackId").asText()).contains(":stack/shop/");
        assertThat(stack.get("ResponseURL").asText()).contains("stack/shop/" + stack.get("StackId").asText().replaceAll(".*/", ""));
    }

    @Test
    void unknownSourceTypeOrParameterIsNamed() {
        assertThatThrownBy(() -> library.generate("nope", "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'").hasMessageContaining("apigateway");
        assertThatThrownBy(() -> library.generate("cloudfront", "viewer-nothing", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'viewer-nothing'")
                .hasMessageContaining("viewer-request");
        assertThatThrownBy(() -> library.generate("cloudwatch", "logs", Map.of("colour", "red")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--colour")
                .hasMessageContaining("--log-group");
    }

    @Test
    void listPrintsEverySourceAndType() {
        Run r = run("list");
        assertThat(r.status()).isZero();
        for (EventType t : library.types()) {
            assertThat(r.out()).contains(t.source() + " " + t.type() + " ");
        }
    }

    @Test
    void generatePrintsTheEventWithTheParameter() throws IOException {
        Run r = run("generate", "sqs", "receive-message", "--body", "x");
        assertThat(r.status()).isZero();
        assertThat(JSON.readTree(r.out()).at("/Records/0/body").asText()).isEqualTo("x");
    }

    @Test
    void helpListsTheParameters() {
        Run r = run("generate", "apigateway", "aws-proxy", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--method", "--path", "--body", "--stage", "--resource");
    }

    @Test
    void aBadParameterExitsTwoWithTheMessage() {
        Run r = run("generate", "alb", "request", "--colour", "red");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown parameter --colour of alb request").contains("--method");
        assertThat(r.out()).isEmpty();
    }
}
