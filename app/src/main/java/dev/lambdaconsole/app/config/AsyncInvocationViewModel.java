package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.workspace.EventInvokeConfig;
import dev.lambdaconsole.runtime.workspace.Workspace;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * Asynchronous invocation: retry attempts (0–2), maximum event age (1 minute to 6 hours) and the on-success and
 * on-failure destinations, which the engine delivers to when they are functions of this workspace. Saved as
 * PutFunctionEventInvokeConfig saves it (event-invoke-config.json).
 */
public final class AsyncInvocationViewModel extends SectionViewModel<AsyncInvocationViewModel.State> {
    /** The saved settings and the functions that can be destinations. */
    public record State(EventInvokeConfig config, List<String> functions) { }

    private static final String FUNCTION = ":function:";
    private final Workspace workspace;
    private final UnaryOperator<String> arnOf;
    private final ObservableList<Integer> retryChoices = FXCollections.observableArrayList(0, 1, 2);
    private final ObjectProperty<Integer> retries = new SimpleObjectProperty<>(2);
    private final StringProperty maxAge = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper maxAgeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maxAgeHint = new ReadOnlyStringWrapper("");
    private final ObservableList<String> destinations = FXCollections.observableArrayList("");
    private final StringProperty onSuccess = new SimpleStringProperty("");
    private final StringProperty onFailure = new SimpleStringProperty("");

    /** {@code arnOf}: a function name's ARN as the engine names it (EngineSettings::functionArn). */
    public AsyncInvocationViewModel(String function, Workspace workspace, UnaryOperator<String> arnOf, TaskRunner tasks) {
        super("Asynchronous invocation", function, tasks);
        this.workspace = workspace;
        this.arnOf = arnOf;
        retries.addListener((o, was, now) -> edited());
        maxAge.addListener((o, was, now) -> edited());
        onSuccess.addListener((o, was, now) -> edited());
        onFailure.addListener((o, was, now) -> edited());
    }

    public ObservableList<Integer> retryChoices() { return retryChoices; }
    public ObjectProperty<Integer> retriesProperty() { return retries; }
    /** Maximum event age in seconds (60–21600). */
    public StringProperty maxAgeProperty() { return maxAge; }
    public ReadOnlyStringProperty maxAgeError() { return maxAgeError.getReadOnlyProperty(); }
    /** The typed age in hours and minutes, e.g. "6 h 0 min". */
    public ReadOnlyStringProperty maxAgeHint() { return maxAgeHint.getReadOnlyProperty(); }
    /** Destination ARNs to pick from; "" is none. */
    public ObservableList<String> destinations() { return destinations; }
    public StringProperty onSuccessProperty() { return onSuccess; }
    public StringProperty onFailureProperty() { return onFailure; }

    /** How a destination reads in a list: "None", "Function orders", or the ARN itself. */
    public static String label(String arn) {
        if (arn == null || arn.isEmpty()) return "None";
        int at = arn.indexOf(FUNCTION);
        return at < 0 ? arn + " (not delivered locally)" : "Function " + arn.substring(at + FUNCTION.length()).split(":")[0];
    }

    @Override
    protected State read() {
        EventInvokeConfig config = workspace.eventInvokeConfig(function);
        List<String> others = workspace.functions().stream().map(f -> f.functionName())
                .filter(n -> !n.equals(function)).toList();
        return new State(config, others);
    }

    @Override
    protected void show(State s) {
        List<String> choices = new ArrayList<>(List.of(""));
        s.functions().forEach(n -> choices.add(arnOf.apply(n)));
        String success = destination(s.config(), true);
        String failure = destination(s.config(), false);
        for (String saved : List.of(success, failure)) {
            if (!choices.contains(saved)) choices.add(saved); // set elsewhere, e.g. a queue's ARN through the CLI
        }
        destinations.setAll(choices);
        retries.set(s.config().retriesOrDefault());
        maxAge.set(String.valueOf(s.config().maxAgeOrDefault()));
        onSuccess.set(success);
        onFailure.set(failure);
    }

    private static String destination(EventInvokeConfig c, boolean success) {
        if (c.destinationConfig() == null) return "";
        EventInvokeConfig.Destination d = success ? c.destinationConfig().onSuccess() : c.destinationConfig().onFailure();
        return d == null || d.destination() == null ? "" : d.destination();
    }

    @Override
    protected Object formState() {
        return Arrays.asList(retries.get(), maxAge.get().trim(), onSuccess.get(), onFailure.get());
    }

    @Override
    protected Object formOf(State s) {
        return Arrays.asList(s.config().retriesOrDefault(), String.valueOf(s.config().maxAgeOrDefault()),
                destination(s.config(), true), destination(s.config(), false));
    }

    @Override
    protected List<String> validate() {
        WholeNumber age = WholeNumber.parse(maxAge.get(), false);
        maxAgeError.set(age.problem());
        maxAgeHint.set("");
        if (age.value() != null) {
            try {
                config(age.value()).validate();
                maxAgeHint.set(humanised(age.value()));
            } catch (ValidationException e) {
                maxAgeError.set(e.problems().get(0).rule() + " (1 minute to 6 hours)");
            }
        }
        return maxAgeError.get().isEmpty() ? List.of() : List.of("Maximum age of event " + maxAgeError.get());
    }

    private EventInvokeConfig config(int age) {
        String success = onSuccess.get() == null ? "" : onSuccess.get();
        String failure = onFailure.get() == null ? "" : onFailure.get();
        EventInvokeConfig.DestinationConfig destinations = success.isEmpty() && failure.isEmpty() ? null
                : new EventInvokeConfig.DestinationConfig(success.isEmpty() ? null : new EventInvokeConfig.Destination(success),
                failure.isEmpty() ? null : new EventInvokeConfig.Destination(failure));
        return new EventInvokeConfig(retries.get() == null ? 2 : retries.get(), age, destinations, null);
    }

    static String humanised(int seconds) {
        int h = seconds / 3600;
        int m = seconds % 3600 / 60;
        int s = seconds % 60;
        return (h > 0 ? h + " h " : "") + m + " min" + (s > 0 ? " " + s + " s" : "");
    }

    @Override
    protected Callable<State> saveWork() {
        EventInvokeConfig config = config(Integer.parseInt(maxAge.get().trim()));
        return () -> {
            workspace.putEventInvokeConfig(function, config);
            return read();
        };
    }
}
