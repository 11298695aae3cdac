package dev.lambdaconsole.simulators.push;

import dev.lambdaconsole.runtime.invoke.AsyncInvoker;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.runtime.services.lambda.FunctionNames;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every push delivery: asynchronous ones are invoked through the engine's asynchronous queue and completed when
 * its record arrives (success, retries exhausted, event too old); synchronous ones (HTTP sources) are recorded by
 * their source. The newest {@value #KEPT} are in memory for the console, each state change is appended (in order,
 * on a thread of its own, so that no request waits for the disk) as a JSON line to
 * {@code <state>/push/deliveries.jsonl} (rotated to {@code .1} past 10 MB).
 */
public final class PushDeliveries implements AutoCloseable {
    public static final String FILE = "push/deliveries.jsonl";
    static final int KEPT = 5000;
    private static final long ROTATE_AT = 10L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(PushDeliveries.class.getName());

    private final LambdaEngine engine;
    private final Path file;
    /** Newest last, keyed by request id (or a generated key for failed ones). */
    private final LinkedHashMap<String, PushDelivery> recent = new LinkedHashMap<>();
    /** Asynchronous outcomes that arrived before their delivery was recorded (a very fast function). */
    private final Map<String, AsyncInvoker.AsyncRecord> early = new ConcurrentHashMap<>();
    private final List<Consumer<PushDelivery>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** Appends to the history file in order, off the caller's thread (an HTTP request, the log writer). */
    private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "push-deliveries");
        t.setDaemon(true);
        return t;
    });

    public PushDeliveries(LambdaEngine engine, Path stateDir) {
        this.engine = engine;
        this.file = stateDir.resolve(FILE);
        engine.async().addListener(this::completed);
    }

    /**
     * Invokes {@code function} (a name, {@code name:qualifier} or a function ARN, qualified or not) asynchronously
     * with {@code event} on behalf of {@code source}, as the service
     * does in AWS, and records it. A function that cannot be invoked (missing, event too large) is recorded as
     * ERROR and not thrown: a push source never fails its caller for it.
     *
     * @return the delivery as recorded (its request id when queued)
     */
    public PushDelivery invokeAsync(String source, String sourceArn, String function, byte[] event) {
        String text = new String(event, StandardCharsets.UTF_8);
        String requestId;
        String functionName = function;
        try {
            // a name, name:qualifier or a (qualified) ARN: a version or alias target invokes that qualifier
            FunctionNames target = FunctionNames.parse(function, null);
            functionName = target.name();
            requestId = engine.invokeEvent(new InvocationRequest(target.name(), target.qualifier(), event, null, null, null));
        } catch (RuntimeException e) {
            PushDelivery failed = new PushDelivery(System.currentTimeMillis(), source, sourceArn, functionName, null,
                    "Event", PushDelivery.ERROR, 0, null, null, describe(e), text);
            record("error-" + System.nanoTime(), failed);
            return failed;
        }
        PushDelivery queued = new PushDelivery(System.currentTimeMillis(), source, sourceArn, functionName, requestId,
                "Event", PushDelivery.QUEUED, 0, null, null, null, text);
        record(requestId, queued);
        AsyncInvoker.AsyncRecord done = early.remove(requestId);
        if (done != null) completed(done);
        return queued;
    }

    /**
     * Records an asynchronous invocation a source of the engine made itself (log subscriptions): queued under
     * {@code requestId}, or ERROR when it could not be invoked ({@code requestId} null).
     */
    public void observe(String source, String sourceArn, String functionName, String requestId, String event) {
        if (requestId == null) {
            record("error-" + System.nanoTime(), new PushDelivery(System.currentTimeMillis(), source, sourceArn,
                    functionName, null, "Event", PushDelivery.ERROR, 0, null, null, "not invoked", event));
            return;
        }
        record(requestId, new PushDelivery(System.currentTimeMillis(), source, sourceArn, functionName, requestId,
                "Event", PushDelivery.QUEUED, 0, null, null, null, event));
        AsyncInvoker.AsyncRecord done = early.remove(requestId);
        if (done != null) completed(done);
    }

    /** Records a delivery its source made itself (synchronous HTTP sources). */
    public void record(PushDelivery delivery) {
        String key = delivery.requestId() != null ? delivery.requestId() : "sync-" + System.nanoTime();
        record(key, delivery);
    }

    private void completed(AsyncInvoker.AsyncRecord outcome) {
        if (closed) return;
        PushDelivery before;
        synchronized (recent) {
            before = recent.get(outcome.requestId());
        }
        if (before == null) {
            // Not (yet) ours: another caller's asynchronous invocation, or ours before invokeAsync recorded it.
            // Kept briefly; the map is bounded by dropping the oldest when it grows.
            if (early.size() > 1000) early.clear();
            early.put(outcome.requestId(), outcome);
            return;
        }
        String status = switch (outcome.condition()) {
            case "Success" -> PushDelivery.SUCCESS;
            case "EventAgeExceeded" -> PushDelivery.EVENT_AGE_EXCEEDED;
            default -> PushDelivery.RETRIES_EXHAUSTED;
        };
        record(outcome.requestId(), before.completed(status, outcome.attempts()));
    }

    private void record(String key, PushDelivery d) {
        synchronized (recent) {
            recent.remove(key);
            recent.put(key, d);
            while (recent.size() > KEPT) recent.remove(recent.keySet().iterator().next());
            if (!closed) writer.execute(() -> append(d));
        }
        for (Consumer<PushDelivery> l : listeners) {
            try {
                l.accept(d);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A push delivery listener failed", e);
            }
        }
    }

    private void append(PushDelivery d) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) > ROTATE_AT) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.write(file, (Json.write(d) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot record a push delivery in " + file + ": " + e.getMessage());
        }
    }

    /** The newest deliveries that {@code filter} accepts, oldest first, each in its latest state. */
    public List<PushDelivery> recent(Predicate<PushDelivery> filter) {
        synchronized (recent) {
            List<PushDelivery> out = new ArrayList<>();
            for (PushDelivery d : recent.values()) if (filter.test(d)) out.add(d);
            return out;
        }
    }

    /** The newest deliveries of one source ARN, oldest first. */
    public List<PushDelivery> recent(String sourceArn) {
        return recent(d -> sourceArn.equals(d.sourceArn()));
    }

    /** Calls {@code listener} after each recorded state of a delivery; it must not block. */
    public AutoCloseable subscribe(Consumer<PushDelivery> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private static String describe(RuntimeException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    @Override
    public void close() {
        closed = true;
        listeners.clear();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warning("Push deliveries still being written to " + file + " after 5 s; the rest is dropped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
