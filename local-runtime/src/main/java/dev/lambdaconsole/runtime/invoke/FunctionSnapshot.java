package dev.lambdaconsole.runtime.invoke;

import dev.lambdaconsole.runtime.model.FunctionConfig;

import java.nio.file.Path;
import java.util.List;

/** A function's configuration and code location as one environment was started with. */
record FunctionSnapshot(FunctionConfig config, Path codeDir, List<Path> layerDirs, long generation) {
}
