package dev.lambdaconsole.app.common;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's progress area: long work in flight (image pulls and builds, container starts, compiles,
 * deploys). Any thread may start or update an entry; the list and its properties change on the UI thread.
 */
public final class ProgressBoard {
    private final TaskRunner ui;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final Map<String, Entry> byTask = new ConcurrentHashMap<>();

    public ProgressBoard(TaskRunner ui) {
        this.ui = ui;
    }

    /** Entries in flight, oldest first. */
    public ObservableList<Entry> entries() { return entries; }

    /** Starts showing {@code task}; the returned entry is updated and finished by the caller. */
    public Entry start(String task) {
        Entry e = new Entry(task);
        ui.onUi(() -> entries.add(e));
        return e;
    }

    /**
     * The unfinished entry reported under {@code task}, or a new one (for progress reported by task name from
     * any thread). Looked up in its own map, not in {@link #entries()}, which only the UI thread changes.
     */
    public Entry entry(String task) {
        return byTask.computeIfAbsent(task, this::start);
    }

    /** One piece of long work. */
    public final class Entry {
        private final String task;
        private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
        private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
        private volatile boolean finished;

        private Entry(String task) {
            this.task = task;
        }

        public String task() { return task; }
        public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }
        /** 0..1, or -1 while the amount of work is unknown. */
        public ReadOnlyDoubleProperty fractionProperty() { return fraction.getReadOnlyProperty(); }
        public boolean finished() { return finished; }

        public void update(String text, double value) {
            ui.onUi(() -> {
                detail.set(text == null ? "" : text);
                fraction.set(value);
            });
        }

        /** Removes the entry from the area. */
        public void done() {
            finished = true;
            byTask.remove(task, this);
            ui.onUi(() -> entries.remove(this));
        }
    }
}
