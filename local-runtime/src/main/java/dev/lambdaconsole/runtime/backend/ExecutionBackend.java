package dev.lambdaconsole.runtime.backend;

import dev.lambdaconsole.runtime.model.FunctionConfig;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * Where execution environments run: local processes, or Docker containers. The engine owns the Runtime API,
 * pools, timeouts and logs; a backend only starts and stops the runtime of one environment.
 */
public interface ExecutionBackend extends AutoCloseable {
    /** "process" or "docker". */
    String name();

    /** A line for the status bar, e.g. "process backend (Linux, no memory limits)". */
    String description();

    /** The address the Runtime API endpoint of an environment binds to. */
    String runtimeApiBindHost();

    /** The host a runtime uses to reach that endpoint. */
    String runtimeApiAdvertisedHost();

    /**
     * Gets what environments of {@code function} need (the Docker backend: its runtime image, pulled or built)
     * in the background and returns at once. The future completes when it is there, or fails with a
     * {@link BackendException} saying why it cannot be had. While the work runs every call for the same image
     * returns the same future, so it is done once; after a failure the next call tries again. The process
     * backend needs nothing.
     */
    default CompletableFuture<Void> prepare(FunctionConfig function) {
        return CompletableFuture.completedFuture(null);
    }

    /** {@link #prepare(FunctionConfig)} for each, e.g. for every function of the workspace when the engine starts. */
    default void prepare(Collection<FunctionConfig> functions) {
        functions.forEach(this::prepare);
    }

    /**
     * Whether an environment's memory is a hard limit (and sets its CPU share) as in Lambda. The process
     * backend measures memory but cannot limit it.
     */
    default boolean limitsMemory() { return false; }

    /**
     * Why environments of {@code architecture} ({@code x86_64} or {@code arm64}) cannot run on this backend, or
     * empty when they can. By default only the machine's own architecture runs: a local process of another
     * architecture would only be this machine's process under another label.
     */
    default java.util.Optional<String> cannotRun(String architecture) {
        String host = HostArchitecture.current();
        return host.equals(architecture) ? java.util.Optional.empty() : java.util.Optional.of("the " + name()
                + " backend runs functions as this machine's own " + host + " processes, not " + architecture);
    }

    /** Starts the runtime of one environment. Returns once it is started, before it has initialised. */
    RuntimeInstance start(EnvironmentSpec spec) throws BackendException;

    @Override
    void close();
}
