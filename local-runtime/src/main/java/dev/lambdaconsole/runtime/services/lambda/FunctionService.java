package dev.lambdaconsole.runtime.services.lambda;

import dev.lambdaconsole.runtime.invoke.LambdaEngine;

/**
 * Function operations that span the workspace and the engine's stores, shared by the Lambda API and the console
 * so both do the same thing (HTTP-free).
 */
public final class FunctionService {
    private final LambdaEngine engine;

    public FunctionService(LambdaEngine engine) { this.engine = engine; }

    /**
     * Deletes a function: its folder (configuration, code, saved test events) and its log group. Throws
     * FunctionNotFoundException when there is no such function.
     */
    public void delete(String name) {
        engine.workspace().delete(name);
        engine.logs().deleteGroup(name);
    }
}
