package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.Workspace;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * A section edited as a table of keys and values and saved as a whole (environment variables, tags): rows
 * are added, removed and edited in place; every row says what is wrong with it.
 */
public abstract class KeyValueViewModel extends SectionViewModel<FunctionConfig> {
    protected final Workspace workspace;
    private final ObservableList<KeyValueRow> rows = FXCollections.observableArrayList(
            r -> new Observable[] {r.keyProperty(), r.valueProperty()});
    private final ReadOnlyStringWrapper tableError = new ReadOnlyStringWrapper("");
    protected FunctionConfig current;

    protected KeyValueViewModel(String title, String function, Workspace workspace, TaskRunner tasks) {
        super(title, function, tasks);
        this.workspace = workspace;
        rows.addListener((ListChangeListener<KeyValueRow>) c -> edited());
    }

    public ObservableList<KeyValueRow> rows() { return rows; }
    /** What is wrong with the table as a whole (first row problem, size, count); empty when it is fine. */
    public ReadOnlyStringProperty tableError() { return tableError.getReadOnlyProperty(); }

    /** Adds an empty row at the end and returns it (for the view to focus). */
    public KeyValueRow add() {
        KeyValueRow row = new KeyValueRow("", "");
        rows.add(row);
        return row;
    }

    public void remove(KeyValueRow row) { rows.remove(row); }

    /** The pairs stored in {@code config}. */
    protected abstract Map<String, String> stored(FunctionConfig config);

    /** Row and table rules; returns the table-wide problem (e.g. over a size limit) or "". */
    protected abstract String check(List<KeyValueRow> rows, Map<String, String> pairs);

    /** How the configuration takes the pairs (none: null, so the field is left out of function.json). */
    protected abstract UnaryOperator<FunctionConfig.Builder> store(Map<String, String> pairs);

    /** What a row is called in messages, e.g. "Variable" or "Tag". */
    protected abstract String noun();

    /** What its key is called, e.g. "name" or "key". */
    protected abstract String keyWord();

    @Override
    protected FunctionConfig read() { return workspace.read(function); }

    @Override
    protected void show(FunctionConfig config) {
        current = config;
        List<KeyValueRow> fresh = new ArrayList<>();
        stored(config).forEach((k, v) -> fresh.add(new KeyValueRow(k, v == null ? "" : v)));
        rows.setAll(fresh);
    }

    @Override
    protected Object formState() { return rows.stream().map(KeyValueRow::pair).toList(); }

    @Override
    protected Object formOf(FunctionConfig config) {
        return stored(config).entrySet().stream().map(e -> List.of(e.getKey(), e.getValue() == null ? "" : e.getValue()))
                .toList();
    }

    /** The rows as a map; later duplicates are flagged, not merged. */
    protected Map<String, String> pairs() {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (KeyValueRow r : rows) pairs.putIfAbsent(r.key(), r.value());
        return pairs;
    }

    @Override
    protected List<String> validate() {
        rows.forEach(KeyValueRow::clearProblem);
        Set<String> seen = new HashSet<>();
        for (KeyValueRow r : rows) {
            if (r.key().isEmpty()) {
                r.problem(r.value().isEmpty() ? "empty row: fill it in or remove it" : "needs a " + keyWord());
            } else if (!seen.add(r.key())) {
                r.problem("appears twice; each " + keyWord() + " must be unique");
            }
        }
        String tableProblem = check(rows, pairs());
        List<String> problems = new ArrayList<>();
        for (KeyValueRow r : rows) {
            if (!r.errorProperty().get().isEmpty()) {
                problems.add(noun() + " " + (r.key().isEmpty() ? "in row " + (rows.indexOf(r) + 1) : r.key()) + ": "
                        + r.errorProperty().get());
            }
        }
        if (!tableProblem.isEmpty()) problems.add(0, tableProblem);
        tableError.set(problems.isEmpty() ? "" : problems.get(0));
        return problems;
    }

    @Override
    protected Callable<FunctionConfig> saveWork() {
        UnaryOperator<FunctionConfig.Builder> change = store(pairs());
        return () -> workspace.updateConfiguration(function, change);
    }
}
