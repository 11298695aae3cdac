package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.protocol.AwsJsonEndpoint;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.patterns.Dialect;
import dev.lambdaconsole.simulators.patterns.EventPattern;

import java.util.List;

/**
 * The local EventBridge ({@code AWSEvents}, JSON 1.1), free of HTTP: today {@code TestEventPattern}; rules, targets
 * and PutEvents come later on the same endpoint.
 */
public final class EventBridgeService {
    /**
     * The envelope fields TestEventPattern requires of its event. The API reference lists {@code resources} too,
     * but EventBridge accepts events without it (observed), so it is not required here.
     */
    static final List<String> REQUIRED_EVENT_FIELDS =
            List.of("id", "account", "source", "time", "region", "detail-type");

    /** {@code {EventPattern, Event}} to {@code {Result}}. */
    public JsonNode testEventPattern(JsonNode input) {
        String pattern = requiredString(input, "EventPattern", "eventPattern");
        String eventText = requiredString(input, "Event", "event");
        JsonNode event = event(eventText);
        boolean result = EventPattern.parse(pattern, Dialect.EVENTBRIDGE).matches(event);
        ObjectNode out = Json.object();
        out.put("Result", result);
        return out;
    }

    private static JsonNode event(String text) {
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalidEvent();
        }
        if (event == null || !event.isObject()) throw invalidEvent();
        for (String field : REQUIRED_EVENT_FIELDS) {
            if (event.get(field) == null) throw invalidEvent();
        }
        return event;
    }

    /** What AWS answers for an event that is not JSON, not an object or lacks an envelope field. */
    private static AwsServiceException invalidEvent() {
        return AwsServiceException.badRequest("ValidationException", "Parameter Event is not valid.");
    }

    private static String requiredString(JsonNode input, String member, String wireName) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            throw AwsServiceException.badRequest("ValidationException", "1 validation error detected: Value null at '"
                    + wireName + "' failed to satisfy constraint: Member must not be null");
        }
        if (!value.isTextual()) {
            throw AwsServiceException.badRequest("SerializationException", member + " must be a string (got "
                    + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return value.textValue();
    }

    /** The service on the shared endpoint: {@code X-Amz-Target: AWSEvents.<Operation>}, signing name "events". */
    public AwsJsonEndpoint endpoint() {
        return AwsJsonEndpoint.builder("events", "AWSEvents", "1.1")
                .operation("TestEventPattern", this::testEventPattern)
                .build();
    }
}
