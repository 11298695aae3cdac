package dev.lambdaconsole.app.test;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.editor.json.JsonTools;
import dev.lambdaconsole.simulators.events.EventLibrary;
import dev.lambdaconsole.simulators.events.EventType;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The Test tab's template picker: the whole event library, searched as the user types and grouped by source;
 * the chosen type's parameters as a form with a live preview; Use puts the generated event in the editor.
 * The library is loaded, and every event generated, in the background.
 */
public final class TemplatePickerViewModel {
    private final TaskRunner tasks;
    private final Callable<EventLibrary> loader;
    private final Consumer<String> onUse;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<TemplateGroup> groups = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<EventType> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TemplateParameter> parameters = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canUse;
    private EventLibrary library;
    private long generation;
    private long previewed = -1;

    /** {@code onUse} receives the generated event JSON, formatted as the editor formats it. */
    public TemplatePickerViewModel(TaskRunner tasks, Callable<EventLibrary> loader, Consumer<String> onUse) {
        this.tasks = tasks;
        this.loader = loader;
        this.onUse = onUse;
        query.addListener((o, was, now) -> refreshGroups());
        canUse = Bindings.createBooleanBinding(() -> selected.get() != null && error.get().isEmpty(), selected, error);
    }

    public ReadOnlyBooleanProperty showingProperty() { return showing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public StringProperty queryProperty() { return query; }
    /** The matching types by source, in the library's order (source, then type). */
    public ObservableList<TemplateGroup> groups() { return groups; }
    /** "68 templates from 26 sources", "3 of 68 templates match", why nothing matches, or why loading failed. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<EventType> selectedProperty() { return selected.getReadOnlyProperty(); }
    /** The chosen type's parameters, defaults prefilled; editing one regenerates the preview. */
    public ObservableList<TemplateParameter> parameters() { return parameters; }
    public ReadOnlyStringProperty previewProperty() { return preview.getReadOnlyProperty(); }
    /** Why the library refused the parameters; empty when they generate an event. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public BooleanBinding canUseProperty() { return canUse; }

    /** Shows the picker, loading the library the first time. */
    public void open() {
        showing.set(true);
        if (library != null || loading.get()) return;
        loading.set(true);
        status.set("Loading templates…");
        tasks.run(loader).onSuccess(loaded -> {
            library = loaded;
            refreshGroups();
        }).onFailure(e -> status.set("The event library could not be loaded: " + message(e)))
                .andFinally(() -> loading.set(false));
    }

    public void hide() { showing.set(false); }

    /**
     * Enter in the search field: the first type whose own name or description matches the search (not only its
     * source's description), else the first shown; nothing when no type matches.
     */
    public void selectFirst() {
        TemplateGroup.best(groups, query.get()).ifPresent(this::select);
    }

    public void select(EventType type) {
        if (type == null || type.equals(selected.get())) return;
        selected.set(type);
        List<TemplateParameter> fields = type.params().stream().map(TemplateParameter::new).toList();
        fields.forEach(f -> f.valueProperty().addListener((o, was, now) -> refreshPreview()));
        parameters.setAll(fields);
        refreshPreview();
    }

    /**
     * Hands the event in the preview to the editor and closes the picker: exactly what was shown (ids and times
     * included). While a newer preview is still being generated, the event is generated once more for Use.
     */
    public void use() {
        EventType type = selected.get();
        if (type == null || !error.get().isEmpty()) return;
        if (previewed == generation && !preview.get().isEmpty()) {
            used(preview.get());
            return;
        }
        long ticket = ++generation;
        Map<String, String> values = values();
        EventLibrary from = library;
        tasks.run(() -> generate(from, type, values)).onSuccess(json -> {
            if (ticket == generation) used(json);
        }).onFailure(e -> {
            if (ticket == generation) error.set(message(e));
        });
    }

    private void used(String json) {
        onUse.accept(json);
        showing.set(false);
    }

    private void refreshGroups() {
        if (library == null) return;
        groups.setAll(TemplateGroup.search(library, query.get()));
        int total = library.types().size();
        int shown = groups.stream().mapToInt(g -> g.types().size()).sum();
        if (query.get().isBlank()) {
            int sources = library.sources().size();
            status.set(total + (total == 1 ? " template" : " templates") + " from " + sources
                    + (sources == 1 ? " source" : " sources"));
        } else if (shown == 0) {
            status.set("No template matches \"" + query.get().trim() + "\": search by service (sqs), "
                    + "event (put) or words of the description.");
        } else {
            status.set(shown + " of " + total + " templates match");
        }
    }

    /** Generates in the background; an older answer that arrives after a newer request is dropped. */
    private void refreshPreview() {
        EventType type = selected.get();
        long ticket = ++generation;
        Map<String, String> values = values();
        EventLibrary from = library;
        tasks.run(() -> generate(from, type, values)).onSuccess(json -> {
            if (ticket != generation) return;
            previewed = ticket;
            preview.set(json);
            error.set("");
        }).onFailure(e -> {
            if (ticket != generation) return;
            preview.set("");
            error.set(message(e));
        });
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach(p -> values.put(p.name(), p.valueProperty().get()));
        return values;
    }

    private static String generate(EventLibrary library, EventType type, Map<String, String> values)
            throws Exception {
        return JsonTools.format(library.generate(type.source(), type.type(), values).toString());
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
