package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.Workspace;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Concurrency: reserved concurrency (none, or up to the engine's concurrency limit, as PutFunctionConcurrency
 * allows) and provisioned concurrency (environments the engine starts ahead and keeps warm; never more than
 * the reserved concurrency when one is set).
 */
public final class ConcurrencyViewModel extends SectionViewModel<ConcurrencyViewModel.State> {
    /** The function's configuration and what the other functions of the workspace reserve. */
    public record State(FunctionConfig config, int reservedByOthers) { }

    private final Workspace workspace;
    private final int limit;
    private final StringProperty reserved = new SimpleStringProperty("");
    private final StringProperty provisioned = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper reservedError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper provisionedError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unreserved = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reservedHint = new ReadOnlyStringWrapper("");
    private int reservedByOthers;

    /** {@code limit}: the engine's concurrency limit across all functions. */
    public ConcurrencyViewModel(String function, Workspace workspace, int limit, TaskRunner tasks) {
        super("Concurrency", function, tasks);
        this.workspace = workspace;
        this.limit = limit;
        reserved.addListener((o, was, now) -> edited());
        provisioned.addListener((o, was, now) -> edited());
    }

    /** Reserved concurrency; blank: none (the function shares the unreserved pool). */
    public StringProperty reservedProperty() { return reserved; }
    /** Provisioned concurrency; blank or 0: none. */
    public StringProperty provisionedProperty() { return provisioned; }
    public ReadOnlyStringProperty reservedError() { return reservedError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty provisionedError() { return provisionedError.getReadOnlyProperty(); }
    /** e.g. "Unreserved concurrency: 900 of the engine's 1000". */
    public ReadOnlyStringProperty unreservedProperty() { return unreserved.getReadOnlyProperty(); }
    /** What the typed reserved value means (0 throttles everything). */
    public ReadOnlyStringProperty reservedHint() { return reservedHint.getReadOnlyProperty(); }
    public int limit() { return limit; }

    @Override
    protected State read() {
        FunctionConfig config = workspace.read(function);
        int others = workspace.functions().stream().filter(f -> !f.functionName().equals(function))
                .mapToInt(f -> f.reservedConcurrentExecutions() == null ? 0 : f.reservedConcurrentExecutions()).sum();
        return new State(config, others);
    }

    @Override
    protected void show(State s) {
        reservedByOthers = s.reservedByOthers();
        reserved.set(text(s.config().reservedConcurrentExecutions()));
        provisioned.set(text(s.config().provisionedConcurrentExecutions()));
    }

    private static String text(Integer value) { return value == null ? "" : String.valueOf(value); }

    @Override
    protected Object formState() { return List.of(reserved.get().trim(), provisioned.get().trim()); }

    @Override
    protected Object formOf(State s) {
        return List.of(text(s.config().reservedConcurrentExecutions()), text(s.config().provisionedConcurrentExecutions()));
    }

    @Override
    protected List<String> validate() {
        WholeNumber r = WholeNumber.parse(reserved.get(), true);
        WholeNumber p = WholeNumber.parse(provisioned.get(), true);
        reservedError.set(r.problem());
        provisionedError.set(p.problem());
        if (r.value() != null && (r.value() < 0 || r.value() > limit)) {
            reservedError.set("must be between 0 and " + limit + " (the engine's concurrency limit)");
        }
        if (p.value() != null && p.value() < 0) {
            provisionedError.set("must be 0 or more");
        } else if (p.value() != null && r.value() != null && r.ok() && p.value() > r.value()) {
            provisionedError.set("must not exceed the reserved concurrency (" + r.value() + ")");
        } else if (p.value() != null && p.value() > limit) {
            provisionedError.set("must not exceed the engine's concurrency limit (" + limit + ")");
        }
        int mine = r.value() == null || !reservedError.get().isEmpty() ? 0 : r.value();
        unreserved.set("Unreserved concurrency: " + Math.max(0, limit - reservedByOthers - mine) + " of the engine's "
                + limit);
        reservedHint.set(Objects.equals(r.value(), 0) ? "0 throttles every invocation of this function" : "");
        List<String> problems = new ArrayList<>();
        if (!reservedError.get().isEmpty()) problems.add("Reserved concurrency " + reservedError.get());
        if (!provisionedError.get().isEmpty()) problems.add("Provisioned concurrency " + provisionedError.get());
        return problems;
    }

    @Override
    protected Callable<State> saveWork() {
        Integer r = WholeNumber.parse(reserved.get(), true).value();
        Integer typed = WholeNumber.parse(provisioned.get(), true).value();
        Integer p = typed == null || typed == 0 ? null : typed;
        return () -> {
            workspace.updateConfiguration(function, b -> b.reservedConcurrentExecutions(r).provisionedConcurrentExecutions(p));
            return read();
        };
    }
}
