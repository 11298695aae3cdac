package dev.lambdaconsole.app.services;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One message attribute being written (SQS SendMessage, SNS Publish): name, data type, value, and its problem. */
public final class AttributeRow {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty type = new SimpleStringProperty("String");
    private final StringProperty value = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public StringProperty nameProperty() { return name; }
    public StringProperty typeProperty() { return type; }
    public StringProperty valueProperty() { return value; }
    /** Empty when the row is fine. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public String name() { return name.get() == null ? "" : name.get().trim(); }
    public String type() { return type.get() == null ? "" : type.get().trim(); }
    public String value() { return value.get() == null ? "" : value.get(); }

    void problem(String text) { error.set(text == null ? "" : text); }
}
