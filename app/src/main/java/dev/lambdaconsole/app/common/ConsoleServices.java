package dev.lambdaconsole.app.common;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.simulators.SimulatorServices;

import java.nio.file.Path;

/**
 * Everything a page of the console is built from, once the engine has started: the running engine (workspace,
 * logs, endpoint), the local services (trigger simulators), where to run background work, the progress area, the settings and the shell's actions.
 * Views are constructed with it; ViewModels take the parts they need.
 */
public record ConsoleServices(LocalRuntime runtime, SimulatorServices simulators, TaskRunner tasks, ProgressBoard progress, ConsoleSettings settings,
                              ShellActions shell, Path stateDir) {
    public Workspace workspace() { return runtime.workspace(); }
    public LambdaEngine engine() { return runtime.engine(); }
    public LogStore logs() { return runtime.logs(); }

    /** The Lambda-compatible endpoint, e.g. http://127.0.0.1:9001, for --endpoint-url. */
    public String endpointUrl() { return runtime.endpoint().url(); }
}
