package dev.lambdaconsole.runtime.backend;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A started runtime (a process tree or a container) of one execution environment. */
public interface RuntimeInstance {
    /** Completes with the exit code when the runtime ends (128 + signal when killed by a signal). */
    CompletableFuture<Integer> exited();

    /** Peak memory of the environment so far, in bytes. */
    long maxMemoryUsedBytes();

    /**
     * Lines the runtime wrote (stdout and stderr) since the last call. With {@code includePartial}, a last
     * line without its newline is returned too.
     */
    List<String> drainOutput(boolean includePartial);

    /**
     * The runtime finished its init (its first /next). A backend may now apply limits meant for invocations;
     * must not block (it is called on the Runtime API's thread).
     */
    default void initialised() { }

    /**
     * Completes when the limits {@link #initialised()} applies are in force (at once for backends that apply none).
     * The engine waits for it before an environment's second invocation, so that only the first one after init may
     * still run with init's share.
     */
    default CompletableFuture<Void> invocationLimits() { return CompletableFuture.completedFuture(null); }

    /** Whether the runtime was killed for exceeding its memory limit (containers only). */
    default boolean outOfMemory() { return false; }

    /** SIGTERM, then SIGKILL after {@code grace}; returns when the runtime is gone. */
    void stop(Duration grace);

    /** Kills the runtime at once (timeout, crash reset). */
    void kill();
}
