package dev.lambdaconsole.runtime.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.http.GatewayServer;
import dev.lambdaconsole.runtime.gateway.protocol.AwsJsonEndpoint;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher over real HTTP: which service a request is for, unknown services and failures in their shapes. */
class GatewayTest {
    static final String SQS_SIG = "AWS4-HMAC-SHA256 Credential=test/20261202/us-east-1/sqs/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=abc";
    static final String LOGS_SIG = SQS_SIG.replace("/sqs/", "/logs/");
    static GatewayServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        ServiceRegistry registry = new ServiceRegistry();
        registry.register(AwsJsonEndpoint.builder("logs", "Logs_20140328", "1.1")
                .operation("DescribeLogGroups", in -> {
                    com.fasterxml.jackson.databind.node.ObjectNode out = Json.object();
                    out.putArray("logGroups").addObject().put("logGroupName", in.path("logGroupNamePrefix").asText("all"));
                    return out;
                })
                .operation("Crash", in -> { throw new IllegalStateException("boom"); })
                .operation("Missing", in -> { throw AwsServiceException.notFound("The specified log group does not exist."); })
                .build());
        registry.register(new Broken());
        server = new GatewayServer(registry, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() { server.close(); }

    /** A REST service whose handler fails with an unexpected exception, and one whose error writer fails too. */
    static final class Broken implements ServiceEndpoint {
        @Override public String name() { return "broken"; }
        @Override public Set<String> signingNames() { return Set.of("broken"); }
        @Override public boolean claimsPath(ServiceRequest r) { return r.path().startsWith("/broken/"); }
        @Override public CompletionStage<ServiceResponse> handle(ServiceRequest r) {
            if (r.path().endsWith("/async")) return CompletableFuture.failedFuture(new java.io.UncheckedIOException(
                    new java.io.IOException("disk gone")));
            throw new NullPointerException("a bug");
        }
        @Override public ServiceResponse error(ServiceRequest r, Throwable e) {
            if (r.path().endsWith("/writer")) throw new IllegalStateException("the error writer failed too");
            return ServiceResponse.text(500, "application/json", "{\"message\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    static HttpResponse<String> post(String path, String contentType, String auth, String target, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (auth != null) b.header("Authorization", auth);
        if (target != null) b.header("X-Amz-Target", target);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jsonServiceByTargetAndByScope() throws Exception {
        HttpResponse<String> r = post("/", "application/x-amz-json-1.1", LOGS_SIG, "Logs_20140328.DescribeLogGroups",
                "{\"logGroupNamePrefix\":\"/aws/lambda/\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(Json.MAPPER.readTree(r.body()).at("/logGroups/0/logGroupName").asText()).isEqualTo("/aws/lambda/");
        // unsigned, told by the target alone
        assertThat(post("/", "application/x-amz-json-1.1", null, "Logs_20140328.DescribeLogGroups", "{}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownOperationOfAJsonService() throws Exception {
        HttpResponse<String> r = post("/", "application/x-amz-json-1.1", LOGS_SIG, "Logs_20140328.PutRetentionPolicy", "{}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(body.get("message").asText()).contains("PutRetentionPolicy").contains("DescribeLogGroups");
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
    }

    @Test
    void serviceErrorsAndUnexpectedFailuresInTheJsonShape() throws Exception {
        HttpResponse<String> missing = post("/", "application/x-amz-json-1.1", LOGS_SIG, "Logs_20140328.Missing", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(missing.body()).get("__type").asText()).isEqualTo("ResourceNotFoundException");
        HttpResponse<String> crash = post("/", "application/x-amz-json-1.1", LOGS_SIG, "Logs_20140328.Crash", "{}");
        assertThat(crash.statusCode()).isEqualTo(500);
        assertThat(Json.MAPPER.readTree(crash.body()).get("message").asText()).contains("boom");
        HttpResponse<String> bad = post("/", "application/x-amz-json-1.1", LOGS_SIG, "Logs_20140328.DescribeLogGroups", "{oops");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(bad.body()).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void everyRequestIsAnsweredEvenWhenTheServiceAndItsErrorWriterFail() throws Exception {
        assertThat(post("/broken/sync", "application/json", null, null, "").body()).contains("NullPointerException");
        assertThat(post("/broken/async", "application/json", null, null, "").body()).contains("UncheckedIOException");
        HttpResponse<String> writer = post("/broken/writer", "application/json", null, null, "");
        assertThat(writer.statusCode()).isEqualTo(500);
        assertThat(writer.body()).contains("Internal error of the local broken service").contains("a bug");
    }

    @Test
    void unknownServicesInTheProtocolTheClientSpoke() throws Exception {
        HttpResponse<String> json = post("/", "application/x-amz-json-1.0", SQS_SIG, "AmazonSQS.ListQueues", "{}");
        assertThat(json.statusCode()).isEqualTo(400);
        JsonNode body = Json.MAPPER.readTree(json.body());
        assertThat(body.get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(body.get("message").asText()).contains("'sqs'").contains("It serves: broken, logs");

        HttpResponse<String> query = post("/", "application/x-www-form-urlencoded; charset=utf-8", SQS_SIG, null,
                "Action=ListQueues&Version=2012-11-05");
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.body()).contains("<Code>InvalidAction</Code>").contains("'sqs'");

        HttpResponse<String> rest = post("/2015-03-31/functions", "application/json", null, null, "{}");
        assertThat(rest.statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(rest.body()).get("__type").asText()).isEqualTo("UnknownOperationException");

        HttpResponse<String> s3 = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/my-bucket/key.txt"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(s3.statusCode()).isEqualTo(501);
        assertThat(s3.body()).contains("<Code>NotImplemented</Code>");
    }

    @Test
    void registryPrefersTheTargetAndSplitsSharedSigningNames() {
        ServiceRegistry registry = new ServiceRegistry();
        AwsJsonEndpoint dynamodb = AwsJsonEndpoint.builder("dynamodb", "DynamoDB_20120810", "1.0").build();
        AwsJsonEndpoint streams = AwsJsonEndpoint.builder("dynamodbstreams", "DynamoDBStreams_20120810", "1.0")
                .signingNames("dynamodb").build();
        registry.register(dynamodb);
        registry.register(streams);
        ServiceRequest r = new ServiceRequest("POST", "/", null, java.util.Map.of(
                "Authorization", java.util.List.of(SQS_SIG.replace("/sqs/", "/dynamodb/")),
                "X-Amz-Target", java.util.List.of("DynamoDBStreams_20120810.ListStreams")), new byte[0], "id");
        assertThat(registry.resolve(r)).containsSame(streams);
        ServiceRequest presigned = new ServiceRequest("GET", "/", "X-Amz-Credential=k%2F20261202%2Fus-east-1%2Fdynamodb"
                + "%2Faws4_request", java.util.Map.of(), new byte[0], "id");
        assertThat(presigned.signingService()).isEqualTo("dynamodb");
    }
}
