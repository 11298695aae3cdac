package dev.lambdaconsole.app.test;

import dev.lambdaconsole.simulators.events.EventParam;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One parameter of the chosen template as the form edits it: prefilled with the library's default. */
public final class TemplateParameter {
    private final EventParam param;
    private final StringProperty value;

    TemplateParameter(EventParam param) {
        this.param = param;
        this.value = new SimpleStringProperty(param.defaultValue());
    }

    public String name() { return param.name(); }
    public String description() { return param.description(); }
    public String defaultValue() { return param.defaultValue(); }
    public StringProperty valueProperty() { return value; }
}
