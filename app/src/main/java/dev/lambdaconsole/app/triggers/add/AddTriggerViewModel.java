package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Add trigger: the sources to pick from (filtered by a search), the picked form, and Add — enabled while the
 * form is valid and nothing is running; a failure keeps the dialog open with the service's message.
 */
public final class AddTriggerViewModel {
    private final String function;
    private final FilteredList<TriggerForm> shown;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<TriggerForm> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper formValid = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canAdd;

    public AddTriggerViewModel(String function, List<TriggerForm> forms) {
        this.function = function;
        shown = new FilteredList<>(FXCollections.observableArrayList(forms));
        search.addListener((o, was, now) -> {
            String q = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(f -> q.isEmpty() || f.title().toLowerCase(Locale.ROOT).contains(q)
                    || f.id().contains(q));
        });
        selected.addListener((o, was, now) -> {
            error.set(null);
            formValid.unbind();
            if (now == null) formValid.set(false);
            else formValid.bind((ObservableBooleanValue) now.validProperty());
        });
        canAdd = Bindings.createBooleanBinding(() -> selected.get() != null && formValid.get() && !busy.get(),
                selected, formValid, busy);
    }

    /** Picks the source with this id (e.g. "sqs"); false when there is none. */
    public boolean select(String id) {
        for (TriggerForm f : shown.getSource()) {
            if (f.id().equals(id)) {
                selected.set(f);
                return true;
            }
        }
        return false;
    }

    /** Creates the trigger with the picked form; on success {@link #doneProperty()} turns true. */
    public void add() {
        TriggerForm form = selected.get();
        if (!canAdd.get()) return;
        busy.set(true);
        error.set(null);
        form.add().onSuccess(summary -> {
            result.set(summary);
            done.set(true);
        }).onFailure(e -> error.set(message(e))).andFinally(() -> busy.set(false));
    }

    /** The service's error as it words it. */
    static String message(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        if (t instanceof AwsServiceException a) return a.getMessage();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Releases every form's listeners. */
    public void close() {
        shown.getSource().forEach(TriggerForm::close);
    }

    public String function() { return function; }
    public FilteredList<TriggerForm> forms() { return shown; }
    public StringProperty searchProperty() { return search; }
    public ObjectProperty<TriggerForm> selectedProperty() { return selected; }
    public BooleanBinding canAddProperty() { return canAdd; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** The added trigger's summary. */
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
}
