package dev.lambdaconsole.runtime.workspace;

import dev.lambdaconsole.runtime.model.FunctionConfig;

import java.util.Optional;

/** One function folder of the workspace: its configuration, or why it could not be read. */
public record FunctionEntry(String name, Optional<FunctionConfig> config, Optional<String> error) {
    public static FunctionEntry loaded(FunctionConfig config) {
        return new FunctionEntry(config.functionName(), Optional.of(config), Optional.empty());
    }

    public static FunctionEntry broken(String name, String error) {
        return new FunctionEntry(name, Optional.empty(), Optional.of(error));
    }
}
