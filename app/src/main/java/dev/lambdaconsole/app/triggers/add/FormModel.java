package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * What every Add trigger form's ViewModel shares: its rules as string bindings (null: the field is fine), valid
 * while all hold, and the creation run in the background.
 */
public abstract class FormModel {
    protected final TaskRunner tasks;
    protected final String function;
    protected final EngineSettings settings;
    private final List<StringBinding> rules = new ArrayList<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();

    protected FormModel(TaskRunner tasks, String function, EngineSettings settings) {
        this.tasks = tasks;
        this.function = function;
        this.settings = settings;
    }

    /** A field's rule, re-checked when any of {@code inputs} changes. */
    protected final StringBinding rule(Supplier<String> check, Observable... inputs) {
        StringBinding b = Bindings.createStringBinding(check::get, inputs);
        rules.add(b);
        return b;
    }

    /** Call once every rule is declared. */
    protected final void rulesDeclared() {
        Observable[] all = rules.toArray(new Observable[0]);
        valid.bind(Bindings.createBooleanBinding(() -> rules.stream().allMatch(r -> r.get() == null), all));
    }

    public final ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    /** Creates the trigger (blocking; the service's errors thrown as they are); a one-line summary. */
    protected abstract String create();

    /** {@link #create()} in the background. */
    public final TaskRunner.Task<String> add() {
        Callable<String> work = this::create;
        return tasks.run(work);
    }

    protected final String functionArn() {
        return "arn:aws:lambda:" + settings.region() + ":" + settings.accountId() + ":function:" + function;
    }

    protected final String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + settings.region() + ":" + settings.accountId() + ":" + resource;
    }
}
