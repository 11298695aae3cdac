package dev.lambdaconsole.app.triggers.patterns;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.events.EventLibrary;
import dev.lambdaconsole.simulators.patterns.SnsFilterPolicy;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The pattern tester: a pattern of one dialect, a sample event (from the event library or typed) and the verdict
 * with its reason. {@link #evaluate()} runs in the background; a result that an edit has overtaken is dropped.
 */
public final class PatternTesterViewModel {
    private final TaskRunner tasks;
    private final Supplier<EventLibrary> library;
    private final ObjectProperty<PatternDialect> dialect = new SimpleObjectProperty<>(PatternDialect.EVENT_PATTERN);
    private final ObjectProperty<SnsFilterPolicy.Scope> scope =
            new SimpleObjectProperty<>(SnsFilterPolicy.Scope.MESSAGE_ATTRIBUTES);
    private final StringProperty pattern = new SimpleStringProperty("");
    private final StringProperty event = new SimpleStringProperty("");
    private final ObservableList<String> samples = FXCollections.observableArrayList();
    private final StringProperty sample = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private long generation;

    /** @param library the event library, loaded on first use (in the background) */
    public PatternTesterViewModel(TaskRunner tasks, Supplier<EventLibrary> library) {
        this.tasks = tasks;
        this.library = library;
        samples.setAll(dialect.get().samples());
        dialect.addListener((o, was, now) -> samples.setAll(now.samples()));
        sample.addListener((o, was, now) -> { if (now != null) loadSample(now); });
    }

    /** Fills the event with the library's sample, e.g. "sqs receive-message" (in the background). */
    public void loadSample(String sample) {
        int space = sample.indexOf(' ');
        String source = sample.substring(0, space);
        String type = sample.substring(space + 1);
        tasks.run(() -> Json.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(library.get().generate(source, type, Map.of())))
                .onSuccess(event::set);
    }

    /** Evaluates the pattern against the event in the background; only the latest request's verdict is kept. */
    public void evaluate() {
        long mine = ++generation;
        PatternDialect d = dialect.get();
        SnsFilterPolicy.Scope s = scope.get();
        String p = pattern.get();
        String e = event.get();
        tasks.run(() -> PatternEvaluator.evaluate(d, s, p, e)).onSuccess(v -> {
            if (mine == generation) verdict.set(v);
        });
    }

    public ObjectProperty<PatternDialect> dialectProperty() { return dialect; }
    public ObjectProperty<SnsFilterPolicy.Scope> scopeProperty() { return scope; }
    public StringProperty patternProperty() { return pattern; }
    public StringProperty eventProperty() { return event; }
    public ObservableList<String> samples() { return samples; }
    /** The library sample picked ("source type"); picking one fills the event. */
    public StringProperty sampleProperty() { return sample; }
    public ReadOnlyObjectProperty<Verdict> verdictProperty() { return verdict.getReadOnlyProperty(); }
}
