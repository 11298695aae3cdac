package dev.lambdaconsole.runtime.runtimeapi;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The Runtime API state of one execution environment: init, then one invocation at a time.
 * The engine dispatches events; the runtime takes them with {@code /next} and answers with
 * {@code /response} or {@code /error}. All transitions happen under this object's lock; futures
 * complete outside it.
 */
public final class RuntimeApiChannel {
    /** Largest buffered response: 6 MiB + 100 bytes. */
    public static final int MAX_RESPONSE = 6 * 1024 * 1024 + 100;
    /** Largest streamed response: 200 MiB. */
    public static final int MAX_STREAMED_RESPONSE = 200 * 1024 * 1024;

    private enum Phase { INIT, IDLE, RUNNING, ANSWERED, FAILED, CLOSED }

    private final String address;
    private final String functionName;
    private final Runnable closer;
    private final CompletableFuture<Long> ready = new CompletableFuture<>();
    private Phase phase = Phase.INIT;
    private Response parkedResponse;
    private Callback parkedCallback;
    private InvocationEvent current;
    private CompletableFuture<RuntimeOutcome> currentResult;
    private CompletableFuture<Long> idleAgain = CompletableFuture.completedFuture(null);
    /** The previous event's idleAgain when the next event came before the runtime's /next (phase ANSWERED). */
    private CompletableFuture<Long> carriedIdle;
    private boolean delivered;

    RuntimeApiChannel(String address, String functionName, Runnable closer) {
        this.address = address;
        this.functionName = functionName;
        this.closer = closer;
    }

    /** The value for AWS_LAMBDA_RUNTIME_API: a bare host:port. */
    public String address() { return address; }

    String functionName() { return functionName; }

    /** Completes with the time (System.nanoTime) of the runtime's first {@code /next}, or fails with an init error. */
    public CompletableFuture<Long> ready() { return ready; }

    /**
     * For the event dispatched last: completes with the time (System.nanoTime) the runtime asked for its next event
     * after answering it (what it did in between is the invocation's overhead), or with null when the environment
     * closed first.
     */
    public synchronized CompletableFuture<Long> idleAgain() { return idleAgain; }

    /**
     * Hands an event to the runtime: at once if it is waiting in {@code /next}, else at its next {@code /next}
     * (also during init). The future completes when the runtime answers.
     */
    public CompletableFuture<RuntimeOutcome> dispatch(InvocationEvent event) {
        Response response;
        Callback callback;
        CompletableFuture<RuntimeOutcome> result = new CompletableFuture<>();
        synchronized (this) {
            if (phase == Phase.FAILED || phase == Phase.CLOSED || (phase == Phase.RUNNING && current != null)) {
                throw new IllegalStateException("Environment cannot take an invocation in phase " + phase);
            }
            if (phase == Phase.ANSWERED) carriedIdle = idleAgain;
            current = event;
            currentResult = result;
            idleAgain = new CompletableFuture<>();
            delivered = false;
            if (phase != Phase.INIT) {
                phase = Phase.RUNNING;
            }
            if (parkedResponse == null) {
                return result;
            }
            response = parkedResponse;
            callback = parkedCallback;
            parkedResponse = null;
            parkedCallback = null;
            delivered = true;
        }
        deliver(event, response, callback);
        return result;
    }

    void next(Response response, Callback callback) {
        boolean initDone = false;
        CompletableFuture<RuntimeOutcome> unanswered = null;
        String unansweredId = null;
        InvocationEvent toDeliver = null;
        CompletableFuture<Long> idle = null;
        CompletableFuture<Long> carried;
        synchronized (this) {
            carried = carriedIdle;
            carriedIdle = null;
            switch (phase) {
                case INIT -> {
                    initDone = true;
                    phase = current == null ? Phase.IDLE : Phase.RUNNING;
                }
                case ANSWERED -> {
                    phase = Phase.IDLE;
                    current = null;
                    idle = idleAgain;
                }
                case RUNNING -> {
                    if (delivered) { // the runtime asked for more without answering
                        unanswered = currentResult;
                        unansweredId = current.requestId();
                        idle = idleAgain;
                        phase = Phase.IDLE;
                        current = null;
                    }
                }
                case FAILED, CLOSED -> {
                    Replies.error(response, callback, 403, "InvalidStateTransition",
                            "State transition from " + phase + " to READY failed for runtime.");
                    return;
                }
                case IDLE -> { }
            }
            if (parkedResponse != null) {
                Replies.error(response, callback, 403, "InvalidStateTransition",
                        "A request for the next event is already waiting.");
                return;
            }
            if (phase == Phase.RUNNING && !delivered) {
                delivered = true;
                toDeliver = current;
            } else {
                parkedResponse = response;
                parkedCallback = callback;
            }
        }
        if (initDone) {
            ready.complete(System.nanoTime());
        }
        long now = System.nanoTime();
        if (carried != null) carried.complete(now);
        if (idle != null) idle.complete(now);
        if (unanswered != null) {
            unanswered.complete(new RuntimeOutcome.FunctionError(errorJson("Runtime.NoResponse",
                    "The runtime asked for the next event without answering request " + unansweredId),
                    "Runtime.NoResponse"));
        }
        if (toDeliver != null) {
            deliver(toDeliver, response, callback);
        }
    }

    /**
     * Takes the runtime's answer for {@code requestId}. {@code reply} gets the HTTP status for the runtime
     * first — 202 when it was the invocation in flight, 400 when the id is not current or was answered
     * already, 403 in the wrong phase — and only then does the invocation's future complete, so that the
     * runtime moves on to its next {@code /next} while the engine does the invocation's bookkeeping.
     */
    int answer(String requestId, RuntimeOutcome outcome, java.util.function.IntConsumer reply) {
        CompletableFuture<RuntimeOutcome> result = null;
        int status;
        synchronized (this) {
            if (phase == Phase.INIT || phase == Phase.FAILED || phase == Phase.CLOSED) {
                status = 403;
            } else if (current == null || !current.requestId().equals(requestId) || phase != Phase.RUNNING || !delivered) {
                status = 400;
            } else {
                phase = Phase.ANSWERED;
                result = currentResult;
                status = 202;
            }
        }
        reply.accept(status);
        if (result != null) result.complete(outcome);
        return status;
    }

    String phaseName() { return phase.name(); }

    /** Whether {@code requestId} is the invocation the runtime holds now (for size-limit replies). */
    synchronized boolean isCurrent(String requestId) {
        return current != null && current.requestId().equals(requestId) && phase == Phase.RUNNING;
    }

    void initError(byte[] body, String errorType, Response response, Callback callback) {
        CompletableFuture<RuntimeOutcome> pending;
        synchronized (this) {
            if (phase != Phase.INIT) {
                Replies.error(response, callback, 403, "InvalidStateTransition",
                        "State transition from " + phase + " to INIT_ERROR failed for runtime.");
                return;
            }
            phase = Phase.FAILED;
            pending = currentResult;
        }
        Replies.accepted(response, callback);
        InitErrorException error = new InitErrorException(body, errorType);
        ready.completeExceptionally(error);
        if (pending != null) {
            pending.completeExceptionally(error);
        }
    }

    /** Stops the endpoint; a waiting {@code /next} is answered 500 so the runtime exits. */
    public void close() {
        Response response;
        Callback callback;
        CompletableFuture<RuntimeOutcome> pending;
        CompletableFuture<Long> idle;
        synchronized (this) {
            if (phase == Phase.CLOSED) return;
            phase = Phase.CLOSED;
            response = parkedResponse;
            callback = parkedCallback;
            parkedResponse = null;
            pending = currentResult;
            idle = idleAgain;
            if (carriedIdle != null) carriedIdle.complete(null);
            carriedIdle = null;
        }
        idle.complete(null);
        if (response != null) {
            Replies.error(response, callback, 500, "InternalServerError", "The execution environment is shutting down.");
        }
        IllegalStateException closed = new IllegalStateException("Execution environment closed");
        ready.completeExceptionally(closed);
        if (pending != null) {
            pending.completeExceptionally(closed);
        }
        closer.run();
    }

    private static void deliver(InvocationEvent e, Response response, Callback callback) {
        response.setStatus(200);
        HttpFields.Mutable h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, e.contentType() == null ? "application/json" : e.contentType());
        h.put("Lambda-Runtime-Aws-Request-Id", e.requestId());
        h.put("Lambda-Runtime-Deadline-Ms", Long.toString(e.deadlineMs()));
        h.put("Lambda-Runtime-Invoked-Function-Arn", e.invokedFunctionArn());
        h.put("Lambda-Runtime-Trace-Id", e.traceId());
        if (e.clientContext() != null) h.put("Lambda-Runtime-Client-Context", e.clientContext());
        if (e.cognitoIdentity() != null) h.put("Lambda-Runtime-Cognito-Identity", e.cognitoIdentity());
        if (e.tenantId() != null) h.put("Lambda-Runtime-Aws-Tenant-Id", e.tenantId());
        response.write(true, ByteBuffer.wrap(e.payload()), callback);
    }

    static byte[] errorJson(String errorType, String message) {
        return ("{\"errorMessage\":\"" + Replies.escape(message) + "\",\"errorType\":\"" + errorType + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
