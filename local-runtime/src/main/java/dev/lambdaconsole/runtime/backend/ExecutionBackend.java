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

    /** Starts the runtime of one environment. Returns once it is started, before it has initialised. */
    RuntimeInstance start(EnvironmentSpec spec) throws BackendException;

    @Override
    void close();
}
