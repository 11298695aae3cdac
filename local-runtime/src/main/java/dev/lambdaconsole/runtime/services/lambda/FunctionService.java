package dev.lambdaconsole.runtime.services.lambda;

import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.workspace.Workspace;

/**
 * Function operations that span the workspace and the engine's stores, shared by the Lambda API and the console
 * so both do the same thing (HTTP-free).
 */
public final class FunctionService {
    private final Workspace workspace;
    private final LogStore logs;

    public FunctionService(Workspace workspace, LogStore logs) {
        this.workspace = workspace;
        this.logs = logs;
    }

    /**
     * Deletes a function: its folder (configuration, code, saved test events) and its log group. Throws
     * FunctionNotFoundException when there is no such function.
     */
    public void delete(String name) {
        workspace.delete(name);
        logs.deleteGroup(name);
    }
}
