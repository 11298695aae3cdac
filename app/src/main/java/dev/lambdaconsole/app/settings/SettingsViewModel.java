package dev.lambdaconsole.app.settings;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.common.ConsoleSettings;
import dev.lambdaconsole.app.common.ShellActions;
import dev.lambdaconsole.runtime.LocalRuntime;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The Settings page: workspace folder, backend, Docker host (with a connection test), endpoint port, theme and
 * keep-alive. Every field is checked as it is typed; Save refuses while one is wrong and otherwise hands the
 * new settings to the shell, which saves them and restarts the engine when needed. Revert restores the saved
 * values.
 */
public final class SettingsViewModel {
    private final ShellActions shell;
    private final TaskRunner tasks;
    private ConsoleSettings saved;
    private final StringProperty workspace = new SimpleStringProperty("");
    private final ObjectProperty<Backend> backend = new SimpleObjectProperty<>(Backend.DOCKER);
    private final StringProperty dockerHost = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final StringProperty keepAlive = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty endpointInFunctions =
            new javafx.beans.property.SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper workspaceError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper workspaceNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dockerHostError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keepAliveError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dockerStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> dockerReachable = new ReadOnlyObjectWrapper<>(null);
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private int folderChecks;
    private TaskRunner.Task<?> dockerCheck;

    public SettingsViewModel(ConsoleSettings current, ShellActions shell, TaskRunner tasks) {
        this.saved = current;
        this.shell = shell;
        this.tasks = tasks;
        show(current);
        workspace.addListener((o, was, now) -> checkFolder());
        dockerHost.addListener((o, was, now) -> {
            cancelDockerCheck();
            testing.set(false);
            dockerStatus.set("");
            dockerReachable.set(null);
        });
        List<ObservableValue<?>> fields = List.of(workspace, backend, dockerHost, port, theme, keepAlive,
                endpointInFunctions);
        fields.forEach(f -> f.addListener((o, was, now) -> edited()));
        checkFolder();
        validate();
    }

    public StringProperty workspaceProperty() { return workspace; }
    public ObjectProperty<Backend> backendProperty() { return backend; }
    /** unix://, tcp://HOST:PORT or npipe://; blank: find Docker automatically. */
    public StringProperty dockerHostProperty() { return dockerHost; }
    /** 0–65535; 0: any free port. */
    public StringProperty portProperty() { return port; }
    public ObjectProperty<Theme> themeProperty() { return theme; }
    /** Minutes an idle execution environment stays warm (1–1440). */
    public StringProperty keepAliveProperty() { return keepAlive; }
    /** Whether functions get AWS_ENDPOINT_URL, so their AWS SDKs call the console's endpoint (a restart applies it). */
    public javafx.beans.property.BooleanProperty endpointInFunctionsProperty() { return endpointInFunctions; }
    public ReadOnlyStringProperty workspaceError() { return workspaceError.getReadOnlyProperty(); }
    /** What choosing the folder means, e.g. "A workspace with 3 functions". */
    public ReadOnlyStringProperty workspaceNote() { return workspaceNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dockerHostError() { return dockerHostError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty portError() { return portError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty keepAliveError() { return keepAliveError.getReadOnlyProperty(); }
    /** The outcome of Test connection. */
    public ReadOnlyStringProperty dockerStatus() { return dockerStatus.getReadOnlyProperty(); }
    /** True or false after a test, null before one (or after the host changed). */
    public ReadOnlyObjectProperty<Boolean> dockerReachable() { return dockerReachable.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty testingProperty() { return testing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
    /** The settings as saved last. */
    public ConsoleSettings saved() { return saved; }

    private void show(ConsoleSettings s) {
        workspace.set(s.workspace().toString());
        backend.set(Backend.of(s.backend()));
        dockerHost.set(s.dockerHost());
        port.set(String.valueOf(s.endpointPort()));
        theme.set(s.darkTheme() ? Theme.DARK : Theme.LIGHT);
        keepAlive.set(String.valueOf(s.keepAliveMinutes()));
        endpointInFunctions.set(s.endpointInFunctions());
    }

    private List<Object> formState() {
        return List.of(workspace.get().trim(), backend.get(), dockerHost.get().trim(), port.get().trim(), theme.get(),
                keepAlive.get().trim(), endpointInFunctions.get());
    }

    private List<Object> formOf(ConsoleSettings s) {
        return List.of(s.workspace().toString(), Backend.of(s.backend()), s.dockerHost(),
                String.valueOf(s.endpointPort()), s.darkTheme() ? Theme.DARK : Theme.LIGHT,
                String.valueOf(s.keepAliveMinutes()), s.endpointInFunctions());
    }

    private void edited() {
        dirty.set(!formState().equals(formOf(saved)));
        validate();
    }

    /** The folder is checked on disk in the background; only the latest check counts. */
    private void checkFolder() {
        int check = ++folderChecks;
        String text = workspace.get();
        tasks.run(() -> FolderCheck.of(text)).onSuccess(result -> {
            if (check != folderChecks) return;
            workspaceError.set(result.problem());
            workspaceNote.set(result.note());
        });
    }

    /** Checks the fields that need no disk; returns every problem as "Field rule". */
    private List<String> validate() {
        dockerHostError.set(backend.get() == Backend.DOCKER ? SettingsRules.dockerHost(dockerHost.get()) : "");
        portError.set(SettingsRules.wholeNumber(port.get(), 0, 65535, "(0: any free port)"));
        keepAliveError.set(SettingsRules.wholeNumber(keepAlive.get(), 1, 24 * 60, "minutes (up to 24 hours)"));
        List<String> problems = new ArrayList<>();
        add(problems, "Workspace folder", workspaceError.get());
        add(problems, "Docker host", dockerHostError.get());
        add(problems, "Endpoint port", portError.get());
        add(problems, "Keep-alive", keepAliveError.get());
        return problems;
    }

    private static void add(List<String> problems, String field, String rule) {
        if (!rule.isEmpty()) problems.add(field + " " + rule);
    }

    /** Pings the Docker host as typed (blank: the usual places) in the background. */
    public void testDocker() {
        String host = dockerHost.get().trim();
        if (!dockerHostError.get().isEmpty()) {
            report(dockerStatus, "Fix the Docker host first: it " + dockerHostError.get(), false);
            return;
        }
        cancelDockerCheck();
        testing.set(true);
        dockerReachable.set(null);
        dockerStatus.set(host.isEmpty() ? "Looking for Docker…" : "Connecting to " + host + "…");
        dockerCheck = tasks.run(() -> LocalRuntime.checkDocker(host))
                .onSuccess(found -> report(dockerStatus, "Connected: " + found, true))
                .onFailure(e -> report(dockerStatus, capitalised(TaskRunner.describe(e)), false))
                .andFinally(() -> testing.set(false));
    }

    /** A check of an earlier host (or of a closed page) no longer reports. */
    private void cancelDockerCheck() {
        TaskRunner.Task<?> running = dockerCheck;
        dockerCheck = null;
        if (running != null) running.cancel();
    }

    private void report(ReadOnlyStringWrapper target, String text, boolean reachable) {
        target.set(text);
        dockerReachable.set(reachable);
    }

    private static String capitalised(String text) {
        if (text == null || text.isEmpty()) return "Docker did not answer";
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Validates everything (the folder again, on disk) and hands the settings to the shell. */
    public void save() {
        if (saving.get()) return;
        List<String> problems = validate();
        if (!problems.isEmpty()) {
            fail("Not saved: " + String.join("; ", problems));
            return;
        }
        String folderText = workspace.get();
        saving.set(true);
        message.set("");
        tasks.run(() -> FolderCheck.of(folderText)).onSuccess(check -> {
            workspaceError.set(check.problem());
            if (!check.ok()) {
                fail("Not saved: Workspace folder " + check.problem());
                return;
            }
            apply(settings(check));
        }).onFailure(e -> fail("Not saved: " + TaskRunner.describe(e))).andFinally(() -> saving.set(false));
    }

    private ConsoleSettings settings(FolderCheck folder) {
        return saved.withWorkspace(folder.folder()).withBackend(backend.get().id())
                .withDockerHost(dockerHost.get().trim()).withEndpointPort(Integer.parseInt(port.get().trim()))
                .withDarkTheme(theme.get() == Theme.DARK).withKeepAliveMinutes(Integer.parseInt(keepAlive.get().trim()))
                .withEndpointInFunctions(endpointInFunctions.get());
    }

    private void apply(ConsoleSettings next) {
        try {
            shell.applySettings(next);
        } catch (RuntimeException e) {
            fail("Not saved: " + TaskRunner.describe(e));
            return;
        }
        boolean restart = next.engineDiffers(saved);
        saved = next;
        show(next);
        dirty.set(false);
        failed.set(false);
        message.set(restart ? "Saved. The engine restarts with the new settings." : "Saved.");
    }

    /** Shows the saved settings again. */
    public void revert() {
        show(saved);
        dirty.set(false);
        message.set("");
        failed.set(false);
    }

    /** Checks still running (folder, Docker) no longer report. */
    public void close() {
        folderChecks++;
        cancelDockerCheck();
    }

    private void fail(String text) {
        message.set(text);
        failed.set(true);
    }
}
