package dev.lambdaconsole.app.create;

import dev.lambdaconsole.app.code.JavaBuild;
import dev.lambdaconsole.app.common.TaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.FunctionValidator;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.runtime.workspace.Workspace;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The Create function wizard: author from scratch, use a blueprint, or a container image. Every field is
 * checked as it is typed against Lambda's rules, with the broken rule as the field's message.
 */
public final class CreateFunctionViewModel {
    public enum Mode { SCRATCH, BLUEPRINT, IMAGE }

    private final Workspace workspace;
    private final TaskRunner tasks;
    private final Predicate<String> nameTaken;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.SCRATCH);
    private final ObjectProperty<Blueprint> blueprint = new SimpleObjectProperty<>(Blueprints.HELLO_WORLD);
    private final ObjectProperty<LambdaRuntime> runtime = new SimpleObjectProperty<>(LambdaRuntime.PYTHON_3_13);
    private final ObservableList<LambdaRuntime> runtimes = FXCollections.observableArrayList(LambdaRuntime.values());
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty handler = new SimpleStringProperty(LambdaRuntime.PYTHON_3_13.family().defaultHandler());
    private final StringProperty architecture = new SimpleStringProperty("x86_64");
    private final StringProperty memory = new SimpleStringProperty("128");
    private final StringProperty timeout = new SimpleStringProperty("3");
    private final StringProperty role = new SimpleStringProperty("lambda-basic-execution");
    private final StringProperty imageUri = new SimpleStringProperty("");
    private final Map<String, ReadOnlyStringWrapper> errors = Map.of("FunctionName", new ReadOnlyStringWrapper(""),
            "Handler", new ReadOnlyStringWrapper(""), "MemorySize", new ReadOnlyStringWrapper(""),
            "Timeout", new ReadOnlyStringWrapper(""), "ImageUri", new ReadOnlyStringWrapper(""));
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");

    public CreateFunctionViewModel(Workspace workspace, TaskRunner tasks, Predicate<String> nameTaken) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.nameTaken = nameTaken;
        runtime.addListener((o, was, now) -> defaultHandler(was, now));
        blueprint.addListener((o, was, now) -> blueprintChanged());
        mode.addListener((o, was, now) -> blueprintChanged());
        for (StringProperty p : List.of(name, handler, memory, timeout, imageUri, architecture)) {
            p.addListener((o, was, now) -> validate());
        }
        runtime.addListener((o, was, now) -> validate());
        validate();
    }

    public ObjectProperty<Mode> modeProperty() { return mode; }
    public ObjectProperty<Blueprint> blueprintProperty() { return blueprint; }
    public ObjectProperty<LambdaRuntime> runtimeProperty() { return runtime; }
    /** Runtimes offered: all of them, or those of the chosen blueprint. */
    public ObservableList<LambdaRuntime> runtimes() { return runtimes; }
    public List<Blueprint> blueprints() { return Blueprints.all(); }
    public StringProperty nameProperty() { return name; }
    public StringProperty handlerProperty() { return handler; }
    public StringProperty architectureProperty() { return architecture; }
    public StringProperty memoryProperty() { return memory; }
    public StringProperty timeoutProperty() { return timeout; }
    public StringProperty roleProperty() { return role; }
    public StringProperty imageUriProperty() { return imageUri; }
    /** The message of a field (FunctionName, Handler, MemorySize, Timeout, ImageUri); empty when it is fine. */
    public ReadOnlyStringProperty errorProperty(String field) { return errors.get(field).getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public BooleanProperty busyProperty() { return busy; }
    public ReadOnlyStringProperty failureProperty() { return failure.getReadOnlyProperty(); }

    private void defaultHandler(LambdaRuntime was, LambdaRuntime now) {
        if (now == null) return;
        String old = was == null ? "" : handlerFor(was);
        if (handler.get().isBlank() || handler.get().equals(old)) handler.set(handlerFor(now));
    }

    private String handlerFor(LambdaRuntime r) {
        Blueprint b = mode.get() == Mode.SCRATCH ? Blueprints.HELLO_WORLD : blueprint.get();
        return b != null && b.supports(r) ? b.codeFor(r).handler() : r.family().defaultHandler();
    }

    private void blueprintChanged() {
        List<LambdaRuntime> offered = mode.get() == Mode.BLUEPRINT && blueprint.get() != null
                ? Arrays.stream(LambdaRuntime.values()).filter(blueprint.get()::supports).toList()
                : Arrays.asList(LambdaRuntime.values());
        runtimes.setAll(offered);
        if (!offered.contains(runtime.get())) runtime.set(offered.get(offered.size() - 1));
        handler.set(handlerFor(runtime.get()));
        validate();
    }

    private void validate() {
        errors.values().forEach(e -> e.set(""));
        Integer mem = number("MemorySize", memory.get());
        Integer time = number("Timeout", timeout.get());
        try {
            FunctionValidator.validate(config(mem, time));
        } catch (ValidationException e) {
            for (ValidationException.Problem p : e.problems()) {
                ReadOnlyStringWrapper field = errors.get(p.field().replace("EphemeralStorage.Size", "MemorySize"));
                if (field != null && field.get().isEmpty()) field.set(p.rule());
            }
        }
        if (errors.get("FunctionName").get().isEmpty() && nameTaken.test(name.get())) {
            errors.get("FunctionName").set("a function with this name exists already");
        }
        valid.set(errors.values().stream().allMatch(e -> e.get().isEmpty()));
    }

    private Integer number(String field, String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.get(field).set("must be a whole number");
            return null;
        }
    }

    private FunctionConfig config(Integer mem, Integer time) {
        FunctionConfig.Builder b = FunctionConfig.builder(name.get().trim()).memorySize(mem).timeout(time)
                .architectures(List.of(architecture.get()))
                .role("arn:aws:iam::000000000000:role/" + (role.get().isBlank() ? "lambda-role" : role.get().trim()));
        if (mode.get() == Mode.IMAGE) {
            return b.packageType("Image").imageUri(imageUri.get().trim()).build();
        }
        return b.runtime(runtime.get().id()).handler(handler.get().trim()).build();
    }

    /** Creates the function in the background; {@code onCreated} receives it on the UI thread. */
    public void create(Consumer<FunctionConfig> onCreated) {
        validate();
        if (!valid.get() || busy.get()) return;
        FunctionConfig config = config(Integer.valueOf(memory.get().trim()), Integer.valueOf(timeout.get().trim()));
        CodeSource code = mode.get() == Mode.IMAGE ? CodeSource.empty()
                : JavaBuild.source(runtime.get(), codeBlueprint().codeFor(runtime.get()).files());
        busy.set(true);
        failure.set("");
        tasks.run(() -> workspace.create(config, code)).onSuccess(onCreated)
                .onFailure(e -> failure.set("Could not create " + config.functionName() + ": " + e.getMessage()))
                .andFinally(() -> busy.set(false));
    }

    private Blueprint codeBlueprint() {
        Blueprint b = mode.get() == Mode.BLUEPRINT ? blueprint.get() : Blueprints.HELLO_WORLD;
        return b.supports(runtime.get()) ? b : Blueprints.starter(runtime.get());
    }
}
