package dev.lambdaconsole.app.code;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.FunctionValidator;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.workspace.Workspace;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Code tab's "Runtime settings": runtime, handler and architecture, checked against Lambda's rules as they
 * are edited (the broken rule is the field's message) and saved as one configuration change.
 */
public final class RuntimeSettingsViewModel {
    public static final List<String> ARCHITECTURES = List.of("x86_64", "arm64");

    private final Workspace workspace;
    private final TaskRunner tasks;
    private final String function;
    private final ObjectProperty<String> runtime = new SimpleObjectProperty<>("");
    private final StringProperty handler = new SimpleStringProperty("");
    private final ObjectProperty<String> architecture = new SimpleObjectProperty<>("x86_64");
    /** In the Create function wizard's order (the AWS console's: newest of each language first). */
    private final ObservableList<String> runtimes = FXCollections.observableArrayList(
            dev.lambdaconsole.app.create.RuntimeChoices.ordered(java.util.Arrays.asList(LambdaRuntime.values()))
                    .stream().map(LambdaRuntime::id).toList());
    private final Map<String, ReadOnlyStringWrapper> errors = Map.of("Runtime", new ReadOnlyStringWrapper(""),
            "Handler", new ReadOnlyStringWrapper(""), "Architectures", new ReadOnlyStringWrapper(""));
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private FunctionConfig saved;

    public RuntimeSettingsViewModel(Workspace workspace, TaskRunner tasks, String function) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.function = function;
        runtime.addListener((o, was, now) -> switchDefaultHandler(was, now));
        for (var p : List.of(runtime, handler, architecture)) p.addListener((o, was, now) -> validate());
    }

    public ObjectProperty<String> runtimeProperty() { return runtime; }
    public StringProperty handlerProperty() { return handler; }
    public ObjectProperty<String> architectureProperty() { return architecture; }
    public ObservableList<String> runtimes() { return runtimes; }
    public List<String> architectures() { return ARCHITECTURES; }
    /** The message of a field (Runtime, Handler, Architectures); empty when it is fine. */
    public ReadOnlyStringProperty errorProperty(String field) { return errors.get(field).getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    /** True when the fields differ from the saved configuration. */
    public ReadOnlyBooleanProperty changedProperty() { return changed.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** False until a .zip function's configuration is loaded (image functions have no runtime settings). */
    public ReadOnlyBooleanProperty editableProperty() { return editable.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return messageIsError.getReadOnlyProperty(); }

    /** Shows the saved configuration; fields the user is editing are kept unless {@code force}. */
    public void load(FunctionConfig config, boolean force) {
        boolean editing = changed.get();
        saved = config;
        editable.set(!"Image".equals(config.packageTypeOrDefault()));
        if (force || !editing) {
            runtime.set(config.runtime() == null ? "" : config.runtime());
            handler.set(config.handler() == null ? "" : config.handler());
            architecture.set(config.architectureOrDefault());
        }
        validate();
    }

    public void revert() {
        if (saved != null) load(saved, true);
        message.set("");
    }

    /** Saves the three settings in the background; the engine starts fresh environments with them. */
    public void save() {
        validate();
        if (!valid.get() || !changed.get() || busy.get()) return;
        String r = runtime.get();
        String h = handler.get().trim();
        String a = architecture.get();
        busy.set(true);
        message.set("");
        tasks.run(() -> workspace.updateConfiguration(function, b -> b.runtime(r).handler(h).architectures(List.of(a))))
                .onSuccess(updated -> {
                    load(updated, true);
                    report("Runtime settings saved: " + r + ", " + h + ", " + a + ".", false);
                })
                .onFailure(e -> report("Could not save the runtime settings: " + TaskRunner.describe(e), true))
                .andFinally(() -> busy.set(false));
    }

    private void report(String text, boolean error) {
        messageIsError.set(error);
        message.set(text);
    }

    private void switchDefaultHandler(String was, String now) {
        String oldDefault = LambdaRuntime.byId(was == null ? "" : was).map(r -> r.family().defaultHandler()).orElse("");
        LambdaRuntime next = LambdaRuntime.byId(now == null ? "" : now).orElse(null);
        if (next == null || saved == null) return;
        boolean sameFamily = LambdaRuntime.byId(was == null ? "" : was).map(r -> r.family() == next.family()).orElse(false);
        if (!sameFamily && (handler.get().isBlank() || handler.get().equals(oldDefault)
                || !next.family().acceptsHandler(handler.get().trim()))) {
            handler.set(next.family().defaultHandler());
        }
    }

    private void validate() {
        errors.values().forEach(e -> e.set(""));
        if (saved == null) {
            valid.set(false);
            changed.set(false);
            return;
        }
        FunctionConfig edited = saved.toBuilder().runtime(runtime.get()).handler(handler.get().trim())
                .architectures(List.of(architecture.get() == null ? "" : architecture.get())).build();
        try {
            FunctionValidator.validate(edited);
        } catch (ValidationException e) {
            for (ValidationException.Problem p : e.problems()) {
                ReadOnlyStringWrapper field = errors.get(p.field());
                if (field != null && field.get().isEmpty()) field.set(p.rule());
            }
        }
        valid.set(editable.get() && errors.values().stream().allMatch(e -> e.get().isEmpty()));
        changed.set(!Objects.equals(edited.runtime(), saved.runtime())
                || !Objects.equals(edited.handler(), saved.handler())
                || !edited.architectureOrDefault().equals(saved.architectureOrDefault()));
    }
}
