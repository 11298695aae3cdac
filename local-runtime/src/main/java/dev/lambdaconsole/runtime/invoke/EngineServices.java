package dev.lambdaconsole.runtime.invoke;

import dev.lambdaconsole.runtime.backend.ExecutionBackend;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.runtimeapi.RuntimeApiServer;
import dev.lambdaconsole.runtime.workspace.Workspace;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every execution environment shares: the backend, the Runtime API server, timers and the log store, and
 * the local endpoint's URL as the runtimes reach it (null until the endpoint listens), and the recorder that stores
 * every finished invocation.
 */
record EngineServices(EngineSettings settings, Workspace workspace, ExecutionBackend backend,
                      RuntimeApiServer runtimeApi, LogStore logs, ScheduledExecutorService timers,
                      ExecutorService workers, Path environmentsDir, AtomicReference<String> functionEndpoint,
                      InvocationRecorder recorder) {
}
