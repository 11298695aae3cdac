package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.patterns.EventPattern;
import dev.lambdaconsole.simulators.patterns.Match;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What FilterCriteria are matched against for one record of a Lambda event, as the pollers match it: an SQS
 * record with its {@code body} read as JSON when it is JSON; a Kinesis record as {@code {"data": …}} with the data
 * decoded when it is JSON; a DynamoDB stream record as it is. For the console's pattern tester.
 */
public final class FilterDocuments {
    private FilterDocuments() { }

    /** The document for a record of an SQS, Kinesis or DynamoDB Lambda event (told apart by eventSource). */
    public static JsonNode of(JsonNode record) {
        String source = record.path("eventSource").asText(record.path("EventSource").asText(""));
        return switch (source) {
            case "aws:sqs" -> sqs(record);
            case "aws:kinesis" -> kinesis(record);
            default -> record;
        };
    }

    static JsonNode sqs(JsonNode record) {
        ObjectNode doc = record.deepCopy();
        try {
            JsonNode parsed = Json.MAPPER.readTree(record.path("body").asText(""));
            if (parsed != null && (parsed.isObject() || parsed.isArray())) doc.set("body", parsed);
        } catch (IOException notJson) {
            // matched as the plain text it is
        }
        return doc;
    }

    static JsonNode kinesis(JsonNode record) {
        String encoded = record.path("kinesis").path("data").asText("");
        ObjectNode doc = Json.object();
        try {
            byte[] data = Base64.getDecoder().decode(encoded);
            JsonNode parsed = Json.MAPPER.readTree(data);
            if (parsed != null && (parsed.isObject() || parsed.isArray())) doc.set("data", parsed);
            else doc.put("data", encoded);
        } catch (IOException | IllegalArgumentException notJson) {
            doc.put("data", encoded);
        }
        return doc;
    }

    /**
     * Whether a record passes any of the filters (no filters: every record passes) and, if none, why each one
     * refused it ({@code filter 1: …; filter 2: …}).
     */
    public static Match explain(List<EventPattern> filters, JsonNode record) {
        if (filters.isEmpty()) return new Match(true, null);
        JsonNode doc = of(record);
        List<String> reasons = new ArrayList<>();
        for (EventPattern p : filters) {
            Match m = p.explain(doc);
            if (m.matched()) return m;
            reasons.add(filters.size() == 1 ? m.reason() : "filter " + (reasons.size() + 1) + ": " + m.reason());
        }
        return new Match(false, String.join("; ", reasons));
    }
}
