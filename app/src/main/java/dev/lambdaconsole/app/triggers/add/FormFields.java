package dev.lambdaconsole.app.triggers.add;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The pieces Add trigger's forms are built from: a field with its label, hint and broken rule. */
final class FormFields {
    private FormFields() { }

    /**
     * A labelled field; its error shows once the user has changed the field ({@code edits} changed), or at once
     * when {@code edits} is null.
     */
    static VBox field(String label, Node input, ObservableValue<String> error, ObservableValue<?> edits,
                      String errorId, String hint) {
        Label name = new Label(label);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setLabelFor(input);
        VBox box = new VBox(4, name, input);
        if (hint != null) box.getChildren().add(muted(hint));
        if (error != null) box.getChildren().add(error(error, edits, errorId));
        return box;
    }

    static TextField text(String id, String prompt, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(columns);
        field.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return field;
    }

    static CheckBox check(String id, String text, BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        label.setWrapText(true);
        return label;
    }

    static Label error(ObservableValue<String> text, ObservableValue<?> edits, String id) {
        BooleanProperty touched = new SimpleBooleanProperty(edits == null);
        if (edits != null) edits.addListener((o, was, now) -> touched.set(true));
        Label label = new Label(null, new FontIcon(Feather.ALERT_CIRCLE));
        label.setId(id);
        label.getStyleClass().add(Styles.DANGER);
        label.setWrapText(true);
        label.setMaxWidth(620);
        label.textProperty().bind(text);
        label.visibleProperty().bind(touched.and(Bindings.createBooleanBinding(
                () -> text.getValue() != null && !text.getValue().isEmpty(), text)));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
