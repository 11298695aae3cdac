package dev.lambdaconsole.app.test;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The chosen template's parameters, one row each: the name, a field prefilled with the default (the description
 * as prompt and tooltip). Enter in a field uses the template.
 */
final class TemplateForm extends GridPane {
    private final ObservableList<TemplateParameter> parameters;
    private final Runnable onEnter;

    TemplateForm(ObservableList<TemplateParameter> parameters, Runnable onEnter) {
        this.parameters = parameters;
        this.onEnter = onEnter;
        setId("templateForm");
        setHgap(10);
        setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(names, fields);
        parameters.addListener((ListChangeListener<TemplateParameter>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        if (parameters.isEmpty()) {
            Label none = new Label("This template has no parameters.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            add(none, 0, 0, 2, 1);
            return;
        }
        int row = 0;
        for (TemplateParameter p : parameters) {
            Label name = new Label(p.name());
            TextField field = new TextField();
            field.setId("param-" + p.name());
            field.textProperty().bindBidirectional(p.valueProperty());
            field.setPromptText(p.description());
            field.setTooltip(new Tooltip(p.description() + "\nDefault: " + p.defaultValue()));
            field.setOnAction(e -> onEnter.run());
            name.setLabelFor(field);
            add(name, 0, row);
            add(field, 1, row);
            row++;
        }
    }
}
