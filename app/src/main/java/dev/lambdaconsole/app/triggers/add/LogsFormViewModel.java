package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.logs.LogGroupInfo;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.logs.api.SubscriptionFilters;
import dev.lambdaconsole.runtime.logs.filter.FilterPattern;
import dev.lambdaconsole.runtime.logs.filter.FilterPatternException;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.FunctionEntry;
import dev.lambdaconsole.runtime.workspace.Workspace;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.TreeSet;

/**
 * Add trigger → CloudWatch Logs: a log group (the functions' groups and those of the log store, or typed), a
 * filter name and a filter pattern; created as PutSubscriptionFilter does, which refuses the function's own log
 * group (it would invoke itself for its own logs).
 */
public final class LogsFormViewModel extends FormModel {
    private final SubscriptionFilters subscriptions;
    private final LogStore logs;
    private final Workspace workspace;
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    private final StringProperty group = new SimpleStringProperty("");
    private final StringProperty filterName = new SimpleStringProperty("");
    private final StringProperty filterPattern = new SimpleStringProperty("");
    private final StringBinding groupError;
    private final StringBinding filterNameError;
    private final StringBinding filterPatternError;

    public LogsFormViewModel(SubscriptionFilters subscriptions, LogStore logs, Workspace workspace, EngineSettings settings,
                             String function, TaskRunner tasks) {
        super(tasks, function, settings);
        this.subscriptions = subscriptions;
        this.logs = logs;
        this.workspace = workspace;
        groupError = rule(this::groupRule, group);
        filterNameError = rule(this::nameRule, filterName);
        filterPatternError = rule(this::patternRule, filterPattern);
        rulesDeclared();
    }

    private String groupRule() {
        String g = group.get().strip();
        if (g.isEmpty()) return "Choose a log group or type its name.";
        if (g.length() > 512 || !g.matches("[\\.\\-_/#A-Za-z0-9]+")) {
            return "Log group names can be 1 to 512 characters: a-z, A-Z, 0-9, '_', '-', '/', '.' and '#'.";
        }
        if (g.equals(LogStore.groupOf(function))) {
            return "This is the function's own log group: the function would be invoked for its own logs forever. "
                    + "Choose another log group.";
        }
        return null;
    }

    private String nameRule() {
        String n = filterName.get();
        if (n.isBlank()) return "Enter a filter name.";
        if (n.length() > 512) return "The filter name can have at most 512 characters.";
        if (n.contains(":") || n.contains("*")) return "The filter name cannot contain ':' or '*'.";
        return null;
    }

    private String patternRule() {
        if (filterPattern.get().length() > 1024) return "The filter pattern can have at most 1024 characters.";
        try {
            FilterPattern.parse(filterPattern.get());
            return null;
        } catch (FilterPatternException e) {
            return "Invalid filter pattern: " + e.getMessage();
        }
    }

    /** Lists the log groups: every function's but this one's, and the store's (in the background). */
    public void load() {
        tasks.run(() -> {
            TreeSet<String> names = new TreeSet<>();
            for (FunctionEntry f : workspace.list()) names.add(LogStore.groupOf(f.name()));
            for (LogGroupInfo g : logs.groups("", null, 1000)) names.add(g.name());
            names.remove(LogStore.groupOf(function));
            return names.stream().toList();
        }).onSuccess(groups::setAll);
    }

    @Override
    protected String create() {
        String g = group.get().strip();
        subscriptions.put(Json.object().put("logGroupName", g).put("filterName", filterName.get())
                .put("filterPattern", filterPattern.get()).put("destinationArn", functionArn()));
        return "CloudWatch Logs " + g + " (" + filterName.get() + ") → " + function;
    }

    public ObservableList<String> groups() { return groups; }
    public StringProperty groupProperty() { return group; }
    public StringProperty filterNameProperty() { return filterName; }
    public StringProperty filterPatternProperty() { return filterPattern; }
    public StringBinding groupError() { return groupError; }
    public StringBinding filterNameError() { return filterNameError; }
    public StringBinding filterPatternError() { return filterPatternError; }
}
