package dev.lambdaconsole.runtime.invoke;

import dev.lambdaconsole.runtime.model.FunctionConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * A function's configuration and code location as one environment was started with.
 *
 * @param version {@code "$LATEST"} or a published version's number
 */
record FunctionSnapshot(FunctionConfig config, Path codeDir, List<Path> layerDirs, long generation, String version) {
    FunctionSnapshot(FunctionConfig config, Path codeDir, List<Path> layerDirs, long generation) {
        this(config, codeDir, layerDirs, generation, "$LATEST");
    }

    FunctionSnapshot withGeneration(long newGeneration) {
        return new FunctionSnapshot(config, codeDir, layerDirs, newGeneration, version);
    }
}
