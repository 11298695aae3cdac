package dev.lambdaconsole.runtime.invoke;

import dev.lambdaconsole.runtime.backend.BackendException;
import dev.lambdaconsole.runtime.backend.EnvironmentSpec;
import dev.lambdaconsole.runtime.backend.RuntimeInstance;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import dev.lambdaconsole.runtime.runtimeapi.InitErrorException;
import dev.lambdaconsole.runtime.runtimeapi.InvocationEvent;
import dev.lambdaconsole.runtime.runtimeapi.RuntimeApiChannel;
import dev.lambdaconsole.runtime.runtimeapi.RuntimeOutcome;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One execution environment: a runtime (process or container) with its own Runtime API endpoint and log
 * stream, initialised once and then running one invocation at a time. A timeout or a crash kills it; the
 * pool then starts a fresh one (whose first REPORT carries Init Duration again). What an invocation reports is
 * made by {@link InvocationReport} and stored by the {@link InvocationRecorder}.
 */
public final class ExecutionEnvironment {
    private final String id = UUID.randomUUID().toString().replace("-", "");
    private final FunctionSnapshot function;
    private final EngineServices services;
    private final boolean provisioned;
    private final String logStream;
    private final BiConsumer<ExecutionEnvironment, Boolean> onIdle;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final List<String> initOutput = new ArrayList<>();
    private RuntimeApiChannel channel;
    private RuntimeInstance instance;
    private volatile boolean dead;
    private volatile long lastUsedNanos = System.nanoTime();
    private volatile long invocations;
    private Double pendingInitMs;
    /** The platform's part of the cold start, for the first invocation's record: image wait, runtime start. */
    private Double pendingImageWaitMs;
    private Double pendingRuntimeStartMs;
    private int launches;
    private volatile long startNanos;
    private Invocation inFlight;

    ExecutionEnvironment(FunctionSnapshot function, EngineServices services, boolean provisioned,
                         BiConsumer<ExecutionEnvironment, Boolean> onIdle) {
        this.function = function;
        this.services = services;
        this.provisioned = provisioned;
        this.onIdle = onIdle;
        this.logStream = LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/') + "/[" + function.version() + "]" + id;
    }

    public String id() { return id; }
    public String logStream() { return logStream; }
    public boolean provisioned() { return provisioned; }
    public boolean dead() { return dead; }
    public long invocations() { return invocations; }
    long lastUsedNanos() { return lastUsedNanos; }
    FunctionSnapshot function() { return function; }
    CompletableFuture<Void> ready() { return ready; }

    /**
     * Starts the runtime; the future completes when it has initialised (its first /next). Blocks while the
     * backend still prepares what the runtime needs (its image): call from a worker thread. The init clock
     * (Init Duration, the init cap) starts after that wait, when the runtime itself starts.
     */
    CompletableFuture<Void> start() {
        try {
            CompletableFuture<Void> image = services.backend().prepare(function.config());
            if (!image.isDone()) {
                long waitStart = System.nanoTime();
                image.join();
                pendingImageWaitMs = (System.nanoTime() - waitStart) / 1e6;
            }
        } catch (CompletionException e) {
            dead = true;
            ready.completeExceptionally(unwrap(e));
            return ready;
        }
        synchronized (this) {
            startNanos = System.nanoTime();
            try {
                launch(services.settings().initTimeout());
            } catch (BackendException e) {
                dead = true;
                ready.completeExceptionally(e);
            }
        }
        return ready;
    }

    private synchronized void launch(Duration initCap) throws BackendException {
        if (dead) {
            throw new BackendException("Runtime.Unavailable", "The execution environment was stopped during init.");
        }
        FunctionConfig config = function.config();
        channel = services.runtimeApi().open(services.backend().runtimeApiBindHost(),
                services.backend().runtimeApiAdvertisedHost(), config.functionName());
        LambdaRuntime runtime = LambdaRuntime.byId(config.runtime()).orElse(null);
        Path work = services.environmentsDir().resolve(launches++ == 0 ? id : id + "-" + launches);
        EnvironmentSpec spec = new EnvironmentSpec(id, config, runtime, function.codeDir(), function.layerDirs(),
                variables(config, runtime), work);
        try {
            long runtimeStart = System.nanoTime();
            instance = services.backend().start(spec);
            double startMs = (System.nanoTime() - runtimeStart) / 1e6;
            pendingRuntimeStartMs = pendingRuntimeStartMs == null ? startMs : pendingRuntimeStartMs + startMs;
        } catch (BackendException | RuntimeException e) {
            channel.close();
            throw e instanceof BackendException b ? b
                    : new BackendException("Runtime.Unavailable", "Cannot start the runtime: " + e.getMessage(), e);
        }
        RuntimeApiChannel myChannel = channel;
        RuntimeInstance myInstance = instance;
        myInstance.exited().thenAccept(code -> onExit(myInstance, code));
        myChannel.ready().whenComplete((readyNanos, error) -> {
            if (error == null) {
                // Provisioned environments initialise ahead of any invocation: no Init Duration in a REPORT.
                List<String> early = myInstance.drainOutput(false);
                synchronized (ExecutionEnvironment.this) { // one lock for the init output and what follows init
                    pendingInitMs = provisioned ? null : (readyNanos - startNanos) / 1e6;
                    initOutput.addAll(early);
                }
                myInstance.initialised();
                ready.complete(null);
            } else if (error instanceof InitErrorException) {
                ready.completeExceptionally(error);
            }
        });
        services.timers().schedule(() -> {
            if (!ready.isDone() && myInstance == instance) {
                initTimedOut(myInstance);
            }
        }, initCap.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The 10 s init cap passed: init is tried once more, under the function's timeout. */
    private synchronized void initTimedOut(RuntimeInstance slow) {
        if (ready.isDone() || slow != instance) return;
        Duration second = Duration.ofSeconds(function.config().timeoutOrDefault());
        RuntimeApiChannel old = channel;
        initOutput.addAll(slow.drainOutput(true));
        initOutput.add("INIT_REPORT Init Duration: " + ExecutionEnvironment.twoDecimals(new StringBuilder(),
                (System.nanoTime() - startNanos) / 1e6) + " ms\tPhase: init\tStatus: timeout");
        instance = null;
        services.workers().execute(() -> { old.close(); slow.kill(); });
        if (launches > 1) {
            dead = true;
            ready.completeExceptionally(new InitTimeoutException(second));
            return;
        }
        try {
            launch(second);
        } catch (BackendException e) {
            dead = true;
            ready.completeExceptionally(e);
        }
    }

    private Map<String, String> variables(FunctionConfig config, LambdaRuntime runtime) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("AWS_LAMBDA_RUNTIME_API", channel.address());
        v.put("_HANDLER", config.handler() == null ? "" : config.handler());
        v.put("AWS_REGION", services.settings().region());
        v.put("AWS_DEFAULT_REGION", services.settings().region());
        if (runtime != null) runtime.executionEnv().ifPresent(e -> v.put("AWS_EXECUTION_ENV", e));
        v.put("AWS_LAMBDA_FUNCTION_NAME", config.functionName());
        v.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryOrDefault()));
        v.put("AWS_LAMBDA_FUNCTION_VERSION", function.version());
        v.put("AWS_LAMBDA_INITIALIZATION_TYPE", provisioned ? "provisioned-concurrency" : "on-demand");
        v.put("AWS_LAMBDA_LOG_GROUP_NAME", LogStore.groupOf(config.functionName()));
        v.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
        credentials(v);
        String endpoint = services.functionEndpoint().get();
        if (services.settings().endpointInFunctions() && endpoint != null) v.put("AWS_ENDPOINT_URL", endpoint);
        v.putAll(config.variables()); // the function's own variables win, AWS_ENDPOINT_URL included
        return v;
    }

    /**
     * Lambda gives every environment its role's temporary credentials (AWS_ACCESS_KEY_ID and AWS_ACCESS_KEY,
     * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN). Here: the keys of the machine's environment when set (a session
     * token only when it has one: long-term keys have none), else placeholders the local endpoint accepts.
     */
    private static void credentials(Map<String, String> v) {
        String key = System.getenv("AWS_ACCESS_KEY_ID");
        String secret = System.getenv("AWS_SECRET_ACCESS_KEY");
        boolean own = key != null && !key.isBlank() && secret != null && !secret.isBlank();
        v.put("AWS_ACCESS_KEY_ID", own ? key : "local");
        v.put("AWS_ACCESS_KEY", own ? key : "local");
        v.put("AWS_SECRET_ACCESS_KEY", own ? secret : "local");
        String token = own ? System.getenv("AWS_SESSION_TOKEN") : "local";
        if (token != null) v.put("AWS_SESSION_TOKEN", token);
    }

    /**
     * A warm invocation runs with the CPU share for invocations: the backend applies it after init, without
     * blocking the cold invocation, and a quick second invocation waits the few milliseconds that may take.
     */
    private static void awaitInvocationLimits(RuntimeInstance rt) {
        CompletableFuture<Void> limits = rt.invocationLimits();
        if (limits.isDone()) return;
        try {
            limits.get(2, TimeUnit.SECONDS);
        } catch (Exception notApplied) {
            // the container ended or the engine did not answer: the invocation finds out itself
        }
    }

    /** Runs one invocation; the environment must be ready and idle. */
    CompletableFuture<InvocationResult> invoke(InvocationRequest request, String requestId) {
        return invoke(request, requestId, null);
    }

    /**
     * Runs one invocation that waited {@code imageWaitMs} (null: not at all) for its runtime image before it took
     * this environment.
     */
    synchronized CompletableFuture<InvocationResult> invoke(InvocationRequest request, String requestId,
                                                            Double imageWaitMs) {
        if (pendingInitMs == null && instance != null) awaitInvocationLimits(instance);
        Invocation inv = new Invocation(request, requestId, pendingInitMs);
        takeColdStartTimeline(inv, imageWaitMs);
        pendingInitMs = null;
        inFlight = inv;
        invocations++;
        if (dead) {
            finishCrash(inv, null);
            return inv.result;
        }
        int timeoutMs = function.config().timeoutOrDefault() * 1000;
        inv.startNanos = System.nanoTime();
        inv.startEpochMs = System.currentTimeMillis();
        inv.traceId = Traces.traceId(request.traceHeader());
        InvocationEvent event = new InvocationEvent(requestId, request.payload(), "application/json",
                inv.startEpochMs + timeoutMs, invokedArn(request), inv.traceId,
                request.clientContext(), request.cognitoIdentity(), null);
        inv.timer = services.timers().schedule(() -> finishTimeout(inv), timeoutMs, TimeUnit.MILLISECONDS);
        try {
            CompletableFuture<RuntimeOutcome> answer = channel.dispatch(event);
            inv.idleAgain = channel.idleAgain();
            answer.whenComplete((outcome, error) -> {
                if (error == null) {
                    finish(inv, Outcome.of(outcome), true);
                } else if (unwrap(error) instanceof InitErrorException init) {
                    finish(inv, Outcome.initError(init));
                } else {
                    finishCrash(inv, null); // the environment was stopped under the invocation
                }
            });
        } catch (IllegalStateException e) {
            finishCrash(inv, null);
        }
        return inv.result;
    }

    /** A cold invocation whose start failed: report the failure as the invocation's result. */
    CompletableFuture<InvocationResult> failStart(InvocationRequest request, String requestId, Throwable error) {
        return failStart(request, requestId, error, null);
    }

    CompletableFuture<InvocationResult> failStart(InvocationRequest request, String requestId, Throwable error,
                                                  Double imageWaitMs) {
        dead = true; // never usable: a start that failed leaves nothing to reuse
        // no Init Duration when no runtime was started (e.g. its image could not be had)
        Double initMs = startNanos == 0 ? null : (System.nanoTime() - startNanos) / 1e6;
        Invocation inv = new Invocation(request, requestId, initMs);
        synchronized (this) {
            takeColdStartTimeline(inv, imageWaitMs);
        }
        inv.startNanos = System.nanoTime();
        inv.startEpochMs = System.currentTimeMillis();
        Throwable cause = unwrap(error);
        RuntimeInstance started = instance;
        if (started != null) {
            List<String> early = started.drainOutput(true);
            synchronized (this) {
                initOutput.addAll(early);
            }
        }
        if (cause instanceof InitErrorException init) {
            finish(inv, Outcome.initError(init));
        } else if (cause instanceof BackendException b) {
            finish(inv, Outcome.failure(InvocationStatus.INIT_ERROR, b.errorType(), b.getMessage()));
        } else if (cause instanceof InitTimeoutException t) {
            finish(inv, Outcome.timeout(requestId, t.seconds()));
        } else if (cause instanceof RuntimeExitedException exited) {
            finish(inv, Outcome.exit(requestId, exited.code()));
        } else {
            finish(inv, Outcome.failure(InvocationStatus.INIT_ERROR, "Runtime.Unknown", String.valueOf(cause)));
        }
        return inv.result;
    }

    private void onExit(RuntimeInstance exitedInstance, int code) {
        Invocation current;
        synchronized (this) {
            if (exitedInstance != instance) return; // replaced after an init timeout
            dead = true;
            current = inFlight;
        }
        if (!ready.isDone()) {
            ready.completeExceptionally(new RuntimeExitedException(code));
        }
        if (current != null && !current.done) {
            finishCrash(current, code);
        }
        services.workers().execute(this::stopQuietly);
    }

    private void finishCrash(Invocation inv, Integer code) {
        finish(inv, instance != null && instance.outOfMemory()
                ? Outcome.failure(InvocationStatus.CRASH, "Runtime.OutOfMemory",
                "RequestId: " + inv.requestId + " Error: Runtime exited with error: signal: killed")
                : Outcome.exit(inv.requestId, code));
    }

    private void finishTimeout(Invocation inv) {
        double seconds = (System.nanoTime() - inv.startNanos) / 1e9;
        finish(inv, Outcome.timeout(inv.requestId, seconds));
    }

    private void finish(Invocation inv, Outcome outcome) {
        finish(inv, outcome, false);
    }

    /**
     * Ends an invocation once: its report, the environment back to the pool (or killed), then the record and the
     * caller's result. {@code answered}: the runtime answered, so the record waits for the runtime to ask for its
     * next event (the overhead), at most {@link #OVERHEAD_WAIT_MS}.
     */
    private void finish(Invocation inv, Outcome outcome, boolean answered) {
        synchronized (this) {
            if (inv.done) return;
            inv.done = true;
            if (inFlight == inv) inFlight = null;
            if (outcome.resetsEnvironment()) dead = true;
        }
        if (inv.timer != null) inv.timer.cancel(false);
        long endNanos = System.nanoTime();
        RuntimeInstance rt = instance;
        List<String> output = rt == null ? List.of() : rt.drainOutput(true);
        long maxMemMb = rt == null ? 0 : Math.round(rt.maxMemoryUsedBytes() / (1024.0 * 1024.0));
        List<String> init;
        synchronized (this) {
            init = inv.initMs == null ? List.of() : List.copyOf(initOutput);
            if (inv.initMs != null) initOutput.clear();
        }
        InvocationResult result = InvocationReport.of(new InvocationReport.Facts(inv.requestId,
                function.config().functionName(), function.version(), function.config().memoryOrDefault(), provisioned,
                (endNanos - inv.startNanos) / 1e6, inv.initMs, maxMemMb, inv.startEpochMs, logStream, init, output,
                outcome));
        InvocationRecorder.Context context = new InvocationRecorder.Context(inv.request, function.version(),
                function.config().architectureOrDefault(), function.config().ephemeralOrDefault(), provisioned,
                inv.traceId);
        boolean healthy = !dead;
        if (!healthy) {
            services.workers().execute(this::killQuietly);
        }
        lastUsedNanos = System.nanoTime();
        onIdle.accept(this, healthy);
        CompletableFuture<Long> idle = answered && healthy && inv.idleAgain != null ? inv.idleAgain : null;
        if (idle == null) {
            services.recorder().record(result, context, inv.timeline);
            inv.result.complete(result);
            return;
        }
        idle.copy().completeOnTimeout(null, OVERHEAD_WAIT_MS, TimeUnit.MILLISECONDS).whenComplete((idleNanos, e) -> {
            Double overhead = idleNanos == null ? null : Math.max(0, idleNanos - endNanos) / 1e6;
            services.recorder().record(result, context, inv.timeline.withOverhead(overhead));
            inv.result.complete(result);
        });
    }

    /** How long a record waits for the runtime's next /next after its answer before the overhead counts as unknown. */
    static final long OVERHEAD_WAIT_MS = 1000;

    /** The first invocation of an environment carries its cold start's platform time; every one its image wait. */
    private void takeColdStartTimeline(Invocation inv, Double imageWaitMs) {
        Double imageWait = imageWaitMs;
        Double runtimeStart = null;
        if (inv.initMs != null) {
            if (pendingImageWaitMs != null) imageWait = imageWait == null ? pendingImageWaitMs : imageWait + pendingImageWaitMs;
            runtimeStart = pendingRuntimeStartMs;
        }
        pendingImageWaitMs = null;
        pendingRuntimeStartMs = null;
        inv.timeline = new InvocationRecorder.Timeline(imageWait, runtimeStart, null);
    }

    /** REPORT in Lambda's format (see {@link InvocationReport#reportLine}). */
    static String reportLine(String requestId, double durationMs, long billed, int memory, long maxMemMb, Double initMs) {
        return InvocationReport.reportLine(requestId, durationMs, billed, memory, maxMemMb, initMs);
    }

    static StringBuilder twoDecimals(StringBuilder b, double value) {
        return InvocationReport.twoDecimals(b, value);
    }

    private String invokedArn(InvocationRequest request) {
        String arn = services.settings().functionArn(function.config().functionName());
        return request.qualifier() == null || request.qualifier().isEmpty() ? arn : arn + ":" + request.qualifier();
    }

    /** Stops the runtime: SIGTERM, up to 2 s, then SIGKILL. Blocks; call from a worker thread. */
    void stop() {
        RuntimeApiChannel ch;
        RuntimeInstance rt;
        synchronized (this) {
            dead = true;
            ch = channel;
            rt = instance;
        }
        if (ch != null) ch.close();
        if (rt != null) rt.stop(Duration.ofSeconds(2));
    }

    private void killQuietly() {
        RuntimeApiChannel ch;
        RuntimeInstance rt;
        synchronized (this) {
            ch = channel;
            rt = instance;
        }
        try {
            if (ch != null) ch.close();
            if (rt != null) rt.kill();
        } catch (RuntimeException ignored) {
            // the environment is gone either way
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // the environment is gone either way
        }
    }

    static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        return t;
    }

    private static final class Invocation {
        final InvocationRequest request;
        final String requestId;
        final Double initMs;
        final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        long startNanos;
        long startEpochMs;
        ScheduledFuture<?> timer;
        String traceId;
        CompletableFuture<Long> idleAgain;
        InvocationRecorder.Timeline timeline = InvocationRecorder.Timeline.NONE;
        boolean done;

        Invocation(InvocationRequest request, String requestId, Double initMs) {
            this.request = request;
            this.requestId = requestId;
            this.initMs = initMs;
        }
    }
}
