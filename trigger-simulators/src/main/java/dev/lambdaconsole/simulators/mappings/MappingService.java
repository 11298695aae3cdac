package dev.lambdaconsole.simulators.mappings;

import dev.lambdaconsole.runtime.services.lambda.FunctionNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.sqs.SqsAccess;
import dev.lambdaconsole.simulators.streams.StreamInfo;
import dev.lambdaconsole.simulators.streams.StreamReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Event source mappings: the Lambda API's operations over the workspace's mapping files, the state machine
 * (Creating → Enabled, Updating → Enabled, Enabling/Disabling → Enabled/Disabled, Deleting → gone) and one
 * poller per enabled mapping. Started with the engine, it resumes every mapping found in the workspace.
 */
public final class MappingService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MappingService.class.getName());
    private final ServiceContext context;
    private final SqsAccess sqs;
    private final StreamReader streams;
    private final MappingStore store;
    private final Deliveries deliveries;
    private final Invoker invoker;
    private final Map<String, Poller> pollers = new HashMap<>();
    private final ExecutorService transitions = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "event-source-mappings");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<Mapping>> listeners = new CopyOnWriteArrayList<>();
    /** The LastProcessingResult last reported per mapping (pollers report after every batch). */
    private final Map<String, String> lastResults = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closed;

    private volatile java.util.function.Supplier<dev.lambdaconsole.simulators.sns.SnsService> topics = () -> null;

    public MappingService(ServiceContext context, SqsAccess sqs, StreamReader streams) {
        this.context = context;
        this.sqs = sqs;
        this.streams = streams;
        this.store = new MappingStore(context.workspace().root().resolve("event-source-mappings"),
                context.stateDir().resolve("mappings"));
        this.deliveries = new Deliveries(context.stateDir().resolve("mappings").resolve("deliveries.jsonl"));
        this.invoker = new Invoker(context.engine());
    }

    /** The local SNS, for on-failure destinations that are topics (none until set). */
    public MappingService withTopics(java.util.function.Supplier<dev.lambdaconsole.simulators.sns.SnsService> sns) {
        this.topics = sns;
        return this;
    }

    /** Resumes the workspace's mappings (each from its checkpoints); finishes deletions a crash interrupted. */
    public void start() {
        for (Mapping m : store.list()) {
            if ("Deleting".equals(m.state())) {
                store.delete(m.uuid());
                continue;
            }
            transitions.submit(() -> apply(m.uuid()));
        }
    }

    public Deliveries deliveries() { return deliveries; }

    /** Calls {@code listener} after a mapping changed (state, configuration, deletion: then its state is Deleting). */
    public AutoCloseable subscribe(Consumer<Mapping> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public List<Mapping> list() { return store.list(); }

    public Optional<Mapping> get(String uuid) { return store.read(uuid); }

    // ---- the API ----

    public synchronized Mapping create(JsonNode request) {
        if (!request.isObject()) throw MappingRules.validation("The request body must be a JSON object.");
        MappingRules.knownMembers(request, MappingRules.CREATE_MEMBERS, "CreateEventSourceMapping");
        String sourceArn = request.path("EventSourceArn").asText(null);
        String function = request.path("FunctionName").asText(null);
        if (function == null || function.isEmpty()) {
            throw MappingRules.validation("1 validation error detected: Value null at 'functionName' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (sourceArn == null || sourceArn.isEmpty()) {
            throw MappingRules.invalid("EventSourceArn is required: the ARN of an SQS queue, a Kinesis stream or a "
                    + "DynamoDB stream.");
        }
        SourceKind kind = SourceKind.of(sourceArn);
        if (kind == null) {
            throw MappingRules.invalid("Unrecognized event source " + sourceArn + ": this console maps SQS queues "
                    + "(arn:aws:sqs:…), Kinesis streams (arn:aws:kinesis:…:stream/…) and DynamoDB streams "
                    + "(arn:aws:dynamodb:…:table/…/stream/…).");
        }
        String functionArn = functionArn(function);
        boolean fifo = checkSource(kind, sourceArn, functionArn);
        for (Mapping other : store.list()) {
            if (other.eventSourceArn().equals(sourceArn) && other.functionArn().equals(functionArn)) {
                throw new AwsServiceException(409, "ResourceConflictException", "An event source mapping with "
                        + sourceName(kind) + " arn (\" " + sourceArn + " \") and function (\" " + FunctionNames.parse(functionArn, null).name()
                        + " \") already exists. Please update or delete the existing mapping with UUID " + other.uuid());
            }
        }
        ObjectNode merged = MappingRules.defaults(kind);
        MappingRules.merge(merged, request, Set.of("FunctionName", "Enabled", "Tags", "MetricsConfig", "KMSKeyArn"));
        MappingRules.check(merged, request, kind, fifo);
        checkDestination(kind, merged);
        String uuid = UUID.randomUUID().toString();
        merged.put("UUID", uuid);
        merged.put("EventSourceMappingArn", "arn:aws:lambda:" + context.region() + ":" + context.accountId()
                + ":event-source-mapping:" + uuid);
        merged.put("FunctionArn", functionArn);
        merged.put("LastModified", now());
        merged.put("State", "Creating");
        merged.put("StateTransitionReason", kind.stream() ? "User action" : "USER_INITIATED");
        merged.put("Enabled", !request.has("Enabled") || request.get("Enabled").asBoolean(true));
        Mapping mapping = Json.MAPPER.convertValue(merged, Mapping.class);
        if (kind.stream()) {
            StreamInfo stream = streams.describe(sourceArn).orElseThrow();
            Map<String, String> start = StreamPoller.initialCheckpoints(mapping, streams, stream);
            store.writeCheckpoints(uuid, start);
        }
        store.write(mapping);
        changed(mapping);
        transitions.submit(() -> apply(uuid));
        return mapping;
    }

    public synchronized Mapping update(String uuid, JsonNode request) {
        Mapping current = store.read(uuid).orElseThrow(MappingService::notFound);
        if (!request.isObject()) throw MappingRules.validation("The request body must be a JSON object.");
        MappingRules.knownMembers(request, MappingRules.UPDATE_MEMBERS, "UpdateEventSourceMapping");
        if (Set.of("Creating", "Updating", "Deleting", "Enabling", "Disabling").contains(current.state())) {
            throw new AwsServiceException(400, "ResourceInUseException", "Cannot update the event source mapping "
                    + uuid + " because it is in use (state " + current.state() + "). Try again in a moment.");
        }
        SourceKind kind = current.kind();
        ObjectNode merged = Json.MAPPER.valueToTree(current);
        String functionArn = current.functionArn();
        if (request.hasNonNull("FunctionName")) functionArn = functionArn(request.get("FunctionName").asText());
        boolean fifo = kind == SourceKind.SQS && sqs.queue(current.eventSourceArn()).map(SqsAccess.QueueRef::fifo).orElse(false);
        MappingRules.merge(merged, request, Set.of("FunctionName", "Enabled", "MetricsConfig", "KMSKeyArn"));
        MappingRules.check(merged, request, kind, fifo);
        checkDestination(kind, merged);
        merged.put("FunctionArn", functionArn);
        merged.put("LastModified", now());
        boolean enable = request.has("Enabled") ? request.get("Enabled").asBoolean(true) : current.isEnabled();
        merged.put("Enabled", enable);
        String state;
        if (enable == current.isEnabled()) state = "Updating";
        else state = enable ? "Enabling" : "Disabling";
        merged.put("State", state);
        merged.put("StateTransitionReason", kind.stream() ? "User action" : "USER_INITIATED");
        Mapping mapping = Json.MAPPER.convertValue(merged, Mapping.class);
        store.write(mapping);
        changed(mapping);
        transitions.submit(() -> apply(uuid));
        return mapping;
    }

    public synchronized Mapping delete(String uuid) {
        Mapping current = store.read(uuid).orElseThrow(MappingService::notFound);
        if ("Deleting".equals(current.state())) return current;
        Mapping deleting = current.withState("Deleting", current.kind().stream() ? "User action" : "USER_INITIATED");
        store.write(deleting);
        changed(deleting);
        transitions.submit(() -> apply(uuid));
        return deleting;
    }

    /** The page of mappings for ListEventSourceMappings. */
    public List<Mapping> list(String sourceArn, String function) {
        FunctionNames ref = function == null ? null : FunctionNames.parse(function, null);
        List<Mapping> out = new ArrayList<>();
        for (Mapping m : store.list()) {
            if (sourceArn != null && !sourceArn.equals(m.eventSourceArn())) continue;
            if (ref != null) {
                FunctionNames mine = FunctionNames.parse(m.functionArn(), null);
                if (!mine.name().equals(ref.name())) continue;
                if (ref.qualifier() != null && !ref.qualifier().equals(mine.qualifier())) continue;
            }
            out.add(m);
        }
        return out;
    }

    /** The API's view of a mapping. */
    public static ObjectNode view(Mapping m) {
        ObjectNode o = Json.MAPPER.valueToTree(m);
        o.remove("Enabled");
        if (m.kind() == SourceKind.SQS) o.remove("LastProcessingResult");
        return o;
    }

    static AwsServiceException notFound() {
        return new AwsServiceException(404, "ResourceNotFoundException", "The resource you requested does not exist.");
    }

    // ---- state machine (on the transitions thread) ----

    private void apply(String uuid) {
        if (closed) return;
        Mapping m = store.read(uuid).orElse(null);
        Poller old;
        synchronized (pollers) {
            old = pollers.remove(uuid);
        }
        if (old != null) old.close();
        if (m == null) return;
        if ("Deleting".equals(m.state())) {
            synchronized (this) {
                store.delete(uuid);
            }
            return;
        }
        String next = m.isEnabled() ? "Enabled" : "Disabled";
        if (m.isEnabled()) {
            try {
                Poller p = poller(m);
                p.start();
                synchronized (pollers) {
                    pollers.put(uuid, p);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Mapping " + uuid + " cannot poll " + m.eventSourceArn() + ": " + e.getMessage());
                setResult(uuid, "PROBLEM: " + e.getMessage());
            }
        }
        synchronized (this) {
            Mapping now = store.read(uuid).orElse(null);
            if (now == null || !now.state().equals(m.state())) return;
            Mapping done = now.withState(next, null);
            store.write(done);
            changed(done);
        }
    }

    private Poller poller(Mapping m) {
        if (m.kind() == SourceKind.SQS) {
            SqsAccess.QueueRef queue = sqs.queue(m.eventSourceArn()).orElseThrow(() -> new IllegalStateException(
                    "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. "
                            + "SQS Error Message: The specified queue does not exist."));
            // Lambda shows no LastProcessingResult for queues: what SQS batches did is in the deliveries
            PollerStatus none = new PollerStatus() {
                @Override public void ok() { }

                @Override public void problem(String result) { }
            };
            return new SqsPoller(m, sqs, queue, invoker, deliveries, context.region(), none);
        }
        PollerStatus status = new PollerStatus() {
            @Override public void ok() { setResult(m.uuid(), "OK"); }

            @Override public void problem(String result) { setResult(m.uuid(), result); }
        };
        StreamInfo stream = streams.describe(m.eventSourceArn())
                .orElseThrow(() -> new IllegalStateException("Stream not found: " + m.eventSourceArn()));
        return new StreamPoller(m, streams, stream, invoker, deliveries, store, this::sendOnFailure, status,
                context.region(), () -> role(m.functionName()));
    }

    /** Records a stream mapping's LastProcessingResult; the file is read and written only when it changes. */
    private void setResult(String uuid, String result) {
        if (result.equals(lastResults.put(uuid, result))) return;
        synchronized (this) {
            Mapping m = store.read(uuid).orElse(null);
            if (m == null || result.equals(m.lastProcessingResult())) return;
            Mapping next = m.withLastProcessingResult(result);
            store.write(next);
            changed(next);
        }
    }

    private void changed(Mapping m) {
        for (Consumer<Mapping> l : listeners) {
            try {
                l.accept(m);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A mapping listener failed", e);
            }
        }
    }

    // ---- checks ----

    private String functionArn(String nameOrArn) {
        FunctionNames ref = FunctionNames.parse(nameOrArn, null);
        String arn = context.engine().settings().functionArn(ref.name());
        if (!context.workspace().exists(ref.name())) {
            throw new AwsServiceException(404, "ResourceNotFoundException", "Function not found: " + arn);
        }
        if (ref.qualifier() != null) {
            try {
                context.engine().resolve(ref.name(), ref.qualifier()); // a version or alias that exists
            } catch (RuntimeException e) {
                throw new AwsServiceException(404, "ResourceNotFoundException", "Function not found: " + arn + ":"
                        + ref.qualifier());
            }
        }
        return ref.qualifier() == null ? arn : arn + ":" + ref.qualifier();
    }

    private String role(String function) {
        try {
            FunctionConfig c = context.workspace().read(function);
            if (c.role() != null) return c.role();
        } catch (RuntimeException ignored) {
            // a deleted function: the default role
        }
        return "arn:aws:iam::" + context.accountId() + ":role/lambda-role";
    }

    /** Checks the source exists (and SQS's visibility timeout rule); returns whether it is a FIFO queue. */
    private boolean checkSource(SourceKind kind, String arn, String functionArn) {
        if (kind == SourceKind.SQS) {
            SqsAccess.QueueRef q = sqs.queue(arn).orElseThrow(() -> MappingRules.invalid(
                    "Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. "
                            + "SQS Error Message: The specified queue does not exist."));
            int timeout = context.workspace().read(FunctionNames.parse(functionArn, null).name()).timeoutOrDefault();
            if (q.visibilityTimeoutSeconds() < timeout) {
                throw MappingRules.invalid("Queue visibility timeout: " + q.visibilityTimeoutSeconds()
                        + " seconds is less than Function timeout: " + timeout + " seconds");
            }
            return q.fifo();
        }
        streams.describe(arn).orElseThrow(() -> MappingRules.invalid("Stream not found: " + arn));
        return false;
    }

    private void checkDestination(SourceKind kind, ObjectNode merged) {
        JsonNode dc = merged.get("DestinationConfig");
        if (dc == null || dc.isNull()) return;
        JsonNode success = dc.path("OnSuccess").path("Destination");
        if (success.isTextual() && !success.asText().isEmpty()) {
            throw MappingRules.invalid("Unsupported DestinationConfig.OnSuccess for this event source: streams and "
                    + "queues take an OnFailure destination only.");
        }
        String d = dc.path("OnFailure").path("Destination").asText("");
        if (d.isEmpty()) return;
        if (d.startsWith("arn:aws:sqs:")) {
            if (sqs.queue(d).isEmpty()) throw MappingRules.invalid("The destination queue does not exist: " + d);
        } else if (d.startsWith("arn:aws:lambda:")) {
            FunctionNames target = FunctionNames.parse(d, null);
            if (!context.workspace().exists(target.name())
                    || (target.qualifier() != null && !target.qualifier().equals("$LATEST"))) {
                throw MappingRules.invalid("The destination function does not exist in the workspace: " + d);
            }
        } else if (d.startsWith("arn:aws:sns:")) {
            var sns = topics.get();
            if (sns == null || !sns.topicArns().contains(d)) {
                throw MappingRules.invalid("The destination topic does not exist: " + d);
            }
        } else {
            throw MappingRules.invalid("Unsupported on-failure destination " + d + ": use an SQS queue, an SNS "
                    + "topic or a function ARN of the workspace.");
        }
    }

    private void sendOnFailure(String destination, ObjectNode record) {
        if (destination.startsWith("arn:aws:sqs:")) {
            SqsAccess.QueueRef q = sqs.queue(destination)
                    .orElseThrow(() -> new IllegalStateException("the queue " + destination + " does not exist"));
            ObjectNode req = Json.object();
            req.put("QueueUrl", q.url());
            req.put("MessageBody", Json.write(record));
            if (q.fifo()) {
                req.put("MessageGroupId", "event-source-mapping");
                req.put("MessageDeduplicationId", UUID.randomUUID().toString());
            }
            sqs.call("SendMessage", req);
        } else if (destination.startsWith("arn:aws:sns:")) {
            var sns = topics.get();
            if (sns == null) throw new IllegalStateException("the local SNS is not running");
            sns.publish(destination, Json.write(record));
        } else {
            FunctionNames ref = FunctionNames.parse(destination, null);
            context.engine().invokeEvent(new InvocationRequest(ref.name(), ref.qualifier(),
                    Json.bytes(record), null, null, null, "Event"));
        }
    }

    private static String sourceName(SourceKind kind) {
        return switch (kind) {
            case SQS -> "SQS";
            case KINESIS -> "Kinesis";
            case DYNAMODB -> "DynamoDB";
        };
    }

    private static double now() { return System.currentTimeMillis() / 1000.0; }

    @Override
    public void close() {
        closed = true;
        transitions.shutdown();
        try {
            transitions.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Poller> all;
        synchronized (pollers) {
            all = new ArrayList<>(pollers.values());
            pollers.clear();
        }
        all.parallelStream().forEach(Poller::close);
    }
}
