package dev.lambdaconsole.runtime.gateway;

import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.logs.api.SubscriptionFilters;
import dev.lambdaconsole.runtime.workspace.Workspace;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What a service module gets to work with: the engine (to invoke functions like any caller), the workspace, the
 * log store, a folder of its own for state, the endpoint's URL (known once it listens), and the CloudWatch Logs
 * subscription filters (whose deliveries a module may observe; null where none run).
 */
public record ServiceContext(LambdaEngine engine, Workspace workspace, LogStore logs, Path stateDir,
                             Supplier<String> endpointUrl, String region, String accountId,
                             SubscriptionFilters logSubscriptions) {
    /** A context without the log subscription filters (services that do not need them, tests). */
    public ServiceContext(LambdaEngine engine, Workspace workspace, LogStore logs, Path stateDir,
                          Supplier<String> endpointUrl, String region, String accountId) {
        this(engine, workspace, logs, stateDir, endpointUrl, region, accountId, null);
    }

    /**
     * The service modules' state folder of a workspace ({@code .lambda-console/services}), for commands that write
     * the files a running engine reads.
     */
    public static Path stateDirOf(Workspace workspace) {
        return workspace.stateDir().resolve("services");
    }
}
