package dev.lambdaconsole.runtime.invoke;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The execution environments of one version of a function: warm ones reused most-recent first, new ones started under
 * concurrent load up to the function's reserved concurrency (shared by its versions) and the engine's limit, idle ones stopped after
 * the keep-alive, provisioned ones kept started. A code or configuration change retires every environment.
 */
final class FunctionPool {
    record Lease(ExecutionEnvironment environment, boolean cold) { }

    private final Supplier<FunctionSnapshot> loader;
    private final EngineServices services;
    private final ConcurrencyLimit limit;
    private final FunctionConcurrency shared;
    private final Supplier<Integer> reserved;
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final Set<ExecutionEnvironment> all = new LinkedHashSet<>();
    private final Set<ExecutionEnvironment> busy = new LinkedHashSet<>();
    private FunctionSnapshot snapshot;
    private long generation;
    private boolean closed;

    /**
     * @param shared   the function's invocations in flight over all its versions' pools
     * @param reserved the function's reserved concurrency (null: none), or null to read it from this pool's
     *                 configuration ($LATEST)
     */
    FunctionPool(Supplier<FunctionSnapshot> loader, EngineServices services, ConcurrencyLimit limit,
                 FunctionConcurrency shared, Supplier<Integer> reserved) {
        this.loader = loader;
        this.services = services;
        this.limit = limit;
        this.shared = shared;
        this.reserved = reserved != null ? reserved : () -> snapshot().config().reservedConcurrentExecutions();
    }

    /** The version this pool's environments run. */
    synchronized String version() {
        return snapshot().version();
    }

    private FunctionSnapshot snapshot() {
        if (snapshot == null) {
            FunctionSnapshot loaded = loader.get();
            snapshot = loaded.withGeneration(generation);
        }
        return snapshot;
    }

    /** The configuration new environments start with. */
    synchronized dev.lambdaconsole.runtime.model.FunctionConfig config() {
        return snapshot().config();
    }

    synchronized Lease acquire() {
        if (closed) throw new IllegalStateException("The engine is shutting down");
        FunctionSnapshot snap = snapshot();
        if (!shared.tryTake(reserved.get())) {
            throw new TooManyRequestsException("ReservedFunctionConcurrentInvocationLimitExceeded", "Rate Exceeded.");
        }
        if (!limit.tryTake()) {
            shared.give();
            throw new TooManyRequestsException("ConcurrentInvocationLimitExceeded", "Rate Exceeded.");
        }
        ExecutionEnvironment env;
        while ((env = idle.pollFirst()) != null) {
            if (usable(env)) {
                busy.add(env);
                return new Lease(env, false);
            }
            discard(env);
        }
        env = new ExecutionEnvironment(snap, services, false, this::released);
        all.add(env);
        busy.add(env);
        return new Lease(env, true);
    }

    private boolean usable(ExecutionEnvironment env) {
        return !env.dead() && env.function().generation() == generation && env.ready().isDone()
                && !env.ready().isCompletedExceptionally();
    }

    /** Called by an environment when its invocation finished. */
    private void released(ExecutionEnvironment env, boolean healthy) {
        synchronized (this) {
            if (busy.remove(env)) {
                limit.give();
                shared.give();
            }
            if (healthy && !closed && env.function().generation() == generation) {
                idle.addFirst(env);
                return;
            }
            discard(env);
        }
    }

    /** Starts provisioned environments until the configured number are up. */
    synchronized void ensureProvisioned() {
        if (closed) return;
        FunctionSnapshot snap;
        try {
            snap = snapshot();
        } catch (RuntimeException e) {
            return; // an unreadable function has no environments
        }
        Integer wanted = snap.config().provisionedConcurrentExecutions();
        long have = all.stream().filter(e -> e.provisioned() && !e.dead()).count();
        for (long i = have; wanted != null && i < wanted; i++) {
            ExecutionEnvironment env = new ExecutionEnvironment(snap, services, true, this::released);
            all.add(env);
            // start() waits for the runtime image first: on a worker, never under this pool's lock
            CompletableFuture.supplyAsync(env::start, services.workers()).thenCompose(f -> f).whenComplete((ok, error) -> {
                synchronized (FunctionPool.this) {
                    if (error == null && !closed && env.function().generation() == generation && all.contains(env)) {
                        idle.addLast(env);
                    } else {
                        discard(env);
                    }
                }
            });
        }
    }

    /** Code or configuration changed: no environment of the old version takes another invocation. */
    synchronized void invalidate() {
        generation++;
        snapshot = null;
        for (ExecutionEnvironment env : new ArrayList<>(idle)) {
            discard(env);
        }
        idle.clear();
        for (ExecutionEnvironment env : new ArrayList<>(all)) {
            if (!busy.contains(env)) discard(env);
        }
    }

    /** Stops idle on-demand environments unused for longer than the keep-alive. */
    synchronized void reap(long nowNanos, long keepAliveNanos) {
        idle.removeIf(env -> {
            boolean expired = !env.provisioned() && nowNanos - env.lastUsedNanos() > keepAliveNanos;
            boolean gone = env.dead();
            if (expired || gone) discard(env);
            return expired || gone;
        });
    }

    synchronized List<EnvironmentInfo> environments() {
        long now = System.nanoTime();
        List<EnvironmentInfo> infos = new ArrayList<>();
        for (ExecutionEnvironment env : all) {
            EnvironmentInfo.State state = busy.contains(env) ? EnvironmentInfo.State.BUSY
                    : idle.contains(env) ? EnvironmentInfo.State.IDLE : EnvironmentInfo.State.STARTING;
            infos.add(new EnvironmentInfo(env.id(), env.logStream(), state, env.provisioned(), env.invocations(),
                    state == EnvironmentInfo.State.IDLE ? (now - env.lastUsedNanos()) / 1_000_000 : 0));
        }
        return infos;
    }

    /** Stops every environment; returns the stops under way. */
    synchronized List<ExecutionEnvironment> close() {
        closed = true;
        List<ExecutionEnvironment> stopping = new ArrayList<>(all);
        all.clear();
        idle.clear();
        for (ExecutionEnvironment ignored : busy) {
            limit.give();
            shared.give();
        }
        busy.clear();
        return stopping;
    }

    private void discard(ExecutionEnvironment env) {
        all.remove(env);
        idle.remove(env);
        services.workers().execute(env::stop);
    }
}
