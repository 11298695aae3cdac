package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.app.cost.CostSummary;
import dev.lambdaconsole.app.cost.CostText;
import dev.lambdaconsole.app.cost.MonthlyProjection;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.pricing.LambdaPricing;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Monitor's cost of one function: the invocations of the chosen time range (count, GB-seconds, estimated price,
 * growing as new ones are recorded) and a monthly projection from a typed rate, with and without the free tier.
 * Power-tuning runs are not counted. Every figure is an estimate from one price table, which {@link #label()} names.
 */
public final class CostViewModel implements AutoCloseable {
    /** The newest invocations the summary reads at most. */
    static final int LIMIT = 100_000;
    /** The time ranges offered (a custom range is the log viewer's). */
    public static final List<TimeRange> RANGES = List.of(TimeRange.LAST_5_MINUTES, TimeRange.LAST_15_MINUTES,
            TimeRange.LAST_HOUR, TimeRange.LAST_DAY, TimeRange.ALL);

    private final String function;
    private final LogStore store;
    private final Workspace workspace;
    private final TaskRunner tasks;
    private final LambdaPricing pricing;
    private final LongSupplier clock;
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(TimeRange.ALL);
    private final ReadOnlyObjectWrapper<CostSummary> summary = new ReadOnlyObjectWrapper<>(CostSummary.NONE);
    private final ReadOnlyStringWrapper invocations = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper gbSeconds = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cost = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper costDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final StringProperty monthlyInvocations = new SimpleStringProperty("1000000");
    private final StringProperty averageDuration = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper averageHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MonthlyProjection> projection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper basis = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper withFreeTier = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper withFreeTierDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper withoutFreeTier = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper withoutFreeTierDetail = new ReadOnlyStringWrapper("");
    private final Queue<InvocationRecord> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Set<String> counted = new HashSet<>();
    private final Runnable unsubscribe;
    private final Consumer<WorkspaceChange> configListener = this::workspaceChanged;
    private FunctionConfig config;
    /** The first millisecond of the range counted (null: all time). */
    private Long rangeFrom;
    private boolean truncated;
    private boolean loaded;
    private boolean closed;
    private long generation;

    public CostViewModel(String function, LogStore store, Workspace workspace, TaskRunner tasks) {
        this(function, store, workspace, tasks, LambdaPricing.US_EAST_1, System::currentTimeMillis);
    }

    public CostViewModel(String function, LogStore store, Workspace workspace, TaskRunner tasks,
                         LambdaPricing pricing, LongSupplier clock) {
        this.function = function;
        this.store = store;
        this.workspace = workspace;
        this.tasks = tasks;
        this.pricing = pricing;
        this.clock = clock;
        range.addListener((o, was, now) -> refresh());
        monthlyInvocations.addListener((o, was, now) -> project());
        averageDuration.addListener((o, was, now) -> project());
        unsubscribe = store.subscribeInvocations(records -> {
            boolean any = false;
            for (InvocationRecord r : records) {
                if (r.functionName().equals(function)) {
                    arrived.add(r);
                    any = true;
                }
            }
            if (any && drainScheduled.compareAndSet(false, true)) tasks.onUi(this::drain);
        });
        workspace.addListener(configListener);
        show();
    }

    public ObjectProperty<TimeRange> rangeProperty() { return range; }
    public ReadOnlyObjectProperty<CostSummary> summaryProperty() { return summary.getReadOnlyProperty(); }
    /** "5 invocations (2 cold starts, 1 error)". */
    public ReadOnlyStringProperty invocationsProperty() { return invocations.getReadOnlyProperty(); }
    /** "0.0375 GB-s". */
    public ReadOnlyStringProperty gbSecondsProperty() { return gbSeconds.getReadOnlyProperty(); }
    /** "≈ $0.0000063". */
    public ReadOnlyStringProperty costProperty() { return cost.getReadOnlyProperty(); }
    /** What the cost is made of and at which prices. */
    public ReadOnlyStringProperty costDetailProperty() { return costDetail.getReadOnlyProperty(); }
    /** Why the invocations could not be read; empty when they were. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** "Estimate · US East (N. Virginia) prices of 2026-08-01". */
    public String label() { return pricing.label(); }
    public StringProperty monthlyInvocationsProperty() { return monthlyInvocations; }
    /** Milliseconds as typed; empty takes the average billed duration of the invocations in range. */
    public StringProperty averageDurationProperty() { return averageDuration; }
    /** What an empty average duration stands for: "12 ms, the average billed duration in range". */
    public ReadOnlyStringProperty averageHintProperty() { return averageHint.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<MonthlyProjection> projectionProperty() { return projection.getReadOnlyProperty(); }
    /** What is wrong with the typed rate or duration; empty when the projection is shown. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty basisProperty() { return basis.getReadOnlyProperty(); }
    public ReadOnlyStringProperty withFreeTierProperty() { return withFreeTier.getReadOnlyProperty(); }
    public ReadOnlyStringProperty withFreeTierDetailProperty() { return withFreeTierDetail.getReadOnlyProperty(); }
    public ReadOnlyStringProperty withoutFreeTierProperty() { return withoutFreeTier.getReadOnlyProperty(); }
    public ReadOnlyStringProperty withoutFreeTierDetailProperty() { return withoutFreeTierDetail.getReadOnlyProperty(); }

    /** Reads the function's configuration and the invocations of the time range again. */
    public void refresh() {
        if (closed) return;
        long at = ++generation;
        TimeRange chosen = range.get() == null ? TimeRange.ALL : range.get();
        Long from = chosen.fromMs(clock.getAsLong());
        tasks.run(() -> new Loaded(workspace.read(function), store.invocations(function, LIMIT))).onSuccess(l -> {
            if (closed || at != generation) return;
            config = l.config();
            rangeFrom = from;
            counted.clear();
            CostSummary s = CostSummary.NONE;
            for (InvocationRecord r : l.records()) {
                if (from != null && r.startMs() < from) break; // newest first
                if (!CostSummary.counts(r)) continue;
                counted.add(r.requestId());
                s = s.plus(r, pricing);
            }
            truncated = l.records().size() == LIMIT
                    && (from == null || l.records().get(LIMIT - 1).startMs() >= from);
            summary.set(s);
            loaded = true;
            message.set("");
            drain();
            show();
        }).onFailure(e -> message.set("Could not read the invocations: " + TaskRunner.describe(e)));
    }

    private record Loaded(FunctionConfig config, List<InvocationRecord> records) { }

    /** Counts the invocations recorded since, in range; those already counted are skipped. */
    private void drain() {
        drainScheduled.set(false);
        if (closed || !loaded) return;
        CostSummary s = summary.get();
        boolean any = false;
        for (InvocationRecord r; (r = arrived.poll()) != null; ) {
            if ((rangeFrom == null || r.startMs() >= rangeFrom) && CostSummary.counts(r) && counted.add(r.requestId())) {
                s = s.plus(r, pricing);
                any = true;
            }
        }
        if (!any) return;
        summary.set(s);
        show();
    }

    private void workspaceChanged(WorkspaceChange change) {
        if (!function.equals(change.functionName()) || change.kind() != WorkspaceChange.Kind.CONFIGURATION) return;
        tasks.onUi(() -> tasks.run(() -> workspace.read(function)).onSuccess(c -> {
            if (closed) return;
            config = c;
            project();
        }));
    }

    private void show() {
        CostSummary s = summary.get();
        long n = s.invocations();
        invocations.set(String.format(Locale.ROOT, "%s invocation%s (%d cold start%s, %d error%s)",
                CostText.number(n), n == 1 ? "" : "s", s.coldStarts(), s.coldStarts() == 1 ? "" : "s",
                s.errors(), s.errors() == 1 ? "" : "s"));
        gbSeconds.set(CostText.gbSeconds(s.gbSeconds()));
        cost.set("≈ " + LambdaPricing.usd(s.totalUsd()));
        costDetail.set("Duration " + LambdaPricing.usd(s.computeUsd()) + " + requests "
                + LambdaPricing.usd(s.requestUsd()) + " + ephemeral storage " + LambdaPricing.usd(s.ephemeralUsd())
                + ", each invocation at the first tier's price, before the free tier"
                + (truncated ? "; only the newest " + CostText.number(LIMIT) + " invocations are counted" : "")
                + " (" + CostText.estimate(pricing) + ").");
        averageHint.set(n == 0 ? "no invocations in range: type one"
                : CostText.number(Math.ceil(s.averageBilledMs())) + " ms, the average billed duration in range");
        project();
    }

    private void project() {
        if (!loaded) return;
        MonthlyProjection p = MonthlyProjection.of(monthlyInvocations.get(), averageDuration.get(),
                Math.ceil(summary.get().averageBilledMs()), config, pricing);
        projection.set(p);
        problem.set(p.problem());
        basis.set(p.ok() ? p.basis() : "");
        withFreeTier.set(p.ok() ? MonthlyProjection.total(p.withFreeTier()) : "");
        withFreeTierDetail.set(p.ok() ? MonthlyProjection.breakdown(p.withFreeTier()) : "");
        withoutFreeTier.set(p.ok() ? MonthlyProjection.total(p.withoutFreeTier()) : "");
        withoutFreeTierDetail.set(p.ok() ? MonthlyProjection.breakdown(p.withoutFreeTier()) : "");
    }

    @Override
    public void close() {
        closed = true;
        unsubscribe.run();
        workspace.removeListener(configListener);
    }
}
