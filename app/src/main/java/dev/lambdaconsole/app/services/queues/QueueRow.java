package dev.lambdaconsole.app.services.queues;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.util.Json;

import java.util.List;
import java.util.Map;

/**
 * A queue as the list shows it: its attributes (GetQueueAttributes All) and the ARNs of the queues whose redrive
 * policy names it as their dead-letter queue.
 */
public record QueueRow(String url, Map<String, String> attributes, List<String> redriveSources) {
    public QueueRow {
        attributes = Map.copyOf(attributes);
        redriveSources = List.copyOf(redriveSources);
    }

    public String arn() { return attributes.getOrDefault("QueueArn", ""); }

    public String name() { return arn().substring(arn().lastIndexOf(':') + 1); }

    public boolean fifo() { return "true".equals(attributes.get("FifoQueue")); }

    public String type() { return fifo() ? "FIFO" : "Standard"; }

    public long available() { return number("ApproximateNumberOfMessages"); }

    public long inFlight() { return number("ApproximateNumberOfMessagesNotVisible"); }

    public long delayed() { return number("ApproximateNumberOfMessagesDelayed"); }

    public boolean contentBasedDeduplication() { return "true".equals(attributes.get("ContentBasedDeduplication")); }

    /** The ARN of the dead-letter queue its redrive policy names, or null. */
    public String deadLetterTarget() { return deadLetterTarget(attributes); }

    /** The redrive policy's maxReceiveCount, or 0 without one. */
    public int maxReceiveCount() {
        JsonNode p = policy(attributes);
        return p == null ? 0 : p.path("maxReceiveCount").asInt(0);
    }

    /** Whether other queues send their failed messages here. */
    public boolean isDeadLetterQueue() { return !redriveSources.isEmpty(); }

    private long number(String name) {
        try {
            return Long.parseLong(attributes.getOrDefault(name, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String deadLetterTarget(Map<String, String> attributes) {
        JsonNode p = policy(attributes);
        return p == null || !p.hasNonNull("deadLetterTargetArn") ? null : p.path("deadLetterTargetArn").asText();
    }

    private static JsonNode policy(Map<String, String> attributes) {
        String raw = attributes.get("RedrivePolicy");
        if (raw == null || raw.isBlank()) return null;
        try {
            return Json.MAPPER.readTree(raw);
        } catch (Exception e) {
            return null;
        }
    }

    /** The name in an SQS ARN. */
    public static String nameOf(String arn) { return arn == null ? "" : arn.substring(arn.lastIndexOf(':') + 1); }
}
