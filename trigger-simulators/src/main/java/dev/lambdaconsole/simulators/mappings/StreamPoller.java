package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.patterns.EventPattern;
import dev.lambdaconsole.simulators.streams.StreamInfo;
import dev.lambdaconsole.simulators.streams.StreamReader;
import dev.lambdaconsole.simulators.streams.StreamRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lambda's stream poller for one mapping (Kinesis or DynamoDB): one worker per shard reading records in order
 * after the shard's checkpoint; batches up to BatchSize within the batching window (never across a tumbling
 * window, under 6 MB); filtered-out records are skipped; a failed batch blocks the shard and is retried —
 * halved first when BisectBatchOnFunctionError is set — until it succeeds, MaximumRetryAttempts is spent or its
 * records are older than MaximumRecordAgeInSeconds; then the on-failure record goes to the destination and the
 * shard moves on. With ReportBatchItemFailures the batch is retried from the lowest reported sequence number.
 * The checkpoint (last handled sequence number per shard) is saved after each batch, so a restart resumes there.
 */
final class StreamPoller implements Poller {
    private static final int MAX_PAYLOAD = 6 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(StreamPoller.class.getName());
    private final Mapping mapping;
    private final StreamReader reader;
    private final StreamInfo stream;
    private final Invoker invoker;
    private final Deliveries deliveries;
    private final MappingStore store;
    private final OnFailure onFailure;
    private final PollerStatus status;
    private final String region;
    private final Supplier<String> role;
    private final List<EventPattern> filters;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, String> checkpoints;
    private final Object signal = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private final Map<String, Long> backoffUntil = new ConcurrentHashMap<>();
    private AutoCloseable subscription;

    StreamPoller(Mapping mapping, StreamReader reader, StreamInfo stream, Invoker invoker, Deliveries deliveries,
                 MappingStore store, OnFailure onFailure, PollerStatus status, String region, Supplier<String> role) {
        this.mapping = mapping;
        this.reader = reader;
        this.stream = stream;
        this.invoker = invoker;
        this.deliveries = deliveries;
        this.store = store;
        this.onFailure = onFailure;
        this.status = status;
        this.region = region;
        this.role = role;
        this.filters = MappingRules.filters(mapping.filterCriteria());
        this.checkpoints = new ConcurrentHashMap<>(store.checkpoints(mapping.uuid()));
    }

    /**
     * The starting position of each shard without a checkpoint, fixed when the mapping is created (so records
     * put between the create and the first poll are not skipped with LATEST). "" stands for "from the oldest".
     */
    static Map<String, String> initialCheckpoints(Mapping mapping, StreamReader reader, StreamInfo stream) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String shard : stream.shardIds()) {
            String seq = switch (mapping.startingPosition()) {
                case "LATEST" -> reader.lastSequence(stream.arn(), shard);
                case "AT_TIMESTAMP" -> reader.sequenceBefore(stream.arn(), shard,
                        Instant.ofEpochMilli((long) (mapping.startingPositionTimestamp() * 1000)));
                default -> null;
            };
            out.put(shard, seq == null ? "" : seq);
        }
        return out;
    }

    @Override
    public void start() {
        running.set(true);
        boolean changed = false;
        for (Map.Entry<String, String> e : initialCheckpoints(mapping, reader, stream).entrySet()) {
            if (!checkpoints.containsKey(e.getKey())) {
                checkpoints.put(e.getKey(), e.getValue());
                changed = true;
            }
        }
        if (changed) store.writeCheckpoints(mapping.uuid(), Map.copyOf(checkpoints));
        try {
            subscription = reader.onAppend(stream.arn(), () -> {
                synchronized (signal) {
                    signal.notifyAll();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "No append notifications for " + stream.arn() + "; polling", e);
        }
        for (String shard : stream.shardIds()) {
            Thread t = new Thread(() -> shardLoop(shard), "stream-poller-" + mapping.uuid().substring(0, 8) + "-" + shard);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    @Override
    public void close() {
        running.set(false);
        synchronized (signal) {
            signal.notifyAll();
        }
        for (Thread t : workers) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // the store is closing too
            }
        }
    }

    private String after(String shard) {
        String c = checkpoints.get(shard);
        return c == null || c.isEmpty() ? null : c;
    }

    private void checkpoint(String shard, String sequence) {
        checkpoints.put(shard, sequence);
        store.writeCheckpoints(mapping.uuid(), Map.copyOf(checkpoints));
    }

    private void await(long millis) throws InterruptedException {
        if (millis <= 0) return;
        synchronized (signal) {
            signal.wait(millis);
        }
    }

    private int batchSize() { return mapping.batchSize() == null ? 100 : mapping.batchSize(); }

    private long windowMs() {
        return (mapping.maximumBatchingWindowInSeconds() == null ? 0 : mapping.maximumBatchingWindowInSeconds()) * 1000L;
    }

    private long tumblingMs() {
        return (mapping.tumblingWindowInSeconds() == null ? 0 : mapping.tumblingWindowInSeconds()) * 1000L;
    }

    private void shardLoop(String shard) {
        TumblingState tumbling = new TumblingState();
        while (running.get()) {
            try {
                List<StreamRecord> records = reader.read(stream.arn(), shard, after(shard), batchSize());
                if (records.isEmpty()) {
                    if (tumbling.open() && System.currentTimeMillis() >= tumbling.end) {
                        finalInvoke(shard, tumbling, false);
                        continue;
                    }
                    await(tumbling.open() ? Math.max(1, Math.min(1000, tumbling.end - System.currentTimeMillis())) : 1000);
                    continue;
                }
                long window = windowMs();
                if (window > 0 && records.size() < batchSize()) {
                    long until = records.get(0).arrival().toEpochMilli() + window;
                    while (running.get() && System.currentTimeMillis() < until) {
                        await(until - System.currentTimeMillis());
                        records = reader.read(stream.arn(), shard, after(shard), batchSize());
                        if (records.size() >= batchSize()) break;
                    }
                    if (!running.get()) return;
                }
                records = capped(records);
                if (tumblingMs() > 0) {
                    long start = windowStart(records.get(0));
                    if (tumbling.open() && start != tumbling.start) {
                        finalInvoke(shard, tumbling, false);
                        continue;
                    }
                    List<StreamRecord> same = new ArrayList<>();
                    for (StreamRecord r : records) if (windowStart(r) == start) same.add(r);
                    records = same;
                    if (!tumbling.open()) tumbling.begin(start, start + tumblingMs());
                }
                process(shard, records, tumbling);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running.get()) return;
                LOG.log(Level.FINE, "Stream poller " + mapping.uuid() + " shard " + shard + ": " + e.getMessage(), e);
                status.problem("PROBLEM: " + e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private long windowStart(StreamRecord r) {
        long w = tumblingMs();
        long t = r.arrival().toEpochMilli();
        return t - Math.floorMod(t, w);
    }

    private static List<StreamRecord> capped(List<StreamRecord> records) {
        long bytes = 0;
        List<StreamRecord> out = new ArrayList<>();
        for (StreamRecord r : records) {
            long size = r.size() * 4L / 3 + 512;
            if (!out.isEmpty() && bytes + size > MAX_PAYLOAD) break;
            out.add(r);
            bytes += size;
        }
        return out;
    }

    /** One read batch: filtered, then invoked until handled (success, retries spent, or too old). */
    private void process(String shard, List<StreamRecord> read, TumblingState tumbling) throws InterruptedException {
        List<StreamRecord> kept = new ArrayList<>();
        for (StreamRecord r : read) if (passes(r)) kept.add(r);
        String last = read.get(read.size() - 1).sequenceNumber();
        if (kept.isEmpty()) {
            deliveries.record(delivery("FILTERED", shard, read, 0, 0, null, read.size() + " filtered out"));
            checkpoint(shard, last);
            return;
        }
        Deque<List<StreamRecord>> parts = new ArrayDeque<>();
        parts.add(kept);
        int retries = 0;
        int invokes = 0;
        Invoker.Outcome lastOutcome = null;
        while (!parts.isEmpty() && running.get()) {
            List<StreamRecord> part = parts.peekFirst();
            Integer maxAge = mapping.maximumRecordAgeInSeconds();
            if (maxAge != null && maxAge > 0) {
                long oldest = part.get(0).arrival().toEpochMilli();
                if (System.currentTimeMillis() - oldest > maxAge * 1000L) {
                    discard(shard, part, "RecordAgeExceeded", invokes, lastOutcome);
                    parts.removeFirst();
                    checkpoint(shard, part.get(part.size() - 1).sequenceNumber());
                    retries = 0;
                    continue;
                }
            }
            Long wait = backoffUntil.get(shard);
            if (wait != null && wait > System.currentTimeMillis()) Thread.sleep(wait - System.currentTimeMillis());
            ObjectNode event = event(shard, part, tumbling, false);
            Invoker.Outcome outcome = invoker.invoke(mapping, Json.bytes(event));
            lastOutcome = outcome;
            if (outcome.kind() == Invoker.Outcome.Kind.THROTTLED || outcome.kind() == Invoker.Outcome.Kind.ERROR) {
                deliveries.record(delivery(outcome.kind().name(), shard, part, retries + 1, part.size(), outcome, outcome.detail(),
                        part, null));
                if (outcome.kind() == Invoker.Outcome.Kind.ERROR) status.problem("PROBLEM: " + outcome.detail());
                backoffUntil.put(shard, System.currentTimeMillis() + 1000);
                continue;
            }
            invokes++;
            String failedFrom = null;
            boolean failed = outcome.kind() == Invoker.Outcome.Kind.FUNCTION_ERROR;
            String detail = outcome.detail();
            if (!failed) {
                JsonNode answer = parse(outcome.result().payload());
                if (tumblingMs() > 0) {
                    JsonNode state = answer == null ? null : answer.get("state");
                    if (answer != null && !answer.isObject() && !answer.isNull()) {
                        failed = true;
                        detail = "the response of a tumbling window invocation must be an object with state";
                    } else if (state != null && !state.isNull()) {
                        tumbling.state = state;
                    }
                }
                if (!failed && mapping.reportsBatchItemFailures()) {
                    Set<String> ids = new LinkedHashSet<>();
                    for (StreamRecord r : part) ids.add(r.sequenceNumber());
                    BatchResponse br = BatchResponse.parse(outcome.result().payload(), ids);
                    if (br.invalid()) {
                        failed = true;
                        detail = "invalid batch response: " + br.invalidReason();
                    } else if (!br.failed().isEmpty()) {
                        failedFrom = br.failed().stream().min(String::compareTo).orElseThrow();
                    }
                }
            }
            if (!failed && failedFrom == null) {
                deliveries.record(delivery("OK", shard, part, retries + 1, 0, outcome, null));
                status.ok();
                parts.removeFirst();
                checkpoint(shard, part.get(part.size() - 1).sequenceNumber());
                retries = 0;
                continue;
            }
            if (failedFrom != null) {
                List<StreamRecord> rest = new ArrayList<>();
                List<StreamRecord> done = new ArrayList<>();
                for (StreamRecord r : part) (r.sequenceNumber().compareTo(failedFrom) >= 0 ? rest : done).add(r);
                deliveries.record(delivery("PARTIAL", shard, part, retries + 1, rest.size(), outcome,
                        "retrying from " + failedFrom, rest, null));
                if (!done.isEmpty()) checkpoint(shard, done.get(done.size() - 1).sequenceNumber());
                parts.removeFirst();
                parts.addFirst(rest);
                part = rest;
            } else {
                deliveries.record(delivery("FUNCTION_ERROR", shard, part, retries + 1, part.size(), outcome, detail, part, null));
                status.problem("PROBLEM: Function call failed");
                if (Boolean.TRUE.equals(mapping.bisectBatchOnFunctionError()) && part.size() > 1) {
                    parts.removeFirst();
                    int half = part.size() / 2;
                    parts.addFirst(new ArrayList<>(part.subList(half, part.size())));
                    parts.addFirst(new ArrayList<>(part.subList(0, half)));
                    continue;
                }
            }
            retries++;
            Integer maxRetries = mapping.maximumRetryAttempts();
            if (maxRetries != null && maxRetries >= 0 && retries > maxRetries) {
                discard(shard, part, "RetryAttemptsExhausted", invokes, outcome);
                parts.removeFirst();
                checkpoint(shard, part.get(part.size() - 1).sequenceNumber());
                retries = 0;
                continue;
            }
            Thread.sleep(Math.min(2000, 100L << Math.min(retries - 1, 5)));
        }
        if (running.get()) {
            String cp = checkpoints.get(shard);
            if (cp == null || cp.isEmpty() || cp.compareTo(last) < 0) checkpoint(shard, last);
        }
    }

    private void finalInvoke(String shard, TumblingState tumbling, boolean early) throws InterruptedException {
        ObjectNode event = event(shard, List.of(), tumbling, true);
        ((ObjectNode) event).put("isWindowTerminatedEarly", early);
        Invoker.Outcome outcome = invoker.invoke(mapping, Json.bytes(event));
        deliveries.record(new Delivery(System.currentTimeMillis(), mapping.uuid(), mapping.eventSourceArn(),
                mapping.functionArn(), outcome.kind() == Invoker.Outcome.Kind.OK ? "OK" : outcome.kind().name(), 0, 1,
                0, 0, shard, null, null, outcome.requestId(), outcome.durationMs(), "final invocation of the window"));
        if (outcome.kind() == Invoker.Outcome.Kind.THROTTLED) {
            Thread.sleep(1000);
            return;
        }
        tumbling.close();
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return payload == null || payload.length == 0 ? null : Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            return Json.MAPPER.getNodeFactory().textNode(new String(payload));
        }
    }

    private boolean passes(StreamRecord r) {
        if (filters.isEmpty()) return true;
        JsonNode doc;
        if (stream.kind() == StreamInfo.Kind.KINESIS) {
            ObjectNode o = Json.object();
            try {
                JsonNode data = Json.MAPPER.readTree(r.data());
                if (data != null && (data.isObject() || data.isArray())) o.set("data", data);
                else o.put("data", Base64.getEncoder().encodeToString(r.data()));
            } catch (IOException notJson) {
                o.put("data", Base64.getEncoder().encodeToString(r.data()));
            }
            doc = o;
        } else {
            doc = record(r);
        }
        for (EventPattern p : filters) if (p.matches(doc)) return true;
        return false;
    }

    private ObjectNode event(String shard, List<StreamRecord> records, TumblingState tumbling, boolean last) {
        ObjectNode event = Json.object();
        ArrayNode list = event.putArray("Records");
        for (StreamRecord r : records) list.add(record(r));
        if (tumblingMs() > 0) {
            ObjectNode window = event.putObject("window");
            window.put("start", Instant.ofEpochMilli(tumbling.start).toString());
            window.put("end", Instant.ofEpochMilli(tumbling.end).toString());
            event.set("state", tumbling.state == null ? Json.object() : tumbling.state);
            event.put("shardId", shard);
            event.put("eventSourceARN", stream.arn());
            event.put("isFinalInvokeForWindow", last);
            event.put("isWindowTerminatedEarly", false);
        }
        return event;
    }

    /** A record as Lambda delivers it. */
    ObjectNode record(StreamRecord r) {
        ObjectNode o = Json.object();
        if (stream.kind() == StreamInfo.Kind.KINESIS) {
            ObjectNode k = o.putObject("kinesis");
            k.put("kinesisSchemaVersion", "1.0");
            k.put("partitionKey", r.partitionKey());
            k.put("sequenceNumber", r.sequenceNumber());
            k.put("data", Base64.getEncoder().encodeToString(r.data()));
            k.put("approximateArrivalTimestamp", BigDecimal.valueOf(r.arrival().toEpochMilli()).movePointLeft(3));
            o.put("eventSource", "aws:kinesis");
            o.put("eventVersion", "1.0");
            o.put("eventID", r.shardId() + ":" + r.sequenceNumber());
            o.put("eventName", "aws:kinesis:record");
            o.put("invokeIdentityArn", role.get());
            o.put("awsRegion", region);
            o.put("eventSourceARN", stream.arn());
        } else {
            o.put("eventID", eventId(r));
            o.put("eventName", r.eventName());
            o.put("eventVersion", "1.1");
            o.put("eventSource", "aws:dynamodb");
            o.put("awsRegion", region);
            o.set("dynamodb", r.dynamodb());
            if (r.userIdentity() != null && !r.userIdentity().isNull()) o.set("userIdentity", r.userIdentity());
            o.put("eventSourceARN", stream.arn());
        }
        return o;
    }

    /** DynamoDB's event ids are 32 hex digits; ours are derived from the shard and sequence number (stable on retry). */
    private static String eventId(StreamRecord r) {
        return java.util.UUID.nameUUIDFromBytes((r.shardId() + ":" + r.sequenceNumber()).getBytes())
                .toString().replace("-", "");
    }

    private void discard(String shard, List<StreamRecord> part, String condition, int invokes, Invoker.Outcome outcome) {
        ObjectNode record = Json.object();
        ObjectNode rc = record.putObject("requestContext");
        rc.put("requestId", outcome != null && outcome.requestId() != null ? outcome.requestId()
                : java.util.UUID.randomUUID().toString());
        rc.put("functionArn", mapping.functionArn());
        rc.put("condition", condition);
        rc.put("approximateInvokeCount", invokes);
        if (outcome != null && outcome.result() != null) {
            ObjectNode resp = record.putObject("responseContext");
            resp.put("statusCode", 200);
            resp.put("executedVersion", outcome.result().executedVersion() == null ? "$LATEST" : outcome.result().executedVersion());
            if (outcome.result().functionError() != null) resp.put("functionError", outcome.result().functionError());
        }
        record.put("version", "1.0");
        record.put("timestamp", Instant.now().toString());
        ObjectNode info = record.putObject(stream.kind() == StreamInfo.Kind.KINESIS ? "KinesisBatchInfo" : "DDBStreamBatchInfo");
        info.put("shardId", shard);
        info.put("startSequenceNumber", part.get(0).sequenceNumber());
        info.put("endSequenceNumber", part.get(part.size() - 1).sequenceNumber());
        info.put("approximateArrivalOfFirstRecord", part.get(0).arrival().toString());
        info.put("approximateArrivalOfLastRecord", part.get(part.size() - 1).arrival().toString());
        info.put("batchSize", part.size());
        info.put("streamArn", stream.arn());
        String destination = mapping.onFailureDestination();
        String detail = condition + (destination == null ? ", no on-failure destination: records dropped" : ", sent to " + destination);
        String sentTo = destination;
        if (destination != null) {
            try {
                onFailure.send(destination, record);
            } catch (RuntimeException e) {
                detail = condition + ", delivery to " + destination + " failed: " + e.getMessage();
                sentTo = null;
            }
        }
        deliveries.record(delivery("DISCARDED", shard, part, invokes, part.size(), outcome, detail, part, sentTo));
    }

    private Delivery delivery(String result, String shard, List<StreamRecord> part, int attempt, int failed,
                              Invoker.Outcome outcome, String detail) {
        return delivery(result, shard, part, attempt, failed, outcome, detail, List.of(), null);
    }

    /** A delivery of {@code part}, the records {@code failedRecords} failed, sent to {@code destination} if not null. */
    private Delivery delivery(String result, String shard, List<StreamRecord> part, int attempt, int failed,
                              Invoker.Outcome outcome, String detail, List<StreamRecord> failedRecords,
                              String destination) {
        long age = part.isEmpty() ? 0 : Math.max(0, System.currentTimeMillis() - part.get(part.size() - 1).arrival().toEpochMilli());
        return new Delivery(System.currentTimeMillis(), mapping.uuid(), mapping.eventSourceArn(), mapping.functionArn(),
                result, part.size(), attempt, failed, age, shard, part.isEmpty() ? null : part.get(0).sequenceNumber(),
                part.isEmpty() ? null : part.get(part.size() - 1).sequenceNumber(),
                outcome == null ? null : outcome.requestId(), outcome == null ? null : outcome.durationMs(), detail,
                sequenceNumbers(part), failedRecords.isEmpty() ? null : sequenceNumbers(failedRecords), destination);
    }

    private static List<String> sequenceNumbers(List<StreamRecord> records) {
        List<String> out = new ArrayList<>(records.size());
        for (StreamRecord r : records) out.add(r.sequenceNumber());
        return out;
    }

    /** The open tumbling window of a shard and the state the function returned for it. */
    private static final class TumblingState {
        long start = -1;
        long end = -1;
        JsonNode state;

        boolean open() { return start >= 0; }

        void begin(long s, long e) {
            start = s;
            end = e;
            state = null;
        }

        void close() {
            start = -1;
            end = -1;
            state = null;
        }
    }
}
