package dev.lambdaconsole.app.versions;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.runtime.workspace.Alias;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * Create or edit an alias: name, description, the version, an additional version and the weight slider (0–100 %)
 * with where the invocations go ("90 % → 1, 10 % → 2"). Save stays open on a refusal and shows Lambda's words.
 */
final class AliasEditorDialog extends Dialog<Alias> {
    static final String NONE = "None";

    AliasEditorDialog(AliasEditorViewModel vm, Window owner) {
        setTitle(vm.creating() ? "Create alias" : "Edit alias");
        setHeaderText(vm.creating() ? "Create an alias of " + vm.function()
                : "Edit alias " + vm.nameProperty().get() + " of " + vm.function());
        initOwner(owner);

        TextField name = new TextField();
        name.setId("aliasNameField");
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.setDisable(!vm.creating()); // Lambda has no rename
        TextField description = new TextField();
        description.setId("aliasDescriptionField");
        description.setPromptText("Optional");
        description.textProperty().bindBidirectional(vm.descriptionProperty());

        ComboBox<String> version = new ComboBox<>(vm.versions());
        version.setId("aliasVersionChoice");
        version.valueProperty().bindBidirectional(vm.versionProperty());

        ComboBox<String> additional = new ComboBox<>();
        additional.setId("aliasAdditionalVersionChoice");
        Runnable offer = () -> {
            List<String> items = new ArrayList<>();
            items.add(NONE);
            items.addAll(vm.additionalChoices());
            additional.getItems().setAll(items);
            additional.setValue(vm.additionalVersionProperty().get() == null ? NONE : vm.additionalVersionProperty().get());
        };
        vm.additionalChoices().addListener((ListChangeListener<String>) c -> offer.run());
        offer.run();
        additional.valueProperty().addListener((o, was, now) -> {
            String chosen = now == null || NONE.equals(now) ? null : now;
            if (!java.util.Objects.equals(chosen, vm.additionalVersionProperty().get())) {
                vm.additionalVersionProperty().set(chosen);
            }
        });
        vm.additionalVersionProperty().addListener((o, was, now) -> additional.setValue(now == null ? NONE : now));
        additional.disableProperty().bind(Bindings.isEmpty(vm.additionalChoices()));

        Slider weight = new Slider(0, 100, vm.weightPercentProperty().get());
        weight.setId("aliasWeightSlider");
        weight.setShowTickLabels(true);
        weight.setShowTickMarks(true);
        weight.setMajorTickUnit(10);
        weight.setMinorTickCount(1);
        weight.setBlockIncrement(1);
        weight.setPrefWidth(320);
        weight.valueProperty().bindBidirectional(vm.weightPercentProperty());
        weight.disableProperty().bind(vm.additionalVersionProperty().isNull());
        Label split = new Label();
        split.setId("aliasSplitLabel");
        split.getStyleClass().add(Styles.TEXT_BOLD);
        split.textProperty().bind(vm.splitProperty());

        Label problem = new Label();
        problem.setId("aliasProblemLabel");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.WARNING);
        problem.textProperty().bind(vm.problemProperty());
        Label refused = new Label();
        refused.setId("aliasSaveErrorLabel");
        refused.setWrapText(true);
        refused.getStyleClass().add(Styles.DANGER);
        refused.textProperty().bind(vm.saveErrorProperty());
        for (Label l : List.of(problem, refused)) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
            l.setMaxWidth(460);
        }

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Description"), description);
        form.addRow(2, new Label("Version"), version);
        form.addRow(3, new Label("Additional version"), additional);
        form.addRow(4, new Label("Weight of the additional version"), weight);
        form.addRow(5, new Label("Invocations"), split);
        GridPane.setHgrow(name, Priority.ALWAYS);
        Label hint = new Label("An additional version gets the weight's share of the alias's invocations (weighted "
                + "routing, for canary releases). Both versions must be published; $LATEST cannot be weighted.");
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox content = new VBox(10, form, hint, problem, refused);
        content.setPadding(new Insets(8, 0, 0, 0));
        getDialogPane().setContent(content);

        ButtonType save = new ButtonType(vm.creating() ? "Create" : "Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Node saveButton = getDialogPane().lookupButton(save);
        saveButton.setId("aliasSaveButton");
        ((Button) saveButton).disableProperty().bind(vm.problemProperty().isNotEmpty().or(vm.savingProperty()));
        // Save asks Lambda first: the dialog closes with the saved alias, or stays open with the refusal
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save(alias -> {
                setResult(alias);
                close();
            });
        });
        setResultConverter(b -> null);
        setOnShown(e -> (vm.creating() ? name : description).requestFocus());
    }
}
