package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.common.ProgressBoard;
import dev.lambdaconsole.app.common.ShellActions;
import dev.lambdaconsole.app.common.ConsoleSettings;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.BackendProgress;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.simulators.SimulatorServices;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.net.BindException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The main window's state: the engine starting in the background (so the window shows at once), what backend
 * runs and why (the banner), the endpoint's address, restarts after a settings change or a Docker retry, and
 * navigation: which page or function the window shows ({@link #destinationProperty()}), remembered across starts.
 */
public final class ShellViewModel implements ShellActions, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ShellViewModel.class.getName());
    public enum State { STARTING, READY, FAILED }

    private final TaskRunner tasks;
    private final ProgressBoard progress;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.STARTING);
    private final ReadOnlyObjectWrapper<LocalRuntime> runtime = new ReadOnlyObjectWrapper<>();
    private volatile SimulatorServices simulators;
    private final ReadOnlyStringWrapper engineText = new ReadOnlyStringWrapper("Starting the engine…");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper endpointUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Destination> destination =
            new ReadOnlyObjectWrapper<>(Destination.page(Destination.Kind.FUNCTIONS));
    private final java.util.function.Consumer<ConsoleSettings> saveSettings;
    private ConsoleSettings settings;
    private String pendingFunction;
    private final javafx.beans.property.ReadOnlyIntegerWrapper settingsVersion =
            new javafx.beans.property.ReadOnlyIntegerWrapper();

    public ShellViewModel(ConsoleSettings settings, TaskRunner tasks, ProgressBoard progress) {
        this(settings, tasks, progress, s -> { });
    }

    /** @param saveSettings keeps settings the user applied (the app writes them to its settings file) */
    public ShellViewModel(ConsoleSettings settings, TaskRunner tasks, ProgressBoard progress,
                          java.util.function.Consumer<ConsoleSettings> saveSettings) {
        this.settings = settings;
        this.tasks = tasks;
        this.progress = progress;
        this.saveSettings = saveSettings;
        this.pendingFunction = settings.lastFunction();
    }

    /** Where the window is; changes on every navigation. */
    public ReadOnlyObjectProperty<Destination> destinationProperty() { return destination.getReadOnlyProperty(); }

    /** The function page shown now, "" on another page (remembered as the settings' last function). */
    public String openFunction() { return destination.get().openFunction(); }

    @Override
    public void showFunctions() { go(Destination.page(Destination.Kind.FUNCTIONS)); }

    @Override
    public void showCreateFunction() { go(Destination.page(Destination.Kind.CREATE_FUNCTION)); }

    @Override
    public void showServices() { go(Destination.page(Destination.Kind.SERVICES)); }

    public void showLayers() { go(Destination.page(Destination.Kind.LAYERS)); }

    /** Settings open in any state: with the engine down they are how the user fixes what broke it. */
    @Override
    public void showSettings() { destination.set(Destination.page(Destination.Kind.SETTINGS)); }

    @Override
    public void openFunction(String name) { openFunction(name, "codeTab"); }

    @Override
    public void openFunction(String name, String tabId) { go(Destination.function(name, tabId, "")); }

    @Override
    public void openInvocation(String function, String requestId) {
        go(Destination.function(function, "monitorTab", requestId));
    }

    /** Pages other than Settings need the engine: asked for while it starts or is down, they are ignored. */
    private void go(Destination next) {
        if (state.get() != State.READY) return;
        destination.set(next);
    }

    /**
     * Saves the settings and applies them: the theme at once (the saver), engine settings by restarting the engine
     * in the background; the window size and the function open now are kept.
     */
    @Override
    public void applySettings(ConsoleSettings next) {
        ConsoleSettings before = settings;
        ConsoleSettings merged = next.withWindow(before.windowWidth(), before.windowHeight())
                .withLastFunction(openFunction());
        saveSettings.accept(merged);
        if (merged.engineDiffers(before)) {
            pendingFunction = null;
            restart(merged);
        } else {
            settingsChanged(merged);
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    /** The running engine once {@link State#READY}; null while starting or after a failure. */
    public ReadOnlyObjectProperty<LocalRuntime> runtimeProperty() { return runtime.getReadOnlyProperty(); }
    /** For the status bar, e.g. "docker backend (engine 26.1.5 at unix:///var/run/docker.sock, Lambda's limits)". */
    public ReadOnlyStringProperty engineTextProperty() { return engineText.getReadOnlyProperty(); }
    /** Why the engine is not what the settings ask for (Docker not found, port taken); empty when all is well. */
    public ReadOnlyStringProperty bannerProperty() { return banner.getReadOnlyProperty(); }
    public ReadOnlyStringProperty endpointUrlProperty() { return endpointUrl.getReadOnlyProperty(); }
    /** Why the engine could not start at all; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ConsoleSettings settings() { return settings; }
    /** The local services started with the running engine (null while starting or after a failure). */
    public SimulatorServices simulators() { return runtime.get() == null ? null : simulators; }

    /** Starts the engine in the background with the current settings. */
    public void start() {
        state.set(State.STARTING);
        engineText.set("Starting the engine (" + settings.backend() + " backend)…");
        error.set("");
        ConsoleSettings wanted = settings;
        ProgressBoard.Entry entry = progress.start("Starting the engine");
        tasks.run(() -> startEngine(wanted)).onSuccess(started -> {
            runtime.set(started.runtime());
            engineText.set(started.runtime().backendDescription());
            endpointUrl.set(started.runtime().endpoint().url());
            banner.set(started.notice());
            state.set(State.READY);
            restoreLastFunction(started.runtime());
        }).onFailure(e -> {
            LOG.log(Level.WARNING, "The engine could not start", e);
            error.set("The engine could not start: " + TaskRunner.describe(e));
            engineText.set("Engine stopped");
            state.set(State.FAILED);
        }).andFinally(entry::done);
    }

    /** Stops the running engine (in the background) and starts it again with {@code next}. */
    public void restart(ConsoleSettings next) {
        settings = next;
        LocalRuntime old = runtime.get();
        runtime.set(null);
        state.set(State.STARTING);
        engineText.set("Restarting the engine…");
        tasks.run(() -> {
            if (old != null) old.close();
            return true;
        }).andFinally(this::start);
    }

    /** After the first start: the function open when the console last closed, if it still exists. */
    private void restoreLastFunction(LocalRuntime started) {
        String last = pendingFunction;
        pendingFunction = null;
        if (last == null || last.isBlank()) {
            // a restart keeps the page the user was on (the window rebuilds it on the new engine)
            if (destination.get().kind() == Destination.Kind.CREATE_FUNCTION) showFunctions();
            return;
        }
        tasks.run(() -> started.workspace().exists(last)).onSuccess(exists -> {
            if (exists) openFunction(last); else showFunctions();
        }).onFailure(e -> showFunctions());
    }

    /** Tries Docker again after the user started it (the banner's Retry). */
    public void retry() { restart(settings); }

    /** Settings changed without an engine restart (theme, window): remembered for the next start. */
    public void settingsChanged(ConsoleSettings next) {
        settings = next;
        settingsVersion.set(settingsVersion.get() + 1);
    }

    /** Grows whenever the settings change without a restart, so pages built from them are rebuilt. */
    public javafx.beans.property.ReadOnlyIntegerProperty settingsVersionProperty() {
        return settingsVersion.getReadOnlyProperty();
    }

    private record Started(LocalRuntime runtime, String notice) { }

    private Started startEngine(ConsoleSettings s) {
        SimulatorServices services = new SimulatorServices();
        simulators = services;
        LocalRuntime.Options options = LocalRuntime.Options.defaults().withWorkspace(s.workspace())
                .withBackend(s.backend()).withDockerHost(s.dockerHost()).withPort(s.endpointPort())
                .withSettings(LocalRuntime.Options.defaults().settings()
                        .withKeepAlive(Duration.ofMinutes(s.keepAliveMinutes()))
                        .withEndpointInFunctions(s.endpointInFunctions()))
                .withProgress(this::report)
                .withServices(java.util.List.of(services));
        LocalRuntime started;
        String portNotice = null;
        try {
            started = LocalRuntime.start(options);
        } catch (RuntimeException e) {
            if (!isBindFailure(e) || s.endpointPort() == 0) throw e;
            started = LocalRuntime.start(options.withPort(0));
            portNotice = "Port " + s.endpointPort() + " is in use (another Lambda Console or `serve`?), so the "
                    + "endpoint listens on " + started.endpoint().url() + " instead. Change the port in Settings.";
        }
        String notice = started.backendNotice().orElse(null);
        if (notice != null && portNotice != null) notice = notice + " " + portNotice;
        else if (notice == null) notice = portNotice;
        return new Started(started, notice == null ? "" : notice);
    }

    private void report(BackendProgress p) {
        ProgressBoard.Entry entry = progress.entry(p.task());
        if (p.finished()) entry.done(); else entry.update(p.detail(), p.fraction());
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) return true;
            if (t.getMessage() != null && t.getMessage().contains("Address already in use")) return true;
        }
        return false;
    }

    @Override
    public void close() {
        LocalRuntime r = runtime.get();
        runtime.set(null);
        if (r != null) r.close();
    }
}
