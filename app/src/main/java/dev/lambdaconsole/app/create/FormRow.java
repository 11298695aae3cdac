package dev.lambdaconsole.app.create;

import atlantafx.base.theme.Styles;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One field of the wizard: caption, control, the broken rule next to it (once the user has changed the field)
 * and a hint below.
 */
final class FormRow extends HBox {
    static final double CAPTION_WIDTH = 170;
    private final Label hint = new Label();

    FormRow(String caption, Node control) {
        this(caption, control, null, null, null);
    }

    /**
     * @param error   the field's rule message from the ViewModel (null: no check)
     * @param edits   a value that changes when the user edits the field; the error shows after the first change
     * @param errorId the id of the error label
     */
    FormRow(String caption, Node control, ObservableStringValue error, ObservableValue<?> edits, String errorId) {
        super(12);
        Label label = new Label(caption);
        label.setMinWidth(CAPTION_WIDTH);
        label.setPrefWidth(CAPTION_WIDTH);
        label.setLabelFor(control);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        HBox line = new HBox(10, control);
        line.setAlignment(Pos.CENTER_LEFT);
        if (error != null) line.getChildren().add(errorLabel(error, edits, errorId));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        getChildren().addAll(label, new VBox(4, line, hint));
        setAlignment(Pos.TOP_LEFT);
        label.setPadding(new javafx.geometry.Insets(6, 0, 0, 0));
    }

    FormRow hint(String text) {
        hint.setText(text);
        return this;
    }

    Label hintLabel() { return hint; }

    /** A hint that follows a value (e.g. the chosen runtime's note). */
    FormRow hintBound(ObservableValue<String> text) {
        hint.textProperty().bind(text);
        return this;
    }

    /** Shown only in some modes of the wizard. */
    FormRow shownWhen(ObservableValue<Boolean> condition) {
        visibleProperty().bind(condition);
        managedProperty().bind(visibleProperty());
        return this;
    }

    private static Label errorLabel(ObservableStringValue error, ObservableValue<?> edits, String id) {
        BooleanProperty touched = new SimpleBooleanProperty(false);
        edits.addListener((o, was, now) -> touched.set(true));
        Label label = new Label(null, new FontIcon(Feather.ALERT_CIRCLE));
        label.setId(id);
        label.getStyleClass().add(Styles.DANGER);
        label.setWrapText(true);
        label.setMaxWidth(460);
        label.textProperty().bind(error);
        label.visibleProperty().bind(touched.and(javafx.beans.binding.Bindings.isNotEmpty(error)));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
