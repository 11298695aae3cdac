package dev.lambdaconsole.runtime.invoke;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lambdaconsole.runtime.backend.ExecutionBackend;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.runtimeapi.RuntimeApiServer;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.FunctionNotFoundException;
import dev.lambdaconsole.runtime.workspace.FunctionVersion;
import dev.lambdaconsole.runtime.workspace.QualifiedTarget;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local Lambda service: invokes workspace functions in execution environments of the chosen backend,
 * with Lambda's concurrency, timeouts, logs and asynchronous retries. Blocking-free: {@link #invoke} returns
 * a future; {@link #invokeSync} waits for it.
 */
public final class LambdaEngine implements AutoCloseable {
    public static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
    public static final int MAX_ASYNC_PAYLOAD = 1024 * 1024;

    private final EngineServices services;
    private final ConcurrencyLimit limit;
    /** One pool of environments per function version: versions never share an environment. */
    private final Map<PoolKey, FunctionPool> pools = new ConcurrentHashMap<>();
    private final Map<String, FunctionConcurrency> inFlight = new ConcurrentHashMap<>();
    /** Pools of function variants (power tuning), by the caller's key; never the function's own environments. */
    private final Map<String, FunctionPool> variants = new ConcurrentHashMap<>();
    /** Invocations that waited for a runtime image, by function and amz-sdk-invocation-id, until answered. */
    private final Map<String, CompletableFuture<InvocationResult>> delayed = new ConcurrentHashMap<>();
    private final AsyncInvoker async;
    private final java.util.List<EngineEvents> eventListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LambdaEngine.class.getName());
    private final Consumer<WorkspaceChange> workspaceListener = this::onWorkspaceChange;
    private volatile boolean closed;

    public LambdaEngine(Workspace workspace, ExecutionBackend backend, LogStore logs, EngineSettings settings) {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, daemon("engine-timers"));
        timers.setRemoveOnCancelPolicy(true);
        ExecutorService workers = Executors.newCachedThreadPool(daemon("engine-worker"));
        Path envs = workspace.stateDir().resolve("environments").resolve(backend.name());
        sweep(envs);
        this.services = new EngineServices(settings, workspace, backend, new RuntimeApiServer(), logs, timers,
                workers, envs, new java.util.concurrent.atomic.AtomicReference<>(), new InvocationRecorder(logs));
        this.limit = new ConcurrencyLimit(settings.concurrencyLimit());
        this.async = new AsyncInvoker(this, timers, workspace, logs, settings);
        workspace.addListener(workspaceListener);
        long keepAlive = settings.keepAlive().toNanos();
        timers.scheduleWithFixedDelay(() -> pools.values().forEach(p -> p.reap(System.nanoTime(), keepAlive)),
                1, 1, TimeUnit.SECONDS);
        workers.execute(() -> {
            List<FunctionConfig> functions = workspace.functions();
            backend.prepare(functions); // runtime images pulled or built before the first invocation needs them
            functions.forEach(f -> {
                if (f.provisionedConcurrentExecutions() != null && f.provisionedConcurrentExecutions() > 0) {
                    pool(f.functionName(), FunctionVersion.LATEST).ensureProvisioned();
                }
            });
        });
    }

    public Workspace workspace() { return services.workspace(); }
    public LogStore logs() { return services.logs(); }
    public ExecutionBackend backend() { return services.backend(); }
    public EngineSettings settings() { return services.settings(); }

    /**
     * The local endpoint as the runtimes of this engine's backend reach it (e.g. {@code http://172.17.0.1:9001}
     * for containers): environments started from now on get it as {@code AWS_ENDPOINT_URL} unless
     * {@link EngineSettings#endpointInFunctions()} is off or the function sets the variable itself.
     */
    public void endpointForFunctions(String url) { services.functionEndpoint().set(url); }

    /** The URL functions get as AWS_ENDPOINT_URL, if any. */
    public java.util.Optional<String> endpointForFunctions() {
        return services.settings().endpointInFunctions()
                ? java.util.Optional.ofNullable(services.functionEndpoint().get()) : java.util.Optional.empty();
    }
    public AsyncInvoker async() { return async; }

    /** Adds a listener for throttles and asynchronous events; returns its removal. */
    public Runnable addEventListener(EngineEvents listener) {
        eventListeners.add(listener);
        return () -> eventListeners.remove(listener);
    }

    /** For stream pollers: a batch was handed to the function {@code ageMs} after its last record arrived. */
    public void iteratorAge(String functionName, String qualifier, long atMs, long ageMs) {
        tell(l -> l.iteratorAge(functionName, qualifier, atMs, ageMs));
    }

    /** Tells every event listener; one that throws is logged and skipped. */
    void tell(java.util.function.Consumer<EngineEvents> event) {
        for (EngineEvents listener : eventListeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "An engine event listener failed (skipped)", e);
            }
        }
    }

    /**
     * Invokes synchronously (RequestResponse) and returns when the function answered, failed or timed out.
     * Throws FunctionNotFoundException, TooManyRequestsException or InvalidRequestException before running.
     */
    public CompletableFuture<InvocationResult> invoke(InvocationRequest request) {
        checkPayload(request.payload(), MAX_SYNC_PAYLOAD);
        return run(normalise(request), UUID.randomUUID().toString());
    }

    /**
     * {@link #invoke(InvocationRequest)} for a caller that names its attempts: {@code sdkInvocationId} is the
     * SDK's amz-sdk-invocation-id, the same on every retry of one call. A retry of an invocation that is still
     * waiting for its runtime image, or was delayed by that wait, gets that invocation's answer instead of
     * running the function a second time (see {@link #run}).
     */
    public CompletableFuture<InvocationResult> invoke(InvocationRequest request, String sdkInvocationId) {
        if (sdkInvocationId != null) {
            CompletableFuture<InvocationResult> first = delayed.get(request.functionName() + " " + sdkInvocationId);
            if (first != null) return first;
        }
        checkPayload(request.payload(), MAX_SYNC_PAYLOAD);
        return run(normalise(request), UUID.randomUUID().toString(), sdkInvocationId);
    }

    public InvocationResult invokeSync(InvocationRequest request) {
        try {
            return invoke(request).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /**
     * Queues an asynchronous (Event) invocation; returns its request id at once. The qualifier stays with the
     * event: an alias picks a version for each attempt. FunctionNotFoundException for an unknown function or
     * qualifier.
     */
    public String invokeEvent(InvocationRequest request) {
        checkPayload(request.payload(), MAX_ASYNC_PAYLOAD);
        resolve(request.functionName(), request.qualifier());
        String requestId = UUID.randomUUID().toString();
        async.submit(normalise(request).asEvent(), requestId);
        return requestId;
    }

    /** DryRun: checks that the function exists and the caller may invoke it. */
    public void dryRun(String functionName) {
        requireFunction(functionName);
    }

    /** DryRun of a version or alias ({@code qualifier} null: $LATEST). */
    public void dryRun(String functionName, String qualifier) {
        resolve(functionName, qualifier);
    }

    /**
     * What {@code qualifier} names for the function (a version, or an alias and its routing); throws
     * FunctionNotFoundException naming the qualifier when there is no such version or alias.
     */
    public QualifiedTarget resolve(String functionName, String qualifier) {
        return services.workspace().resolve(functionName, qualifier);
    }

    CompletableFuture<InvocationResult> run(InvocationRequest request, String requestId) {
        return run(request, requestId, null);
    }

    /*
     * Waiting for a runtime image. The first invocation of a runtime on a fresh machine may find its image still
     * being pulled or built (a Debian build takes about a minute). Such an invocation waits for the backend's one
     * future of that image BEFORE it takes an environment: while it waits it holds no concurrency, no environment
     * is counted or started, and no init clock runs, so Init Duration, the 10 s init cap and the function timeout
     * measure the runtime only. N invocations arriving during the build wait for the same build (never a second
     * one) and, when it is done, take environments as Lambda would for N concurrent invocations: a warm one if
     * one is free by then, else one each (and are throttled past the reserved or engine concurrency).
     *
     * Retries. A client gives up on a long wait (the AWS CLI reads for 60 s) and sends the same call again; the
     * first invocation still goes on, so the retry would take a second environment and run the function twice
     * for one call. SDKs and the CLI send amz-sdk-invocation-id, the same on every attempt of one call: a retry
     * of an invocation that had to wait for its image joins that invocation and gets its answer. Invocations
     * that did not wait are not remembered: their retries are new invocations, as in Lambda.
     *
     * Mostly nobody waits: the engine prepares the images of the workspace's functions when it starts and of a
     * function when it is created or its configuration changes.
     */
    private CompletableFuture<InvocationResult> run(InvocationRequest request, String requestId, String sdkInvocationId) {
        if (closed) throw new IllegalStateException("The engine is shutting down");
        // an alias draws its version for each invocation: r < weight runs the additional version
        String version = resolve(request.functionName(), request.qualifier()).pick(ThreadLocalRandom.current().nextDouble());
        FunctionPool pool = pool(request.functionName(), version);
        CompletableFuture<Void> prepared = services.backend().prepare(pool.config());
        if (prepared.isDone() && !prepared.isCompletedExceptionally()) return acquireAndRun(pool, request, requestId, null);
        long waitStart = System.nanoTime();
        CompletableFuture<InvocationResult> result = prepared.handle((ok, error) -> error)
                .thenComposeAsync(error -> {
                    Double waitedMs = (System.nanoTime() - waitStart) / 1e6; // the record's imageWaitMs
                    return error == null ? acquireAndRun(pool, request, requestId, waitedMs)
                            : failBeforeStart(pool, request, requestId, error, waitedMs);
                }, services.workers());
        if (sdkInvocationId != null) {
            String key = request.functionName() + " " + sdkInvocationId;
            delayed.put(key, result);
            result.whenComplete((r, e) -> delayed.remove(key, result));
        }
        return result;
    }

    /** The backend could not get the image: the invocation fails as an init error, without a runtime. */
    private CompletableFuture<InvocationResult> failBeforeStart(FunctionPool pool, InvocationRequest request,
                                                                String requestId, Throwable error, Double waitedMs) {
        FunctionPool.Lease lease = acquire(pool, request);
        if (!lease.cold()) return lease.environment().invoke(request, requestId, waitedMs);
        return lease.environment().failStart(request, requestId, error, waitedMs);
    }

    private CompletableFuture<InvocationResult> acquireAndRun(FunctionPool pool, InvocationRequest request,
                                                              String requestId, Double waitedMs) {
        FunctionPool.Lease lease = acquire(pool, request);
        ExecutionEnvironment env = lease.environment();
        if (!lease.cold()) {
            return env.invoke(request, requestId, waitedMs);
        }
        // Starting a runtime spawns a process (or a container): never on the caller's thread.
        return CompletableFuture.supplyAsync(env::start, services.workers()).thenCompose(ready -> ready)
                .handle((ok, error) -> error == null
                ? env.invoke(request, requestId, waitedMs)
                : env.failStart(request, requestId, error, waitedMs)).thenCompose(f -> f);
    }

    /** Takes an environment; a refusal for concurrency is counted as a throttle. */
    private FunctionPool.Lease acquire(FunctionPool pool, InvocationRequest request) {
        try {
            return pool.acquire();
        } catch (TooManyRequestsException e) {
            long now = System.currentTimeMillis();
            tell(l -> l.throttled(request.functionName(), request.qualifier(), now));
            throw e;
        }
    }

    private record PoolKey(String function, String version) { }

    /** The pool of one version ({@code $LATEST} or a number); versions share the function's reserved concurrency. */
    private FunctionPool pool(String name, String version) {
        requireFunction(name);
        FunctionConcurrency shared = inFlight.computeIfAbsent(name, n -> new FunctionConcurrency());
        if (FunctionVersion.LATEST.equals(version)) {
            return pools.computeIfAbsent(new PoolKey(name, version),
                    k -> new FunctionPool(() -> snapshot(name, version), services, limit, shared, null));
        }
        FunctionPool latest = pool(name, FunctionVersion.LATEST);
        return pools.computeIfAbsent(new PoolKey(name, version), k -> new FunctionPool(() -> snapshot(name, version),
                services, limit, shared, () -> latest.config().reservedConcurrentExecutions()));
    }

    private List<FunctionPool> poolsOf(String name) {
        List<FunctionPool> of = new ArrayList<>();
        pools.forEach((key, pool) -> {
            if (key.function().equals(name)) of.add(pool);
        });
        return of;
    }

    private void requireFunction(String name) {
        if (!services.workspace().exists(name)) {
            throw new FunctionNotFoundException(name);
        }
    }

    private FunctionSnapshot snapshot(String name, String version) {
        FunctionVersion v = services.workspace().version(name, version);
        List<Path> layers = new ArrayList<>();
        for (FunctionConfig.Layer layer : v.config().layersOrEmpty()) {
            layers.add(services.workspace().layerDir(layer.arn()));
        }
        return new FunctionSnapshot(v.config(), v.codeDir(), List.copyOf(layers), 0, v.version());
    }

    /**
     * Invokes {@code request} in an environment of a <em>variant</em> of its function: the function's code and
     * layers as they are in the workspace, started with {@code config} instead of function.json (e.g. another
     * memory size or architecture, and so other container limits). Variant environments live in a pool of their
     * own under {@code variantKey}, apart from the function's environments, and function.json is never touched;
     * they count against the engine's concurrency. {@link #closeVariant} stops them. Power tuning uses this.
     */
    public CompletableFuture<InvocationResult> invokeVariant(String variantKey, FunctionConfig config,
                                                             InvocationRequest request) {
        if (closed) throw new IllegalStateException("The engine is shutting down");
        checkPayload(request.payload(), MAX_SYNC_PAYLOAD);
        requireFunction(request.functionName());
        // a concurrency count of its own: the function's reserved concurrency is the function's, not a variant's
        FunctionPool pool = variants.computeIfAbsent(variantKey, k -> new FunctionPool(() -> variantSnapshot(config),
                services, limit, new FunctionConcurrency(), () -> null));
        InvocationRequest normalised = normalise(request);
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<Void> prepared = services.backend().prepare(config);
        if (prepared.isDone() && !prepared.isCompletedExceptionally()) {
            return acquireAndRun(pool, normalised, requestId, null);
        }
        long waitStart = System.nanoTime();
        return prepared.handle((ok, error) -> error).thenComposeAsync(error -> {
            Double waitedMs = (System.nanoTime() - waitStart) / 1e6;
            return error == null ? acquireAndRun(pool, normalised, requestId, waitedMs)
                    : failBeforeStart(pool, normalised, requestId, error, waitedMs);
        }, services.workers());
    }

    /** Stops the environments of variant {@code variantKey} (see {@link #invokeVariant}); returns when they stopped. */
    public void closeVariant(String variantKey) {
        FunctionPool pool = variants.remove(variantKey);
        if (pool == null) return;
        List<CompletableFuture<Void>> stops = pool.close().stream()
                .map(env -> CompletableFuture.runAsync(env::stop, services.workers())).toList();
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // whatever did not stop in 10 s was killed by its own stop()
        }
    }

    private FunctionSnapshot variantSnapshot(FunctionConfig config) {
        String name = config.functionName();
        List<Path> layers = new ArrayList<>();
        for (FunctionConfig.Layer layer : config.layersOrEmpty()) {
            layers.add(services.workspace().layerDir(layer.arn()));
        }
        return new FunctionSnapshot(config, services.workspace().codeDir(name), List.copyOf(layers), 0,
                FunctionVersion.LATEST);
    }

    /** Execution environments of a function, every version's, for the console's inspector. */
    public List<EnvironmentInfo> environments(String functionName) {
        List<EnvironmentInfo> all = new ArrayList<>();
        poolsOf(functionName).forEach(p -> all.addAll(p.environments()));
        return all;
    }

    /** Execution environments of one version of a function ({@code $LATEST} or a number). */
    public List<EnvironmentInfo> environments(String functionName, String version) {
        FunctionPool pool = pools.get(new PoolKey(functionName, version));
        return pool == null ? List.of() : pool.environments();
    }

    /** Retires every environment of the function, every version's: the next invocation is a cold start. */
    public void resetEnvironments(String functionName) {
        poolsOf(functionName).forEach(FunctionPool::invalidate);
    }

    private void onWorkspaceChange(WorkspaceChange change) {
        switch (change.kind()) {
            case CREATED, CONFIGURATION, CODE -> {
                // published versions never change: only $LATEST's environments retire
                FunctionPool pool = pools.get(new PoolKey(change.functionName(), FunctionVersion.LATEST));
                if (pool != null) pool.invalidate();
                services.workers().execute(() -> {
                    try {
                        FunctionConfig c = services.workspace().read(change.functionName());
                        services.backend().prepare(c); // its runtime image, before the first invocation needs it
                        if (c.provisionedConcurrentExecutions() != null && c.provisionedConcurrentExecutions() > 0) {
                            pool(change.functionName(), FunctionVersion.LATEST).ensureProvisioned();
                        }
                    } catch (RuntimeException ignored) {
                        // deleted or unreadable meanwhile: nothing to provision
                    }
                });
            }
            case DELETED -> {
                pools.keySet().removeIf(key -> {
                    if (!key.function().equals(change.functionName())) return false;
                    FunctionPool pool = pools.get(key);
                    if (pool != null) pool.close().forEach(env -> services.workers().execute(env::stop));
                    return true;
                });
                inFlight.remove(change.functionName());
            }
            case VERSIONS -> pools.keySet().removeIf(key -> { // a deleted version's environments stop
                if (!key.function().equals(change.functionName()) || FunctionVersion.LATEST.equals(key.version())) {
                    return false;
                }
                try {
                    services.workspace().version(key.function(), key.version());
                    return false;
                } catch (RuntimeException gone) {
                    FunctionPool pool = pools.get(key);
                    if (pool != null) pool.close().forEach(env -> services.workers().execute(env::stop));
                    return true;
                }
            });
            default -> { }
        }
    }

    static void checkPayload(byte[] payload, int max) {
        if (payload.length > max) {
            throw new InvalidRequestException(413, "RequestTooLargeException",
                    "Request must be smaller than " + max + " bytes for the InvokeFunction operation");
        }
        if (payload.length == 0) return;
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(payload)) {
            if (parser.nextToken() == null) return;
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new InvalidRequestException(400, "InvalidRequestContentException",
                        "Could not parse request body into json: Could not parse payload into json: "
                                + "Unexpected content after the JSON value");
            }
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(400, "InvalidRequestContentException",
                    "Could not parse request body into json: Could not parse payload into json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRequestException(400, "InvalidRequestContentException",
                    "Could not parse request body into json: " + e.getMessage());
        }
    }

    /** Lambda hands an empty payload to the function as {}. */
    private static InvocationRequest normalise(InvocationRequest r) {
        return r.payload().length > 0 ? r : new InvocationRequest(r.functionName(), r.qualifier(),
                "{}".getBytes(StandardCharsets.UTF_8), r.clientContext(), r.traceHeader(), r.cognitoIdentity());
    }

    /** Stops every environment (SIGTERM, 2 s, SIGKILL) in parallel and waits for them. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        services.workspace().removeListener(workspaceListener);
        async.close();
        List<ExecutionEnvironment> stopping = new ArrayList<>();
        pools.values().forEach(p -> stopping.addAll(p.close()));
        variants.values().forEach(p -> stopping.addAll(p.close()));
        List<CompletableFuture<Void>> stops = stopping.stream()
                .map(env -> CompletableFuture.runAsync(env::stop, services.workers())).toList();
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // whatever did not stop in 10 s was killed by its own stop()
        }
        services.runtimeApi().close();
        services.timers().shutdownNow();
        services.workers().shutdown();
        services.backend().close();
    }

    /** Removes environment folders left by an engine that was killed. */
    private static void sweep(Path envs) {
        if (!Files.isDirectory(envs)) return;
        try (var dirs = Files.list(envs)) {
            dirs.forEach(d -> {
                try (var paths = Files.walk(d)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException | java.io.UncheckedIOException ignored) {
                    // skipped: swept again next time
                }
            });
        } catch (IOException ignored) {
            // nothing to sweep
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
