package dev.lambdaconsole.app.monitor.tuning;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A choice of the tuning form (a memory size or an architecture): chosen or not, and when it cannot be had, why
 * (then it cannot be chosen).
 */
public final class SizeOption {
    private final String value;
    private final String label;
    private final BooleanProperty chosen;
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper();

    SizeOption(String value, String label, boolean chosen) {
        this.value = value;
        this.label = label;
        this.chosen = new SimpleBooleanProperty(chosen);
    }

    public String value() { return value; }
    public String label() { return label; }
    public BooleanProperty chosenProperty() { return chosen; }
    public boolean chosen() { return chosen.get() && unavailable.get() == null; }

    /** Why this cannot be chosen here, or null. */
    public ReadOnlyStringProperty unavailableProperty() { return unavailable.getReadOnlyProperty(); }

    void unavailable(String why) {
        unavailable.set(why);
        if (why != null) chosen.set(false);
    }
}
