package dev.lambdaconsole.runtime.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.util.Durations;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.EventInvokeConfig;
import dev.lambdaconsole.runtime.workspace.FunctionNotFoundException;
import dev.lambdaconsole.runtime.workspace.Workspace;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Asynchronous (Event) invocations: an internal queue, retries of function errors (0–2, with the
 * configured delays), retries of throttles with backoff until the maximum event age, and an invocation
 * record per outcome, kept for the console and sent to a Lambda destination in the workspace.
 */
public final class AsyncInvoker implements AutoCloseable {
    /** One outcome of an asynchronous invocation, as the console's inbox shows it. */
    public record AsyncRecord(String functionName, String requestId, String condition, int attempts, String json) { }

    /**
     * Sends invocation records to destinations of a kind the engine does not hold itself (SQS queues, SNS topics,
     * event buses), registered by the service that simulates them.
     */
    @FunctionalInterface
    public interface DestinationSender {
        /**
         * Sends {@code recordJson} to {@code destinationArn} if it is of this sender's kind; returns whether it
         * was; throws when it is but cannot be sent (a missing queue).
         */
        boolean send(String destinationArn, boolean success, String recordJson);
    }

    private final LambdaEngine engine;
    private final ScheduledExecutorService timers;
    private final Workspace workspace;
    private final LogStore logs;
    private final EngineSettings settings;
    private final AtomicInteger pending = new AtomicInteger();
    private final List<Consumer<AsyncRecord>> listeners = new CopyOnWriteArrayList<>();
    private final List<DestinationSender> senders = new CopyOnWriteArrayList<>();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AsyncInvoker.class.getName());
    private volatile boolean closed;

    AsyncInvoker(LambdaEngine engine, ScheduledExecutorService timers, Workspace workspace, LogStore logs,
                 EngineSettings settings) {
        this.engine = engine;
        this.timers = timers;
        this.workspace = workspace;
        this.logs = logs;
        this.settings = settings;
    }

    public void addListener(Consumer<AsyncRecord> listener) { listeners.add(listener); }

    /** Adds a sender for destinations that are not functions; returns its removal. */
    public AutoCloseable addDestinationSender(DestinationSender sender) {
        senders.add(sender);
        return () -> senders.remove(sender);
    }

    /** Events queued or waiting for a retry. */
    public int pending() { return pending.get(); }

    private final class Event {
        final InvocationRequest request;
        final String requestId;
        final long receivedMs = System.currentTimeMillis();
        int attempts;
        int throttles;

        Event(InvocationRequest request, String requestId) {
            this.request = request;
            this.requestId = requestId;
        }
    }

    void submit(InvocationRequest request, String requestId) {
        pending.incrementAndGet();
        Event event = new Event(request, requestId);
        engine.tell(l -> l.asyncReceived(request.functionName(), request.qualifier(), event.receivedMs));
        timers.execute(() -> attempt(event));
    }

    private void attempt(Event event) {
        if (closed) return;
        EventInvokeConfig config;
        try {
            config = workspace.eventInvokeConfig(event.request.functionName());
        } catch (FunctionNotFoundException e) {
            pending.decrementAndGet();
            return;
        }
        long ageSeconds = (System.currentTimeMillis() - event.receivedMs) / 1000;
        if (ageSeconds > config.maxAgeOrDefault()) {
            done(event, "EventAgeExceeded", null, config);
            return;
        }
        long now = System.currentTimeMillis();
        engine.tell(l -> l.asyncAttempted(event.request.functionName(), event.request.qualifier(), now,
                now - event.receivedMs));
        try {
            event.attempts++;
            engine.run(event.request, event.requestId).whenComplete((result, error) -> {
                if (error != null && ExecutionEnvironment.unwrap(error) instanceof TooManyRequestsException) {
                    throttled(event); // after a wait for the runtime image: throttled as when it is thrown here
                } else if (error != null) {
                    retryLater(event, Duration.ofSeconds(1));
                } else if (!result.status().failed()) {
                    done(event, "Success", result, config);
                } else if (event.attempts <= config.retriesOrDefault()) {
                    List<Duration> delays = settings.asyncRetryDelays();
                    Duration delay = delays.isEmpty() ? Duration.ZERO
                            : delays.get(Math.min(event.attempts - 1, delays.size() - 1));
                    retryLater(event, delay);
                } else {
                    done(event, "RetriesExhausted", result, config);
                }
            });
        } catch (TooManyRequestsException e) {
            throttled(event);
        } catch (FunctionNotFoundException e) {
            pending.decrementAndGet();
        }
    }

    /** A throttle is not an attempt: tried again after a backoff. */
    private void throttled(Event event) {
        event.attempts--;
        event.throttles++;
        retryLater(event, Duration.ofMillis(Math.min(60_000, 250L << Math.min(event.throttles, 8))));
    }

    private void retryLater(Event event, Duration delay) {
        if (closed) return;
        timers.schedule(() -> attempt(event), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void done(Event event, String condition, InvocationResult result, EventInvokeConfig config) {
        pending.decrementAndGet();
        String name = event.request.functionName();
        ObjectNode record = Json.object();
        record.put("version", "1.0");
        record.put("timestamp", Durations.logTime(System.currentTimeMillis()));
        ObjectNode context = record.putObject("requestContext");
        context.put("requestId", event.requestId);
        String qualifier = event.request.qualifier();
        context.put("functionArn", settings.functionArn(name) + ":"
                + (qualifier == null || qualifier.isEmpty() ? "$LATEST" : qualifier));
        context.put("condition", condition);
        context.put("approximateInvokeCount", event.attempts);
        record.set("requestPayload", parse(event.request.payload()));
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", result == null ? "$LATEST" : result.executedVersion());
        if (result != null && result.functionError() != null) response.put("functionError", result.functionError());
        if (result != null) record.set("responsePayload", parse(result.payload()));
        String json = Json.write(record);
        long now = System.currentTimeMillis();
        if (!condition.equals("Success")) {
            engine.tell(l -> l.asyncDropped(name, event.request.qualifier(), now, condition));
        }
        logs.recordAsync(name, condition, json);
        AsyncRecord asyncRecord = new AsyncRecord(name, event.requestId, condition, event.attempts, json);
        listeners.forEach(l -> l.accept(asyncRecord));
        if (!deliver(config, condition.equals("Success"), json)) {
            String arn = destination(config, condition.equals("Success"));
            engine.tell(l -> l.destinationDeliveryFailed(name, event.request.qualifier(), now, arn));
        }
    }

    private static String destination(EventInvokeConfig config, boolean success) {
        if (config.destinationConfig() == null) return null;
        EventInvokeConfig.Destination d = success ? config.destinationConfig().onSuccess()
                : config.destinationConfig().onFailure();
        return d == null ? null : d.destination();
    }

    /**
     * Sends the record to the OnSuccess/OnFailure destination: a function of this workspace, or whatever a
     * registered {@link DestinationSender} takes (the local SQS, SNS, EventBridge). A destination that cannot be
     * reached drops the record with a warning, as Lambda drops it after its own retries. Returns false when there
     * was a destination and the record did not reach it.
     */
    private boolean deliver(EventInvokeConfig config, boolean success, String json) {
        String arn = destination(config, success);
        if (arn == null) return true;
        if (arn.contains(":lambda:") && arn.contains(":function:")) {
            String[] target = arn.substring(arn.indexOf(":function:") + 10).split(":");
            try {
                engine.invokeEvent(new InvocationRequest(target[0], target.length > 1 ? target[1] : null,
                        json.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null, null));
                return true;
            } catch (RuntimeException e) {
                LOG.warning("Destination " + arn + " could not be invoked; the record is dropped: " + e.getMessage());
                return false;
            }
        }
        for (DestinationSender sender : senders) {
            try {
                if (sender.send(arn, success, json)) return true;
            } catch (RuntimeException e) {
                LOG.warning("Destination " + arn + " could not take the record; it is dropped: " + e.getMessage());
                return false;
            }
        }
        LOG.warning("Destination " + arn + " is not simulated locally (functions, SQS queues, SNS topics and event"
                + " buses are); the record is dropped");
        return false;
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            return Json.MAPPER.getNodeFactory().textNode(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() { closed = true; }
}
