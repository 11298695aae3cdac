package dev.lambdaconsole.app.monitor.tuning;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.tuning.PowerTuner;
import dev.lambdaconsole.runtime.tuning.Recommendation;
import dev.lambdaconsole.runtime.tuning.Strategy;
import dev.lambdaconsole.runtime.tuning.TuningCancel;
import dev.lambdaconsole.runtime.tuning.TuningPlan;
import dev.lambdaconsole.runtime.tuning.TuningProgress;
import dev.lambdaconsole.runtime.tuning.TuningRun;
import dev.lambdaconsole.runtime.tuning.VariantStats;
import dev.lambdaconsole.runtime.workspace.TestEvents;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Monitor → Power tuning of one function: the form (saved test event, invocations per size, memory sizes,
 * architectures the backend can run, strategy), a run with progress and cancel, and the run shown — its rows
 * for the table and the charts, its recommendation with the reason, what the backend could not do — and the
 * earlier runs. The run itself goes through the task runner; its progress reaches the UI at most once per
 * update the UI takes.
 */
public final class PowerTuningViewModel {
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault());
    private final String function;
    private final PowerTuner tuner;
    private final TestEvents events;
    private final TaskRunner tasks;
    private final ObservableList<String> eventNames = FXCollections.observableArrayList();
    private final StringProperty event = new SimpleStringProperty();
    private final IntegerProperty invocations = new SimpleIntegerProperty(10);
    private final List<SizeOption> sizes = new ArrayList<>();
    private final List<SizeOption> architectures = List.of(new SizeOption("x86_64", "x86_64", true),
            new SizeOption("arm64", "arm64", true));
    private final ObjectProperty<Strategy> strategy = new SimpleObjectProperty<>(Strategy.COST);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper backendNotes = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TuningRun> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper recommendation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runNotes = new ReadOnlyStringWrapper("");
    private final ObservableList<VariantRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TuningRun> history = FXCollections.observableArrayList();
    private final AtomicReference<TuningProgress> latest = new AtomicReference<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private TuningCancel cancel;
    private TaskRunner.Task<TuningRun> task;

    public PowerTuningViewModel(String function, PowerTuner tuner, TestEvents events, TaskRunner tasks) {
        this.function = function;
        this.tuner = tuner;
        this.events = events;
        this.tasks = tasks;
        for (int size : TuningPlan.DEFAULT_SIZES) {
            sizes.add(new SizeOption(Integer.toString(size), size + " MB", true));
        }
    }

    public ObservableList<String> eventNames() { return eventNames; }
    public StringProperty eventProperty() { return event; }
    public IntegerProperty invocationsProperty() { return invocations; }
    public List<SizeOption> sizes() { return sizes; }
    public List<SizeOption> architectures() { return architectures; }
    public ObjectProperty<Strategy> strategyProperty() { return strategy; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** 0 to 1 while a run goes on. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** "512 MB x86_64: invocation 3 of 10 (23 of 60)". */
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    /** What went wrong with the last action, or "". */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** What this backend cannot do (no memory limits; architectures it cannot run), before a run. */
    public ReadOnlyStringProperty backendNotesProperty() { return backendNotes.getReadOnlyProperty(); }
    /** The run whose results are shown (the last one, or one picked from the history). */
    public ReadOnlyObjectProperty<TuningRun> shownProperty() { return shown.getReadOnlyProperty(); }
    /** "Recommended (cost): 256 MB x86_64: the lowest average cost…", or why there is none. */
    public ReadOnlyStringProperty recommendationProperty() { return recommendation.getReadOnlyProperty(); }
    /** The shown run's notes (backend limits, skipped architectures) and price table. */
    public ReadOnlyStringProperty runNotesProperty() { return runNotes.getReadOnlyProperty(); }
    /** The shown run's variants in memory order, architectures one after the other. */
    public ObservableList<VariantRow> rows() { return rows; }
    /** Earlier runs of the function, newest first. */
    public ObservableList<TuningRun> history() { return history; }

    /** Reads the saved test events, the earlier runs and what the backend can run. */
    public void refresh() {
        tasks.run(() -> new Loaded(events.names(function), tuner.store().list(function),
                Map.of("x86_64", tuner.cannotRun("x86_64"), "arm64", tuner.cannotRun("arm64")),
                tuner.notes(List.of()))).onSuccess(loaded -> {
            eventNames.setAll(loaded.events());
            if (event.get() == null || !loaded.events().contains(event.get())) {
                event.set(loaded.events().isEmpty() ? null : loaded.events().get(0));
            }
            history.setAll(loaded.runs());
            for (SizeOption a : architectures) a.unavailable(loaded.cannotRun().get(a.value()).orElse(null));
            List<String> notes = new ArrayList<>(loaded.backendNotes());
            architectures.stream().filter(a -> a.unavailableProperty().get() != null)
                    .forEach(a -> notes.add(a.value() + " cannot run here: " + a.unavailableProperty().get() + "."));
            backendNotes.set(String.join(" ", notes));
            if (shown.get() == null && !loaded.runs().isEmpty()) show(loaded.runs().get(0));
            message.set(loaded.events().isEmpty()
                    ? "Save a test event in the Test tab first: a tuning run invokes one of them." : "");
        }).onFailure(e -> message.set("Could not read the tuning runs: " + TaskRunner.describe(e)));
    }

    private record Loaded(List<String> events, List<TuningRun> runs, Map<String, Optional<String>> cannotRun,
                          List<String> backendNotes) { }

    /** The plan the form describes now. */
    public TuningPlan plan() {
        return TuningPlan.of(function, event.get(), invocations.get(),
                sizes.stream().filter(SizeOption::chosen).map(s -> Integer.parseInt(s.value())).toList(),
                architectures.stream().filter(SizeOption::chosen).map(SizeOption::value).toList(), strategy.get());
    }

    /** Starts a run of the form's plan; refused with the rules it breaks. */
    public void run() {
        if (running.get()) return;
        TuningPlan plan = plan();
        try {
            plan.validate();
        } catch (RuntimeException e) {
            message.set(e.getMessage());
            return;
        }
        message.set("");
        show(null); // the sizes of this run appear as they finish
        running.set(true);
        progress.set(0);
        progressText.set("Starting");
        TuningCancel token = new TuningCancel();
        cancel = token;
        task = tasks.run(() -> tuner.run(plan, this::progressed, token));
        task.onSuccess(run -> {
            show(run);
            history.add(0, run);
            if (run.state() == TuningRun.State.FAILED) message.set("The run stopped: " + run.failure());
        }).onFailure(e -> message.set("The tuning run failed: " + TaskRunner.describe(e))).andFinally(() -> {
            running.set(false);
            cancel = null;
        });
    }

    /** Stops the run: the invocation under way ends with its environment, the rest do not run. */
    public void cancel() {
        TuningCancel token = cancel;
        if (token != null) {
            token.cancel();
            progressText.set("Cancelling…");
        }
    }

    /** Called on the tuning thread after each invocation: the newest progress is shown at the next UI update. */
    private void progressed(TuningProgress p) {
        latest.set(p);
        if (drainScheduled.compareAndSet(false, true)) tasks.onUi(this::drain);
    }

    private void drain() {
        drainScheduled.set(false);
        TuningProgress p = latest.getAndSet(null);
        if (p == null || !running.get()) return;
        progress.set(p.fraction());
        progressText.set(p.current() + " (" + p.done() + " of " + p.total() + ")");
        if (cancel != null && cancel.cancelled()) progressText.set("Cancelling…");
        rows.setAll(rowsOf(p.finished(), null));
    }

    /** Shows {@code run}'s results. */
    public void show(TuningRun run) {
        shown.set(run);
        if (run == null) {
            rows.clear();
            recommendation.set("");
            runNotes.set("");
            return;
        }
        rows.setAll(rowsOf(run.variants(), run.recommendation()));
        Recommendation r = run.recommendation();
        String state = switch (run.state()) {
            case COMPLETED -> "";
            case CANCELLED -> "Cancelled after " + run.variants().size()
                    + (run.variants().size() == 1 ? " size. " : " sizes. ");
            case FAILED -> "Stopped: " + run.failure() + ". ";
        };
        recommendation.set(state + (r == null ? "No recommendation: no size ran without errors."
                : "Recommended (" + r.strategy().label().toLowerCase(java.util.Locale.ROOT) + "): " + r.reason()));
        // what the form already says of this backend is not repeated
        List<String> notes = new ArrayList<>(run.notes().stream().filter(n -> !backendNotes.get().contains(n)).toList());
        notes.add(run.priceLabel() + ".");
        runNotes.set(String.join(" ", notes));
    }

    private static List<VariantRow> rowsOf(List<VariantStats> variants, Recommendation r) {
        return variants.stream().sorted(java.util.Comparator.comparing(VariantStats::architecture)
                        .thenComparingInt(VariantStats::memoryMb))
                .map(v -> VariantRow.of(v, r != null && r.memoryMb() == v.memoryMb()
                        && r.architecture().equals(v.architecture()))).toList();
    }

    /** An entry of the history: "2026-12-04 18:45:12 · quick" and, below, "2 variants × 5 invocations, cost: 256 MB x86_64". */
    public static String describe(TuningRun run) {
        return TIME.format(java.time.Instant.ofEpochMilli(run.startedMs())) + " · " + run.eventName() + "\n"
                + run.summary();
    }
}
