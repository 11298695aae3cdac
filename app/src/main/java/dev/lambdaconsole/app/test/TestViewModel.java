package dev.lambdaconsole.app.test;

import dev.lambdaconsole.app.versions.Qualifier;
import dev.lambdaconsole.app.versions.QualifierChoices;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.editor.json.JsonTools;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.pricing.LambdaPricing;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;
import dev.lambdaconsole.simulators.events.EventLibrary;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The Test tab of one function: saved events (create, rename, duplicate, delete), the event library's picker, the
 * event JSON checked as it is typed, Invoke (synchronous, or asynchronous as an option) and the result.
 * Saved events changed elsewhere (another window, the Code tab) show up here; {@link #close()} stops that.
 */
public final class TestViewModel implements AutoCloseable {
    /** What a new event starts from, as in the Lambda console's hello-world template. */
    public static final String HELLO_WORLD = """
            {
              "key1": "value1",
              "key2": "value2",
              "key3": "value3"
            }
            """;
    /** The prices the Test tab's estimates use. */
    static final LambdaPricing PRICING = LambdaPricing.US_EAST_1;
    private final String function;
    private final Workspace workspace;
    private final LambdaEngine engine;
    private final TaskRunner tasks;
    private final ObservableList<String> savedEvents = FXCollections.observableArrayList();
    private final StringProperty eventName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper currentEvent = new ReadOnlyStringWrapper("");
    private final StringProperty eventJson = new SimpleStringProperty(HELLO_WORLD);
    private final ReadOnlyStringWrapper jsonError = new ReadOnlyStringWrapper("");
    private TaskRunner.Task<String> jsonCheck;
    private final BooleanProperty asynchronous = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ExecutionResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final Consumer<WorkspaceChange> eventsListener = this::workspaceChanged;
    private final TemplatePickerViewModel templates;
    /** The version or alias Invoke calls ($LATEST, a number, an alias name). */
    private final ObjectProperty<String> qualifier = new SimpleObjectProperty<>(Qualifier.LATEST.value());
    private final QualifierChoices qualifiers;

    public TestViewModel(String function, Workspace workspace, LambdaEngine engine, TaskRunner tasks) {
        this.function = function;
        this.workspace = workspace;
        this.engine = engine;
        this.tasks = tasks;
        this.templates = new TemplatePickerViewModel(tasks, EventLibrary::load, eventJson::set);
        eventJson.addListener((o, was, now) -> checkJson());
        checkJson();
        workspace.addListener(eventsListener);
        refreshEvents();
        qualifiers = new QualifierChoices(function, workspace, tasks, false);
    }

    private void workspaceChanged(WorkspaceChange change) {
        if (change.kind() == WorkspaceChange.Kind.EVENTS && function.equals(change.functionName())) refreshEvents();
    }

    public ObservableList<String> savedEvents() { return savedEvents; }
    public StringProperty eventNameProperty() { return eventName; }
    /** The saved event shown in the editor (opened, saved, duplicated or renamed); empty for a new one. */
    public ReadOnlyStringProperty currentEventProperty() { return currentEvent.getReadOnlyProperty(); }
    public StringProperty eventJsonProperty() { return eventJson; }
    /** "line 3, column 7: ..." when the event is not JSON; empty when it is. */
    public ReadOnlyStringProperty jsonErrorProperty() { return jsonError.getReadOnlyProperty(); }
    public BooleanProperty asynchronousProperty() { return asynchronous; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ExecutionResult> resultProperty() { return result.getReadOnlyProperty(); }
    /** What the last action did ("Saved test event hello.") or why it failed; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** True when {@link #messageProperty()} reports a failure. */
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return messageIsError.getReadOnlyProperty(); }
    /** The template picker; using a template replaces the event JSON in the editor (name and saved event stay). */
    public TemplatePickerViewModel templates() { return templates; }
    /** What Invoke calls: {@code $LATEST} (the default), a published version's number or an alias's name. */
    public ObjectProperty<String> qualifierProperty() { return qualifier; }
    /** The qualifiers to choose from, following versions and aliases as they change. */
    public QualifierChoices qualifiers() { return qualifiers; }

    /**
     * The same check (and position) as the editor's problem marker, parsed in the background (never on the FX
     * thread); a check of an older text is cancelled by the next.
     */
    private void checkJson() {
        String text = eventJson.get();
        if (jsonCheck != null) jsonCheck.cancel();
        jsonCheck = tasks.run(() -> problem(text)).onSuccess(jsonError::set);
    }

    private static String problem(String json) {
        return JsonTools.validate(json).map(d -> "line " + d.line() + ", column " + d.column() + ": " + d.message())
                .orElse("");
    }

    /** Starts a new, unsaved event from the Hello world template. */
    public void newEvent() {
        currentEvent.set("");
        eventName.set("");
        eventJson.set(HELLO_WORLD);
        info("");
    }

    private void refreshEvents() {
        tasks.run(() -> workspace.events().names(function)).onSuccess(savedEvents::setAll)
                .onFailure(this::failed);
    }

    /** Shows a saved event in the editor. */
    public void open(String name) {
        if (name == null || name.isEmpty()) return;
        tasks.run(() -> workspace.events().read(function, name)).onSuccess(json -> {
            currentEvent.set(name);
            eventName.set(name);
            eventJson.set(json);
            info("");
        }).onFailure(this::failed);
    }

    public void save() {
        String name = eventName.get().trim();
        String json = eventJson.get();
        tasks.run(() -> {
            workspace.events().save(function, name, json);
            return name;
        }).onSuccess(n -> {
            currentEvent.set(n);
            info("Saved test event " + n + ".");
            refreshEvents();
        }).onFailure(this::failed);
    }

    public void duplicate(String name) {
        tasks.run(() -> {
            String copy = name + "-copy";
            for (int i = 2; workspace.events().names(function).contains(copy); i++) copy = name + "-copy" + i;
            workspace.events().save(function, copy, workspace.events().read(function, name));
            return copy;
        }).onSuccess(copy -> {
            refreshEvents();
            open(copy);
        }).onFailure(this::failed);
    }

    public void rename(String from, String to) {
        tasks.run(() -> {
            workspace.events().rename(function, from, to.trim());
            return to.trim();
        }).onSuccess(n -> {
            if (eventName.get().equals(from)) eventName.set(n);
            if (currentEvent.get().equals(from)) currentEvent.set(n);
            info("Renamed test event " + from + " to " + n + ".");
            refreshEvents();
        }).onFailure(this::failed);
    }

    public void delete(String name) {
        tasks.run(() -> {
            workspace.events().delete(function, name);
            return name;
        }).onSuccess(n -> {
            if (eventName.get().equals(n)) eventName.set("");
            if (currentEvent.get().equals(n)) currentEvent.set("");
            info("Deleted test event " + n + ".");
            refreshEvents();
        }).onFailure(this::failed);
    }

    /** Invokes with the event in the editor; the result (or why it was refused) lands in {@link #resultProperty()}. */
    public void invoke() {
        if (running.get()) return;
        if (!jsonError.get().isEmpty()) {
            failed("The event is not valid JSON: " + jsonError.get());
            return;
        }
        String text = eventJson.get();
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        running.set(true);
        info("");
        String q = qualifier.get();
        String named = q == null || Qualifier.LATEST.value().equals(q) ? null : q;
        InvocationRequest request = new InvocationRequest(function, named, payload, null, null, null);
        if (asynchronous.get()) {
            tasks.run(() -> engine.invokeEvent(request))
                    .onSuccess(id -> {
                        info("Queued asynchronous invocation " + id + "; its outcome appears in Monitor.");
                        result.set(ExecutionResult.queued(id));
                    })
                    .onFailure(e -> result.set(ExecutionResult.refused(e)))
                    .andFinally(() -> running.set(false));
            return;
        }
        tasks.run(() -> {
                    // the background check may not have seen the last keystroke: the payload is checked itself
                    String invalid = problem(text);
                    if (!invalid.isEmpty()) throw new InvalidEvent("The event is not valid JSON: " + invalid);
                    InvocationResult r = engine.invokeSync(request);
                    return new Ran(r, ExecutionResult.of(r, PRICING, estimate(r)));
                })
                .onSuccess(ran -> {
                    result.set(ran.shown());
                    if (named != null) info(ranMessage(named, ran.result().executedVersion()));
                })
                .onFailure(e -> { if (e instanceof InvalidEvent) failed(e.getMessage()); else result.set(ExecutionResult.refused(e)); })
                .andFinally(() -> running.set(false));
    }

    /**
     * The price of the invocation as the engine recorded it (architecture, ephemeral storage, provisioned
     * environment); if its record cannot be found, from the result and the function's configuration now.
     * Null when neither can be read (the function was deleted meanwhile). Blocks: call in the background.
     */
    private LambdaPricing.Estimate estimate(InvocationResult r) {
        try {
            LogStore logs = engine.logs();
            logs.flush();
            for (InvocationRecord record : logs.invocations(function, 50)) {
                if (record.requestId().equals(r.requestId())) return PRICING.invocation(record);
            }
            FunctionConfig config = workspace.read(function);
            return PRICING.invocation(r.billedDurationMs(), r.memorySizeMb(), config.architectureOrDefault(),
                    config.ephemeralOrDefault(), false);
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(TestViewModel.class.getName())
                    .log(java.util.logging.Level.WARNING, "No cost estimate for " + r.requestId(), e);
            return null;
        }
    }

    /** An invocation's result and how the Test tab shows it. */
    private record Ran(InvocationResult result, ExecutionResult shown) { }

    /** "Ran version 2 (through alias live)." or "Ran version 3." */
    static String ranMessage(String qualifier, String executedVersion) {
        String ran = executedVersion == null ? Qualifier.LATEST.value() : executedVersion;
        boolean alias = !qualifier.chars().allMatch(Character::isDigit);
        return "Ran version " + ran + (alias ? " (through alias " + qualifier + ")." : ".");
    }

    private void info(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    private void failed(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    private void failed(Throwable e) {
        failed(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** Stops following saved-event changes in the workspace. */
    @Override
    public void close() {
        workspace.removeListener(eventsListener);
        qualifiers.close();
    }

    /** The event in the editor is not JSON (found when invoking, before the background check caught up). */
    private static final class InvalidEvent extends IllegalArgumentException {
        InvalidEvent(String message) { super(message); }
    }
}
