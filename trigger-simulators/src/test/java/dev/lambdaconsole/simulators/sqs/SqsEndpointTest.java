package dev.lambdaconsole.simulators.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** How the endpoint recognises SQS requests, and its error shapes when ElasticMQ does not answer. */
class SqsEndpointTest {
    static SqsEndpoint deadEnd() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new SqsEndpoint(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + port + "/"));
    }

    static ServiceRequest form(String path, String body) {
        return new ServiceRequest("POST", path, null, Map.of("Content-Type",
                List.of("application/x-www-form-urlencoded; charset=utf-8")), body.getBytes(StandardCharsets.UTF_8), "req-1");
    }

    @Test
    void claimsUnsignedQueryFormsOfSqsActionsOnlyAtTheRootOrAQueuePath() throws Exception {
        SqsEndpoint sqs = deadEnd();
        assertThat(sqs.claimsPath(form("/", "Action=ListQueues&Version=2012-11-05"))).isTrue();
        assertThat(sqs.claimsPath(form("/000000000000/orders", "Action=SendMessage&MessageBody=x"))).isTrue();
        assertThat(sqs.claimsPath(form("/", "Action=Publish&TopicArn=x"))).as("an SNS action").isFalse();
        assertThat(sqs.claimsPath(form("/2015-03-31/functions", "Action=ListQueues"))).isFalse();
        assertThat(sqs.claimsPath(new ServiceRequest("GET", "/", "Action=ListQueues", Map.of(), new byte[0], "r")))
                .isTrue();
        assertThat(sqs.claimsPath(new ServiceRequest("GET", "/", null, Map.of(), new byte[0], "r"))).isFalse();
    }

    @Test
    void anUnreachableElasticMqIsAnSqsErrorInTheJsonProtocol() throws Exception {
        ServiceRequest request = new ServiceRequest("POST", "/", null, Map.of("X-Amz-Target",
                List.of("AmazonSQS.ListQueues"), "Content-Type", List.of("application/x-amz-json-1.0")),
                "{}".getBytes(StandardCharsets.UTF_8), "req-2");
        ServiceResponse reply = deadEnd().handle(request).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).isEqualTo("application/x-amz-json-1.0");
        assertThat(reply.headers()).containsEntry("x-amzn-query-error", "ServiceUnavailable;Receiver");
        JsonNode body = Json.MAPPER.readTree(reply.body());
        assertThat(body.get("__type").asText()).isEqualTo("com.amazonaws.sqs#ServiceUnavailable");
        assertThat(body.get("message").asText()).startsWith("The local SQS (ElasticMQ) does not answer");
    }

    @Test
    void anUnreachableElasticMqIsAnSqsErrorInTheQueryProtocol() throws Exception {
        ServiceResponse reply = deadEnd().handle(form("/", "Action=ListQueues&Version=2012-11-05"))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(503);
        String xml = new String(reply.body(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<ErrorResponse>", "<Type>Receiver</Type>", "<Code>ServiceUnavailable</Code>",
                "<RequestId>req-1</RequestId>");
    }

    @Test
    void elasticMqErrorsKeepTheirCodesInBothShapes() {
        var json = SqsErrors.fromJson(400, ("{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\","
                + "\"Message\":\"The specified queue does not exist.\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(json.code()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        ServiceResponse written = SqsErrors.json(json);
        assertThat(written.headers()).containsEntry("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender");
        assertThat(new String(written.body(), StandardCharsets.UTF_8))
                .contains("\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\"");
        var xml = SqsErrors.fromXml(400, ("<ErrorResponse><Error><Type>com.amazonaws.sqs#QueueDoesNotExist</Type>"
                + "<Code>AWS.SimpleQueueService.NonExistentQueue</Code><Message>The specified queue does not exist."
                + "</Message><Detail/></Error></ErrorResponse>").getBytes(StandardCharsets.UTF_8));
        assertThat(xml.code()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(SqsErrors.fromJson(500, new byte[0]).code()).isEqualTo("InternalFailure");
    }
}
