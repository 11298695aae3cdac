package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.common.ShellActions;
import dev.lambdaconsole.app.common.ProgressBoard;
import dev.lambdaconsole.app.common.ConsoleSettings;

import dev.lambdaconsole.editor.concurrent.FxTaskRunner;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.simulators.SimulatorServices;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real engine on a temporary workspace (process backend unless asked otherwise, endpoint on a free port)
 * and the services a view is built from, for view and scenario tests. The shell's actions are recorded.
 */
public final class TestConsole implements AutoCloseable {
    public final LocalRuntime runtime;
    public final SimulatorServices simulators = new SimulatorServices();
    public final TaskRunner tasks;
    public final ConsoleServices services;
    /** Shell actions asked for, e.g. "open:my-function", "functions", "create", "settings", "apply". */
    public final List<String> shellCalls = new CopyOnWriteArrayList<>();
    public volatile ConsoleSettings applied;

    public TestConsole(Path workspace) {
        this(workspace, "process", new FxTaskRunner());
    }

    public TestConsole(Path workspace, String backend, TaskRunner tasks) {
        this.runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace)
                .withBackend(backend).withPort(0).withServices(List.of(simulators)));
        this.tasks = tasks;
        ShellActions shell = new ShellActions() {
            @Override public void showFunctions() { shellCalls.add("functions"); }
            @Override public void openFunction(String name) { shellCalls.add("open:" + name); }
            @Override public void showCreateFunction() { shellCalls.add("create"); }
            @Override public void showSettings() { shellCalls.add("settings"); }
            @Override public void showServices() { shellCalls.add("services"); }
            @Override public void openFunction(String name, String tabId) { shellCalls.add("open:" + name + ":" + tabId); }
            @Override public void openInvocation(String function, String requestId) {
                shellCalls.add("invocation:" + function + ":" + requestId);
            }
            @Override public void applySettings(ConsoleSettings settings) {
                applied = settings;
                shellCalls.add("apply");
            }
        };
        this.services = new ConsoleServices(runtime, simulators, tasks, new ProgressBoard(tasks),
                ConsoleSettings.defaults().withWorkspace(workspace).withBackend(backend), shell,
                runtime.workspace().stateDir().resolve("console"));
    }

    @Override
    public void close() {
        runtime.close();
        if (tasks instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing the test's task threads
            }
        }
    }
}
