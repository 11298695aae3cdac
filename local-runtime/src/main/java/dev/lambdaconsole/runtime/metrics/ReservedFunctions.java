package dev.lambdaconsole.runtime.metrics;

import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Whether a workspace function has reserved concurrency, read once per function and again when it changes. */
public final class ReservedFunctions implements Predicate<String>, AutoCloseable {
    private final Workspace workspace;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();
    private final Consumer<WorkspaceChange> listener = change -> known.remove(change.functionName());

    public ReservedFunctions(Workspace workspace) {
        this.workspace = workspace;
        workspace.addListener(listener);
    }

    @Override
    public boolean test(String functionName) {
        return known.computeIfAbsent(functionName, n -> {
            try {
                FunctionConfig c = workspace.read(n);
                return c.reservedConcurrentExecutions() != null;
            } catch (RuntimeException e) {
                return false; // deleted: its past invocations count as unreserved
            }
        });
    }

    @Override
    public void close() {
        workspace.removeListener(listener);
    }
}
