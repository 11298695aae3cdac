package dev.lambdaconsole.app.services;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** The message attribute rows of a form: name, type (editable choice), value, remove; the first problem below. */
public final class AttributeRowsPane extends VBox {
    private final MessageAttributes attributes;
    private final List<String> types;
    private final VBox rows = new VBox(4);

    public AttributeRowsPane(String idPrefix, MessageAttributes attributes, List<String> types) {
        super(4);
        this.attributes = attributes;
        this.types = types;
        setId(idPrefix + "Attributes");
        Button add = new Button("Add attribute", new FontIcon(Feather.PLUS));
        add.setId(idPrefix + "AddAttributeButton");
        add.getStyleClass().add(Styles.SMALL);
        add.setOnAction(e -> attributes.add());
        Label error = new Label();
        error.setId(idPrefix + "AttributesError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(attributes.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(attributes.errorProperty()));
        error.managedProperty().bind(error.visibleProperty());
        attributes.rows().addListener((ListChangeListener<AttributeRow>) c -> {
            boolean structural = false;
            while (c.next()) structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
            if (structural) rebuild();
        });
        Label title = new Label("Message attributes");
        getChildren().addAll(title, rows, add, error);
        rebuild();
    }

    private void rebuild() {
        rows.getChildren().clear();
        for (AttributeRow r : attributes.rows()) {
            TextField name = new TextField();
            name.setPromptText("Name");
            name.getStyleClass().add("attribute-name");
            name.textProperty().bindBidirectional(r.nameProperty());
            ComboBox<String> type = new ComboBox<>();
            type.getItems().setAll(types);
            type.setEditable(true);
            type.getStyleClass().add("attribute-type");
            type.valueProperty().bindBidirectional(r.typeProperty());
            type.setPrefWidth(130);
            TextField value = new TextField();
            value.setPromptText("Value");
            value.getStyleClass().add("attribute-value");
            value.textProperty().bindBidirectional(r.valueProperty());
            HBox.setHgrow(value, Priority.ALWAYS);
            Button remove = new Button(null, new FontIcon(Feather.X));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            remove.setOnAction(e -> attributes.remove(r));
            r.errorProperty().addListener((o, a, b) -> {
                name.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty());
                value.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty());
            });
            HBox row = new HBox(6, name, type, value, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(row);
        }
    }
}
