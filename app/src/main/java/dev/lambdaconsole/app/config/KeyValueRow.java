package dev.lambdaconsole.app.config;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/** One editable row of a key/value table (environment variables, tags), with what is wrong with it. */
public final class KeyValueRow {
    private final StringProperty key;
    private final StringProperty value;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public KeyValueRow(String key, String value) {
        this.key = new SimpleStringProperty(key);
        this.value = new SimpleStringProperty(value);
    }

    public StringProperty keyProperty() { return key; }
    public StringProperty valueProperty() { return value; }
    /** Empty when the row is fine. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    String key() { return key.get(); }
    String value() { return value.get(); }
    List<String> pair() { return List.of(key.get(), value.get()); }

    /** Keeps the first problem found for the row. */
    void problem(String text) {
        if (error.get().isEmpty()) error.set(text);
    }

    void clearProblem() { error.set(""); }
}
