package dev.lambdaconsole.app.create;

import dev.lambdaconsole.app.code.JavaBuild;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
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
import java.util.regex.Pattern;

/**
 * The Create function wizard: author from scratch, use a blueprint, or a container image. Every field is
 * checked as it is typed against Lambda's rules, with the broken rule as the field's message.
 */
public final class CreateFunctionViewModel {
    public enum Mode { SCRATCH, BLUEPRINT, IMAGE }

    /** IAM's rule for role names. */
    private static final Pattern ROLE_NAME = Pattern.compile("^[\\w+=,.@-]{1,64}$");

    private final Workspace workspace;
    private final TaskRunner tasks;
    private final Predicate<String> nameTaken;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.SCRATCH);
    private final ObjectProperty<Blueprint> blueprint = new SimpleObjectProperty<>(Blueprints.HELLO_WORLD);
    private final ObjectProperty<LambdaRuntime> runtime = new SimpleObjectProperty<>(LambdaRuntime.PYTHON_3_13);
    private final ObservableList<LambdaRuntime> runtimes = FXCollections.observableArrayList(
            RuntimeChoices.ordered(Arrays.asList(LambdaRuntime.values())));
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty handler = new SimpleStringProperty(LambdaRuntime.PYTHON_3_13.family().defaultHandler());
    private final StringProperty architecture = new SimpleStringProperty("x86_64");
    private final StringProperty memory = new SimpleStringProperty("128");
    private final StringProperty timeout = new SimpleStringProperty("3");
    private final StringProperty role = new SimpleStringProperty("lambda-basic-execution");
    private final StringProperty imageUri = new SimpleStringProperty("");
    private final Map<String, ReadOnlyStringWrapper> errors = Map.of("FunctionName", new ReadOnlyStringWrapper(""),
            "Runtime", new ReadOnlyStringWrapper(""), "Handler", new ReadOnlyStringWrapper(""),
            "MemorySize", new ReadOnlyStringWrapper(""), "Timeout", new ReadOnlyStringWrapper(""),
            "Role", new ReadOnlyStringWrapper(""), "ImageUri", new ReadOnlyStringWrapper(""));
    private final ReadOnlyStringWrapper codePreview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runtimeNote = new ReadOnlyStringWrapper("");
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
        for (StringProperty p : List.of(name, handler, memory, timeout, role, imageUri, architecture)) {
            p.addListener((o, was, now) -> validate());
        }
        runtime.addListener((o, was, now) -> {
            validate();
            preview();
            runtimeNote.set(note(now));
        });
        validate();
        preview();
    }

    public ObjectProperty<Mode> modeProperty() { return mode; }
    public ObjectProperty<Blueprint> blueprintProperty() { return blueprint; }
    public ObjectProperty<LambdaRuntime> runtimeProperty() { return runtime; }
    /** Runtimes offered (all of them, or those of the chosen blueprint), in the order of {@link RuntimeChoices}. */
    public ObservableList<LambdaRuntime> runtimes() { return runtimes; }
    public List<Blueprint> blueprints() { return Blueprints.all(); }
    public StringProperty nameProperty() { return name; }
    public StringProperty handlerProperty() { return handler; }
    public StringProperty architectureProperty() { return architecture; }
    public StringProperty memoryProperty() { return memory; }
    public StringProperty timeoutProperty() { return timeout; }
    public StringProperty roleProperty() { return role; }
    public StringProperty imageUriProperty() { return imageUri; }
    /** The message of a field (FunctionName, Runtime, Handler, MemorySize, Timeout, Role, ImageUri); empty when fine. */
    public ReadOnlyStringProperty errorProperty(String field) { return errors.get(field).getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public BooleanProperty busyProperty() { return busy; }
    public ReadOnlyStringProperty failureProperty() { return failure.getReadOnlyProperty(); }
    /** The starter code the function will get (file names and contents), for a preview; empty for an image. */
    public ReadOnlyStringProperty codePreviewProperty() { return codePreview.getReadOnlyProperty(); }

    /** What to know about the chosen runtime (e.g. .NET 8 needs its official image); empty for most. */
    public ReadOnlyStringProperty runtimeNoteProperty() { return runtimeNote.getReadOnlyProperty(); }

    private static String note(LambdaRuntime r) {
        String note = RuntimeChoices.note(r);
        return note.isEmpty() ? "" : RuntimeChoices.displayName(r) + " " + note + ": the .NET runtime is not built "
                + "locally, so pull it where a registry is reachable (the Docker backend runs it), or deploy the "
                + "function as a container image.";
    }

    /** Checks every field again, e.g. when the set of existing function names has changed. */
    public void revalidate() { validate(); }

    private void defaultHandler(LambdaRuntime was, LambdaRuntime now) {
        if (now == null) return;
        String old = was == null ? "" : handlerFor(was);
        if (handler.get().isBlank() || handler.get().equals(old)) handler.set(handlerFor(now));
    }

    private void preview() {
        if (mode.get() == Mode.IMAGE || runtime.get() == null || !codeBlueprint().supports(runtime.get())) {
            codePreview.set("");
            return;
        }
        StringBuilder text = new StringBuilder();
        codeBlueprint().codeFor(runtime.get()).files().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(f -> text.append(text.isEmpty() ? "" : "\n").append("──── ").append(f.getKey())
                        .append(" ────\n").append(f.getValue()));
        codePreview.set(text.toString());
    }

    private String handlerFor(LambdaRuntime r) {
        Blueprint b = mode.get() == Mode.SCRATCH ? Blueprints.starter(r) : blueprint.get();
        return b != null && b.supports(r) ? b.codeFor(r).handler() : r.family().defaultHandler();
    }

    private void blueprintChanged() {
        List<LambdaRuntime> offered = RuntimeChoices.ordered(mode.get() == Mode.BLUEPRINT && blueprint.get() != null
                ? Arrays.stream(LambdaRuntime.values()).filter(blueprint.get()::supports).toList()
                : Arrays.asList(LambdaRuntime.values()));
        runtimes.setAll(offered);
        if (!offered.contains(runtime.get())) runtime.set(sameLanguageOrFirst(offered));
        handler.set(handlerFor(runtime.get()));
        validate();
        preview();
    }

    /** The newest offered runtime of the current language, else the first offered. */
    private LambdaRuntime sameLanguageOrFirst(List<LambdaRuntime> offered) {
        LambdaRuntime current = runtime.get();
        return offered.stream().filter(r -> current != null && r.family() == current.family()).findFirst()
                .orElse(offered.get(0));
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
        LambdaRuntime rt = runtime.get();
        if (mode.get() != Mode.IMAGE && rt != null && !codeBlueprint().supports(rt)) {
            errors.get("Runtime").set("has no starter code for " + RuntimeChoices.displayName(rt)
                    + " here yet; choose another runtime, or a container image");
        }
        if (!ROLE_NAME.matcher(role.get().trim()).matches()) {
            errors.get("Role").set("must be 1 to 64 characters of letters, digits and + = , . @ _ -");
        }
        if (errors.get("FunctionName").get().isEmpty() && nameTaken.test(name.get().trim())) {
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
                .role("arn:aws:iam::000000000000:role/" + role.get().trim());
        if (mode.get() == Mode.IMAGE) {
            return b.packageType("Image").imageUri(imageUri.get().trim()).build();
        }
        return b.runtime(runtime.get() == null ? null : runtime.get().id()).handler(handler.get().trim()).build();
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
                .onFailure(e -> failure.set("Could not create " + config.functionName() + ": " + TaskRunner.describe(e)))
                .andFinally(() -> busy.set(false));
    }

    private Blueprint codeBlueprint() {
        Blueprint b = mode.get() == Mode.BLUEPRINT && blueprint.get() != null ? blueprint.get() : Blueprints.HELLO_WORLD;
        if (runtime.get() == null) return b;
        return b.supports(runtime.get()) ? b : Blueprints.starter(runtime.get());
    }
}
