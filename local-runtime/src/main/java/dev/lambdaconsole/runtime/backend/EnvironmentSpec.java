package dev.lambdaconsole.runtime.backend;

import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.LambdaRuntime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a backend needs to start one execution environment.
 *
 * @param environmentId  32 lowercase hex characters, also the end of the log stream name
 * @param runtime        null for container-image functions
 * @param codeDir        the function's code folder (the task root)
 * @param layerDirs      layer folders in the order listed (later ones win)
 * @param lambdaVariables the variables Lambda defines that do not depend on paths (function name, memory,
 *                        handler, log group and stream, region, AWS_LAMBDA_RUNTIME_API...) plus the user's
 * @param workDir        a private folder for this environment, deleted when it stops
 */
public record EnvironmentSpec(String environmentId, FunctionConfig config, LambdaRuntime runtime, Path codeDir,
                              List<Path> layerDirs, Map<String, String> lambdaVariables, Path workDir) {
}
