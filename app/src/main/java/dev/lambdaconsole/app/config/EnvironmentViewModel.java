package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.FunctionValidator;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.workspace.Workspace;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Environment variables: names checked against Lambda's format and reserved names, and the 4 KB that names
 * and values may take together, shown as it is used ("1.2 KB of 4 KB").
 */
public final class EnvironmentViewModel extends KeyValueViewModel {
    private static final String PREFIX = "Environment.Variables.";
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper("0.0 KB of 4 KB");
    private final ReadOnlyBooleanWrapper overLimit = new ReadOnlyBooleanWrapper(false);

    public EnvironmentViewModel(String function, Workspace workspace, TaskRunner tasks) {
        super("Environment variables", function, workspace, tasks);
    }

    /** The space names and values take against the limit, e.g. "1.2 KB of 4 KB". */
    public ReadOnlyStringProperty sizeProperty() { return size.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty overLimitProperty() { return overLimit.getReadOnlyProperty(); }

    @Override
    protected Map<String, String> stored(FunctionConfig config) { return config.variables(); }

    @Override
    protected String noun() { return "Variable"; }

    @Override
    protected String keyWord() { return "name"; }

    @Override
    protected String check(List<KeyValueRow> rows, Map<String, String> pairs) {
        int bytes = FunctionValidator.variablesSize(pairs);
        size.set(kb(bytes) + " of 4 KB");
        overLimit.set(bytes > FunctionValidator.MAX_ENV_BYTES);
        if (current == null) return "";
        String tableProblem = "";
        try {
            FunctionValidator.validate(current.toBuilder().variables(pairs).build());
        } catch (ValidationException e) {
            for (ValidationException.Problem p : e.problems()) {
                if (p.field().startsWith(PREFIX)) {
                    String key = p.field().substring(PREFIX.length());
                    rows.stream().filter(r -> r.key().equals(key)).forEach(r -> r.problem(p.rule()));
                }
            }
        }
        if (overLimit.get()) {
            tableProblem = "Too large: " + kb(bytes) + " (" + bytes + " bytes). Names and values together must not "
                    + "exceed 4 KB (" + FunctionValidator.MAX_ENV_BYTES + " bytes); shorten or remove variables";
        }
        return tableProblem;
    }

    @Override
    protected UnaryOperator<FunctionConfig.Builder> store(Map<String, String> pairs) {
        return b -> b.variables(pairs.isEmpty() ? null : pairs);
    }

    /** Rounded up to a tenth, so a table just over the limit never reads "4.0 KB". */
    private static String kb(int bytes) {
        return String.format(Locale.ROOT, "%.1f KB", Math.ceil(bytes * 10 / 1024.0) / 10);
    }
}
