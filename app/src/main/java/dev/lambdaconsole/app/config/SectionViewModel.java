package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.workspace.FunctionNotFoundException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * One section of the Configuration tab: a form filled from the workspace, edited in place, saved or cancelled
 * as a whole. {@code S} is what the section reads from disk; the form's values are compared with what was
 * loaded, so the section knows when it has unsaved edits (and then keeps them when the function changes
 * elsewhere, flagging the change instead).
 */
public abstract class SectionViewModel<S> {
    protected final String function;
    protected final TaskRunner tasks;
    private final String title;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper changedElsewhere = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private Object baseline;
    private boolean filling;

    protected SectionViewModel(String title, String function, TaskRunner tasks) {
        this.title = title;
        this.function = function;
        this.tasks = tasks;
    }

    public String title() { return title; }
    /** False until the section was read (and while it cannot be): the form is disabled then. */
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    /** The form differs from what was loaded or saved last. */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The saved values changed elsewhere (e.g. the AWS CLI) while this form had unsaved edits. */
    public ReadOnlyBooleanProperty changedElsewhereProperty() { return changedElsewhere.getReadOnlyProperty(); }
    /** The outcome of the last load or save: "Saved", or why it failed. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }

    /** Reads the section in the background (disk). */
    protected abstract S read() throws Exception;

    /** Fills the form from what was read. */
    protected abstract void show(S state);

    /** The form's values as the section compares them ({@link #formOf} of a state gives the same shape). */
    protected abstract Object formState();

    /** What the form would show for {@code state}. */
    protected abstract Object formOf(S state);

    /** Checks every field, sets the fields' messages, and returns the problems as sentences (none: valid). */
    protected abstract List<String> validate();

    /** The save to run in the background, built from the form's values on the UI thread. */
    protected abstract Callable<S> saveWork();

    /** Loads (or reloads) the section, dropping edits. */
    public void load() {
        tasks.run(this::read).onSuccess(this::fill).onFailure(e -> {
            loaded.set(false);
            report("Cannot load the " + title.toLowerCase() + ": " + describe(e), true);
        });
    }

    /** Cancel: the form shows the saved values again. */
    public void cancel() {
        load();
    }

    /** Saves the form as a whole when every field is valid; otherwise says what to fix. */
    public void save() {
        if (busy.get() || !loaded.get()) return;
        List<String> problems = validate();
        if (!problems.isEmpty()) {
            report("Not saved: " + String.join("; ", problems), true);
            return;
        }
        busy.set(true);
        message.set("");
        tasks.run(saveWork()).onSuccess(saved -> {
            fill(saved);
            report("Saved", false);
        }).onFailure(e -> report("Not saved: " + describe(e), true)).andFinally(() -> busy.set(false));
    }

    /** The function's configuration changed on disk (UI thread). */
    void externalChange() {
        if (busy.get()) return; // our own save: its result is shown when it completes
        if (!dirty.get()) {
            load();
            return;
        }
        tasks.run(this::read).onSuccess(s -> {
            if (!Objects.equals(formOf(s), baseline)) changedElsewhere.set(true);
        });
    }

    /** Fields call this when the user changes them. */
    protected final void edited() {
        if (filling) return;
        dirty.set(loaded.get() && !Objects.equals(formState(), baseline));
        validate();
    }

    private void fill(S state) {
        filling = true;
        try {
            show(state);
        } finally {
            filling = false;
        }
        baseline = formOf(state);
        loaded.set(true);
        dirty.set(false);
        changedElsewhere.set(false);
        validate();
        report("", false);
    }

    private void report(String text, boolean failure) {
        message.set(text);
        failed.set(failure);
    }

    /** An error as the user should read it. */
    static String describe(Throwable e) {
        if (e instanceof ValidationException v) {
            return v.problems().stream().map(ValidationException.Problem::message).collect(Collectors.joining("; "));
        }
        if (e instanceof FunctionNotFoundException) {
            return "the function no longer exists in the workspace";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
