package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.gateway.protocol.AwsJsonEndpoint;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TestEventPattern as the SDKs call it: the operation on JSON, and the endpoint on a request. */
class EventBridgeServiceTest {
    static final String EVENT = "{\"id\":\"7bf73129-1428-4cd3-a780-95db273d1602\",\"detail-type\":\"Order Placed\","
            + "\"source\":\"com.example.orders\",\"account\":\"123456789012\",\"time\":\"2026-12-02T10:00:00Z\","
            + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"amount\":250,\"currency\":\"EUR\"}}";
    final EventBridgeService service = new EventBridgeService(temp(), "us-east-1", "123456789012", null,
            java.util.Optional::empty, java.time.Clock.systemUTC());

    static java.nio.file.Path temp() {
        try {
            return java.nio.file.Files.createTempDirectory("events");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ObjectNode input(String pattern, String event) {
        ObjectNode in = Json.object();
        if (pattern != null) in.put("EventPattern", pattern);
        if (event != null) in.put("Event", event);
        return in;
    }

    @Test
    void matchingAndOtherPatterns() {
        assertThat(service.testEventPattern(input("{\"detail\":{\"amount\":[{\"numeric\":[\">\",100]}]}}", EVENT)))
                .isEqualTo(Json.object().put("Result", true));
        assertThat(service.testEventPattern(input("{\"detail\":{\"currency\":[\"USD\"]}}", EVENT)))
                .isEqualTo(Json.object().put("Result", false));
    }

    @Test
    void theCliReferenceExampleWithoutResourcesMatches() {
        String event = "{\"id\":\"1\",\"source\":\"com.mycompany.myapp\",\"detail-type\":\"myDetailType\","
                + "\"account\":\"123456789012\",\"region\":\"us-east-1\",\"time\":\"2017-04-11T20:11:04Z\"}";
        assertThat(service.testEventPattern(input("{\"source\":[\"com.mycompany.myapp\"]}", event)).get("Result")
                .booleanValue()).isTrue();
    }

    @Test
    void anInvalidPatternIsInvalidEventPatternException() {
        assertThatThrownBy(() -> service.testEventPattern(input("{\"source\":\"com.example.orders\"}", EVENT)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("InvalidEventPatternException");
                    assertThat(e.getMessage()).isEqualTo(
                            "Event pattern is not valid. Reason: \"source\" must be an object or an array");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain string", "[\"plain string\"]", "{\"testEvent\":\"value\"}",
            "{\"id\":\"1\",\"source\":\"s\",\"detail-type\":\"d\",\"account\":\"1\",\"region\":\"r\"}"})
    void anEventThatIsNotAnEventIsRefused(String event) {
        assertThatThrownBy(() -> service.testEventPattern(input("{\"source\":[\"s\"]}", event)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).isEqualTo("Parameter Event is not valid.");
                });
    }

    @Test
    void missingMembersAreValidationErrors() {
        assertThatThrownBy(() -> service.testEventPattern(input(null, EVENT)))
                .hasMessage("1 validation error detected: Value null at 'eventPattern' failed to satisfy constraint: "
                        + "Member must not be null");
        assertThatThrownBy(() -> service.testEventPattern(input("{}", null)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.code()).isEqualTo("ValidationException"))
                .hasMessageContaining("'event'");
    }

    static ServiceRequest request(String target, String body) {
        return new ServiceRequest("POST", "/", null, Map.of(
                "X-Amz-Target", List.of(target),
                "Content-Type", List.of("application/x-amz-json-1.1"),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=k/20261202/us-east-1/events/aws4_request, "
                        + "SignedHeaders=host, Signature=0")),
                body.getBytes(StandardCharsets.UTF_8), "req-1");
    }

    @Test
    void theEndpointAnswersInTheJsonProtocol() throws Exception {
        AwsJsonEndpoint endpoint = service.endpoint();
        assertThat(endpoint.name()).isEqualTo("events");
        assertThat(endpoint.signingNames()).containsExactly("events");
        assertThat(endpoint.targetPrefixes()).containsExactly("AWSEvents");
        ObjectNode body = input("{\"source\":[\"com.example.orders\"]}", EVENT);
        ServiceResponse reply = endpoint.handle(request("AWSEvents.TestEventPattern", Json.write(body)))
                .toCompletableFuture().get();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(Json.MAPPER.readTree(reply.body())).isEqualTo(Json.object().put("Result", true));
    }

    @Test
    void theEndpointWritesErrorsInTheJsonProtocol() throws Exception {
        ServiceRequest bad = request("AWSEvents.TestEventPattern", Json.write(input("{\"a\":[{\"wildcard\":\"x**\"}]}", EVENT)));
        AwsJsonEndpoint endpoint = service.endpoint();
        Throwable thrown = null;
        try {
            endpoint.handle(bad).toCompletableFuture().get();
        } catch (AwsServiceException e) {
            thrown = e;
        }
        assertThat(thrown).isNotNull();
        ServiceResponse reply = endpoint.error(bad, thrown);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers()).containsEntry("x-amzn-ErrorType", "InvalidEventPatternException");
        JsonNode error = Json.MAPPER.readTree(reply.body());
        assertThat(error.get("__type").asText()).isEqualTo("InvalidEventPatternException");
        assertThat(error.get("message").asText())
                .isEqualTo("Event pattern is not valid. Reason: Consecutive wildcard characters at pos 2");
        assertThatThrownBy(() -> endpoint.handle(request("AWSEvents.ListArchives", "{}")))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.code()).isEqualTo("UnknownOperationException"))
                .hasMessageContaining("TestEventPattern");
    }
}
