package dev.lambdaconsole.app.services.apis;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One request header as typed: name and value. */
public final class HeaderRow {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");

    public HeaderRow(String name, String value) {
        this.name.set(name);
        this.value.set(value);
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty valueProperty() { return value; }
    public String name() { return name.get() == null ? "" : name.get().trim(); }
    public String value() { return value.get() == null ? "" : value.get(); }
}
