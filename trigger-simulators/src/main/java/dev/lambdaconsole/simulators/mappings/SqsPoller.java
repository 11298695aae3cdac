package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.patterns.EventPattern;
import dev.lambdaconsole.simulators.sqs.SqsAccess;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lambda's SQS poller for one mapping: a few concurrent loops (ScalingConfig.MaximumConcurrency, else
 * {@value #DEFAULT_LOOPS}) that long-poll the queue, gather up to BatchSize messages within the batching window
 * (and under 6 MB; one batch fills at a time), drop and delete filtered-out messages, invoke the function synchronously and then delete what
 * succeeded: the whole batch, or all but the reported {@code batchItemFailures}. A failed batch is left alone, so
 * its messages reappear after the queue's visibility timeout with a higher receive count, and the queue's
 * RedrivePolicy moves them to its dead-letter queue.
 */
final class SqsPoller implements Poller {
    static final int DEFAULT_LOOPS = 5;
    private static final int MAX_PAYLOAD = 6 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(SqsPoller.class.getName());
    private final Mapping mapping;
    private final SqsAccess sqs;
    private final SqsAccess.QueueRef queue;
    private final Invoker invoker;
    private final Deliveries deliveries;
    private final List<EventPattern> filters;
    private final String region;
    private final AtomicBoolean running = new AtomicBoolean();
    /**
     * One batch fills at a time, as Lambda's batching window gathers records into a batch: the loops take turns
     * gathering and invoke concurrently. Without it, a few messages sent a second apart would each start a batch
     * of their own on an idle loop, whatever the window.
     */
    private final java.util.concurrent.locks.ReentrantLock gathering = new java.util.concurrent.locks.ReentrantLock();
    private final List<Thread> loops = new ArrayList<>();
    private final PollerStatus status;

    SqsPoller(Mapping mapping, SqsAccess sqs, SqsAccess.QueueRef queue, Invoker invoker, Deliveries deliveries,
              String region, PollerStatus status) {
        this.mapping = mapping;
        this.sqs = sqs;
        this.queue = queue;
        this.invoker = invoker;
        this.deliveries = deliveries;
        this.filters = MappingRules.filters(mapping.filterCriteria());
        this.region = region;
        this.status = status;
    }

    @Override
    public void start() {
        running.set(true);
        Integer max = mapping.maximumConcurrency();
        int n = max == null ? DEFAULT_LOOPS : Math.min(max, DEFAULT_LOOPS * 2);
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(this::loop, "sqs-poller-" + mapping.uuid().substring(0, 8) + "-" + i);
            t.setDaemon(true);
            loops.add(t);
            t.start();
        }
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread t : loops) {
            try {
                t.join(25_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void loop() {
        long backoff = 0;
        while (running.get()) {
            try {
                if (backoff > 0) {
                    Thread.sleep(backoff);
                }
                List<JsonNode> batch;
                gathering.lockInterruptibly();
                try {
                    batch = gather();
                } finally {
                    gathering.unlock();
                }
                if (batch.isEmpty()) {
                    backoff = 0;
                    continue;
                }
                backoff = handle(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running.get()) return;
                LOG.log(Level.FINE, "SQS poller of " + mapping.uuid() + ": " + e.getMessage());
                status.problem("PROBLEM: " + e.getMessage());
                backoff = Math.min(Math.max(backoff * 2, 500), 5000);
            }
        }
    }

    /** Receives until the batch is full, the window closes, or (window 0) the first messages arrived. */
    private List<JsonNode> gather() {
        int batchSize = mapping.batchSize() == null ? 10 : mapping.batchSize();
        int windowMs = (mapping.maximumBatchingWindowInSeconds() == null ? 0 : mapping.maximumBatchingWindowInSeconds()) * 1000;
        List<JsonNode> batch = new ArrayList<>();
        long bytes = 0;
        long deadline = Long.MAX_VALUE;
        while (running.get() && batch.size() < batchSize) {
            long now = System.currentTimeMillis();
            int waitSeconds;
            if (batch.isEmpty()) {
                waitSeconds = 2; // short long-polls so that a disabled mapping stops promptly
            } else {
                if (now >= deadline) break;
                waitSeconds = (int) Math.min(2, Math.max(0, (deadline - now + 999) / 1000));
            }
            ObjectNode req = Json.object();
            req.put("QueueUrl", queue.url());
            req.put("MaxNumberOfMessages", Math.min(10, batchSize - batch.size()));
            req.put("WaitTimeSeconds", waitSeconds);
            req.putArray("AttributeNames").add("All");
            req.putArray("MessageSystemAttributeNames").add("All");
            req.putArray("MessageAttributeNames").add("All");
            JsonNode reply = sqs.call("ReceiveMessage", req);
            JsonNode messages = reply.path("Messages");
            List<JsonNode> overflow = new ArrayList<>();
            for (JsonNode m : messages) {
                long size = m.path("Body").asText("").length() + 512L;
                if (bytes + size > MAX_PAYLOAD && !batch.isEmpty()) overflow.add(m);
                else {
                    batch.add(m);
                    bytes += size;
                }
            }
            if (!overflow.isEmpty()) {
                release(overflow);
                break;
            }
            if (!running.get()) {
                release(batch);
                return List.of();
            }
            if (!batch.isEmpty() && deadline == Long.MAX_VALUE) {
                if (windowMs == 0) break;
                deadline = System.currentTimeMillis() + windowMs;
            }
        }
        return batch;
    }

    /** Handles one gathered batch; returns how long the loop should wait before the next. */
    private long handle(List<JsonNode> batch) {
        List<ObjectNode> records = new ArrayList<>();
        List<JsonNode> kept = new ArrayList<>();
        List<JsonNode> dropped = new ArrayList<>();
        for (JsonNode m : batch) {
            ObjectNode record = record(m);
            if (passes(record)) {
                records.add(record);
                kept.add(m);
            } else {
                dropped.add(m);
            }
        }
        long oldestSent = Long.MAX_VALUE;
        for (JsonNode m : batch) oldestSent = Math.min(oldestSent, m.path("Attributes").path("SentTimestamp").asLong(Long.MAX_VALUE));
        long age = oldestSent == Long.MAX_VALUE ? 0 : Math.max(0, System.currentTimeMillis() - oldestSent);
        if (!dropped.isEmpty()) delete(dropped);
        if (records.isEmpty()) {
            deliveries.record(delivery("FILTERED", batch, 0, age, null, null, dropped.size() + " filtered out", List.of()));
            return 0;
        }
        ObjectNode event = Json.object();
        ArrayNode list = event.putArray("Records");
        records.forEach(list::add);
        Invoker.Outcome outcome = invoker.invoke(mapping, Json.bytes(event));
        int attempt = kept.get(0).path("Attributes").path("ApproximateReceiveCount").asInt(1);
        switch (outcome.kind()) {
            case OK -> {
                if (!mapping.reportsBatchItemFailures()) {
                    delete(kept);
                    deliveries.record(delivery("OK", kept, 0, age, outcome, attempt, null, List.of()));
                    status.ok();
                    return 0;
                }
                Set<String> ids = new HashSet<>();
                for (JsonNode m : kept) ids.add(m.path("MessageId").asText());
                BatchResponse answer = BatchResponse.parse(outcome.result().payload(), ids);
                if (answer.invalid()) {
                    deliveries.record(delivery("FUNCTION_ERROR", kept, kept.size(), age, outcome, attempt,
                            "invalid batch response: " + answer.invalidReason(), kept));
                    status.problem("PROBLEM: Function response invalid: " + answer.invalidReason());
                    return 0;
                }
                List<JsonNode> succeeded = new ArrayList<>();
                List<JsonNode> failed = new ArrayList<>();
                for (JsonNode m : kept) {
                    (answer.failed().contains(m.path("MessageId").asText()) ? failed : succeeded).add(m);
                }
                delete(succeeded);
                deliveries.record(delivery(answer.failed().isEmpty() ? "OK" : "PARTIAL", kept,
                        answer.failed().size(), age, outcome, attempt,
                        answer.failed().isEmpty() ? null : "failed: " + String.join(", ", answer.failed()), failed));
                status.ok();
                return 0;
            }
            case FUNCTION_ERROR -> {
                deliveries.record(delivery("FUNCTION_ERROR", kept, kept.size(), age, outcome, attempt, outcome.detail(), kept));
                status.problem("PROBLEM: Function call failed");
                return 0;
            }
            case THROTTLED -> {
                deliveries.record(delivery("THROTTLED", kept, kept.size(), age, outcome, attempt, outcome.detail(), kept));
                return 1000;
            }
            default -> {
                deliveries.record(delivery("ERROR", kept, kept.size(), age, outcome, attempt, outcome.detail(), kept));
                status.problem("PROBLEM: " + outcome.detail());
                return 2000;
            }
        }
    }

    private boolean passes(ObjectNode record) {
        if (filters.isEmpty()) return true;
        ObjectNode doc = record.deepCopy();
        String body = record.path("body").asText("");
        try {
            JsonNode parsed = Json.MAPPER.readTree(body);
            if (parsed != null && (parsed.isObject() || parsed.isArray())) doc.set("body", parsed);
        } catch (IOException notJson) {
            // matched as the plain text it is
        }
        for (EventPattern p : filters) if (p.matches(doc)) return true;
        return false;
    }

    /** The Lambda SQS record of a received message, members in the order Lambda sends them. */
    private ObjectNode record(JsonNode m) {
        ObjectNode r = Json.object();
        r.put("messageId", m.path("MessageId").asText());
        r.put("receiptHandle", m.path("ReceiptHandle").asText());
        r.put("body", m.path("Body").asText(""));
        ObjectNode attributes = r.putObject("attributes");
        JsonNode a = m.path("Attributes");
        for (String name : List.of("ApproximateReceiveCount", "SentTimestamp", "SequenceNumber", "MessageGroupId",
                "SenderId", "MessageDeduplicationId", "ApproximateFirstReceiveTimestamp", "AWSTraceHeader")) {
            if (a.hasNonNull(name)) attributes.put(name, a.get(name).asText());
        }
        ObjectNode ma = r.putObject("messageAttributes");
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("MessageAttributes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            ObjectNode out = ma.putObject(e.getKey());
            if (v.hasNonNull("StringValue")) out.put("stringValue", v.get("StringValue").asText());
            if (v.hasNonNull("BinaryValue")) out.put("binaryValue", v.get("BinaryValue").asText());
            ArrayNode sl = out.putArray("stringListValues");
            v.path("StringListValues").forEach(sl::add);
            ArrayNode bl = out.putArray("binaryListValues");
            v.path("BinaryListValues").forEach(bl::add);
            out.put("dataType", v.path("DataType").asText());
        }
        if (m.hasNonNull("MD5OfMessageAttributes")) r.put("md5OfMessageAttributes", m.get("MD5OfMessageAttributes").asText());
        r.put("md5OfBody", m.path("MD5OfBody").asText());
        r.put("eventSource", "aws:sqs");
        r.put("eventSourceARN", queue.arn());
        r.put("awsRegion", region);
        return r;
    }

    private void delete(List<JsonNode> messages) {
        inBatches("DeleteMessageBatch", messages, false);
    }

    /** Makes messages visible again at once (received after the mapping stopped, or past the 6 MB cap). */
    private void release(List<JsonNode> messages) {
        try {
            inBatches("ChangeMessageVisibilityBatch", messages, true);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not release messages: " + e.getMessage());
        }
    }

    /** A batch operation over the messages' receipt handles, ten entries a call (SQS's limit). */
    private void inBatches(String operation, List<JsonNode> messages, boolean visibleNow) {
        for (int from = 0; from < messages.size(); from += 10) {
            ObjectNode req = Json.object();
            req.put("QueueUrl", queue.url());
            ArrayNode entries = req.putArray("Entries");
            List<JsonNode> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            for (int i = 0; i < chunk.size(); i++) {
                ObjectNode e = entries.addObject().put("Id", "m" + i).put("ReceiptHandle", chunk.get(i).path("ReceiptHandle").asText());
                if (visibleNow) e.put("VisibilityTimeout", 0);
            }
            sqs.call(operation, req);
        }
    }

    /**
     * The delivery of {@code messages}; {@code failed} stay on the queue. Failed messages whose receive count
     * reached the queue's maxReceiveCount are not received again: SQS moves them to the dead-letter queue of its
     * RedrivePolicy once their visibility timeout ends, which the delivery names as its destination.
     */
    private Delivery delivery(String result, List<JsonNode> messages, int failedCount, long age,
                              Invoker.Outcome outcome, Integer attempt, String detail, List<JsonNode> failed) {
        String destination = null;
        if (!failed.isEmpty()) {
            Redrive redrive = redrive();
            if (redrive != null) {
                int last = 0;
                for (JsonNode m : failed) {
                    if (m.path("Attributes").path("ApproximateReceiveCount").asInt(1) >= redrive.maxReceiveCount()) last++;
                }
                if (last > 0) {
                    destination = redrive.deadLetterTargetArn();
                    String moving = (last == failed.size() ? (last == 1 ? "the failed message" : "the failed messages")
                            : last + " of the failed messages") + " reached maxReceiveCount " + redrive.maxReceiveCount()
                            + ": SQS moves " + (last == 1 ? "it" : "them") + " to the dead-letter queue " + destination
                            + " when the visibility timeout ends";
                    detail = detail == null ? moving : detail + "; " + moving;
                }
            }
        }
        return new Delivery(System.currentTimeMillis(), mapping.uuid(), mapping.eventSourceArn(), mapping.functionArn(),
                result, messages.size(), attempt == null ? 1 : attempt, failedCount, age, null, null, null,
                outcome == null ? null : outcome.requestId(), outcome == null ? null : outcome.durationMs(), detail,
                ids(messages), failed.isEmpty() ? null : ids(failed), destination);
    }

    private static List<String> ids(List<JsonNode> messages) {
        List<String> ids = new ArrayList<>(messages.size());
        for (JsonNode m : messages) ids.add(m.path("MessageId").asText());
        return ids;
    }

    /** The queue's RedrivePolicy as it is now, or null (none, or the queue cannot be read). */
    private Redrive redrive() {
        try {
            ObjectNode req = Json.object();
            req.put("QueueUrl", queue.url());
            req.putArray("AttributeNames").add("RedrivePolicy");
            String policy = sqs.call("GetQueueAttributes", req).path("Attributes").path("RedrivePolicy").asText("");
            if (policy.isEmpty()) return null;
            JsonNode p = Json.MAPPER.readTree(policy);
            String target = p.path("deadLetterTargetArn").asText("");
            int max = p.path("maxReceiveCount").asInt(0);
            return target.isEmpty() || max <= 0 ? null : new Redrive(target, max);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Cannot read the RedrivePolicy of " + queue.arn() + ": " + e.getMessage());
            return null;
        }
    }

    private record Redrive(String deadLetterTargetArn, int maxReceiveCount) { }
}
