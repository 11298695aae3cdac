package dev.lambdaconsole.app.monitor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * Monitor's Traces: a trace per recent invocation (the Monitor's list, so new invocations appear as they are
 * recorded), filtered to cold starts or errors, and the timeline of the one chosen.
 */
public final class TracesViewModel {
    private final ObservableList<InvocationRow> source;
    private final ObservableList<TraceRow> traces = FXCollections.observableArrayList();
    private final BooleanProperty coldOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty errorsOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<TraceRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TraceTimeline> timeline = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unrecorded = new ReadOnlyStringWrapper("");
    private final ListChangeListener<InvocationRow> sourceChanged = c -> rebuild();

    public TracesViewModel(ObservableList<InvocationRow> invocations) {
        this.source = invocations;
        source.addListener(sourceChanged);
        coldOnly.addListener((o, was, now) -> rebuild());
        errorsOnly.addListener((o, was, now) -> rebuild());
        selected.addListener((o, was, now) -> {
            timeline.set(now == null ? null : now.timeline());
            unrecorded.set(now == null || now.timeline().unrecorded().isEmpty() ? ""
                    : "Not recorded for this invocation: " + String.join(", ", now.timeline().unrecorded()) + ".");
        });
        rebuild();
    }

    /** The traces shown, newest first. */
    public ObservableList<TraceRow> traces() { return traces; }
    public BooleanProperty coldOnlyProperty() { return coldOnly; }
    public BooleanProperty errorsOnlyProperty() { return errorsOnly; }
    /** The trace chosen in the list; the view sets it. */
    public ObjectProperty<TraceRow> selectedProperty() { return selected; }
    /** The chosen trace's timeline, or null. */
    public ReadOnlyObjectProperty<TraceTimeline> timelineProperty() { return timeline.getReadOnlyProperty(); }
    /** "3 of 12 traces: cold starts" — what the list holds. */
    public ReadOnlyStringProperty countProperty() { return count.getReadOnlyProperty(); }
    /** Which figures the chosen invocation's record lacks ("Not recorded for this invocation: overhead."). */
    public ReadOnlyStringProperty unrecordedProperty() { return unrecorded.getReadOnlyProperty(); }

    /** Chooses the trace of invocation {@code requestId} if it is listed; returns whether it is. */
    public boolean select(String requestId) {
        for (TraceRow row : traces) {
            if (row.requestId().equals(requestId)) {
                selected.set(row);
                return true;
            }
        }
        return false;
    }

    private void rebuild() {
        String keep = selected.get() == null ? null : selected.get().requestId();
        List<TraceRow> rows = new ArrayList<>(source.size());
        for (InvocationRow r : source) {
            if (coldOnly.get() && !r.cold()) continue;
            if (errorsOnly.get() && !r.failed()) continue;
            rows.add(TraceRow.of(r));
        }
        traces.setAll(rows);
        TraceRow kept = null;
        for (TraceRow row : rows) if (row.requestId().equals(keep)) kept = row;
        selected.set(kept);
        String filter = coldOnly.get() && errorsOnly.get() ? ": cold starts with errors"
                : coldOnly.get() ? ": cold starts" : errorsOnly.get() ? ": errors" : "";
        count.set(source.isEmpty() ? "No invocations yet: run a test or call the function to see its trace here."
                : rows.size() + " of " + source.size() + " recent trace" + (source.size() == 1 ? "" : "s") + filter);
    }

    /** Stops following the Monitor's list. */
    public void close() { source.removeListener(sourceChanged); }
}
