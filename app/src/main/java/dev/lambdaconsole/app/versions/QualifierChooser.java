package dev.lambdaconsole.app.versions;

import javafx.beans.property.Property;
import javafx.scene.control.ComboBox;

/**
 * A chooser of $LATEST, a version or an alias (and "All" for filters), kept on the qualifier {@code value} a
 * ViewModel holds (null: all). When the chosen one is deleted, the chooser falls back to the first choice.
 */
public final class QualifierChooser extends ComboBox<Qualifier> {

    public QualifierChooser(QualifierChoices choices, Property<String> value) {
        super(choices.choices());
        setPrefWidth(240); // long alias routings stay readable in the list without widening the toolbar
        setValue(choices.find(value.getValue()));
        valueProperty().addListener((o, was, now) -> {
            if (now != null && !java.util.Objects.equals(now.value(), value.getValue())) value.setValue(now.value());
        });
        value.addListener((o, was, now) -> {
            Qualifier q = choices.find(now);
            if (q != null && q != getValue()) setValue(q);
        });
        choices.onChange(() -> {
            Qualifier q = choices.find(value.getValue());
            if (q == null) q = choices.choices().get(0);
            setValue(q);
            if (!java.util.Objects.equals(q.value(), value.getValue())) value.setValue(q.value());
        });
    }
}
