package dev.lambdaconsole.runtime.backend;

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

    /** Starts the runtime of one environment. Returns once it is started, before it has initialised. */
    RuntimeInstance start(EnvironmentSpec spec) throws BackendException;

    @Override
    void close();
}
