package dev.lambdaconsole.app.services.queues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.sqs.SqsAccess;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The local SQS as the Queues section calls it: SQS's own operations (JSON protocol, in process) and the queue
 * rows built from ListQueues and GetQueueAttributes. Blocking: call it in the background.
 */
public final class QueueClient {
    private final Supplier<Optional<SqsAccess>> sqs;

    public QueueClient(Supplier<Optional<SqsAccess>> sqs) { this.sqs = sqs; }

    public JsonNode call(String operation, ObjectNode request) {
        return sqs.get().orElseThrow(() -> new IllegalStateException("The local SQS is not running"))
                .call(operation, request);
    }

    /** Every queue with all its attributes, by name; DLQs know the queues that send to them. */
    public List<QueueRow> queues() {
        List<String> urls = new ArrayList<>();
        String token = null;
        do {
            ObjectNode req = Json.object().put("MaxResults", 1000);
            if (token != null) req.put("NextToken", token);
            JsonNode page = call("ListQueues", req);
            page.path("QueueUrls").forEach(u -> urls.add(u.asText()));
            token = page.hasNonNull("NextToken") ? page.path("NextToken").asText() : null;
        } while (token != null);
        List<Map<String, String>> all = new ArrayList<>();
        for (String url : urls) all.add(attributes(url));
        List<QueueRow> rows = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            Map<String, String> a = all.get(i);
            String arn = a.getOrDefault("QueueArn", "");
            List<String> sources = new ArrayList<>();
            for (Map<String, String> other : all) {
                if (arn.equals(QueueRow.deadLetterTarget(other))) sources.add(other.get("QueueArn"));
            }
            rows.add(new QueueRow(urls.get(i), a, sources));
        }
        rows.sort(java.util.Comparator.comparing(QueueRow::name));
        return rows;
    }

    /** GetQueueAttributes All, by name. */
    public Map<String, String> attributes(String url) {
        ObjectNode req = Json.object().put("QueueUrl", url);
        req.putArray("AttributeNames").add("All");
        Map<String, String> out = new TreeMap<>();
        JsonNode a = call("GetQueueAttributes", req).path("Attributes");
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
