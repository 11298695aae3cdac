package dev.lambdaconsole.app.create;

import atlantafx.base.theme.Styles;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.stream.Collectors;

/** The blueprints (name, description, languages) beside a preview of the code the function will start with. */
final class BlueprintPicker extends HBox {
    private final ListView<Blueprint> list = new ListView<>();
    private final TextArea preview = new TextArea();

    BlueprintPicker(CreateFunctionViewModel vm) {
        super(12);
        list.setId("blueprintList");
        list.setItems(FXCollections.observableArrayList(vm.blueprints()));
        list.setCellFactory(v -> new BlueprintCell());
        list.setPrefSize(380, 300);
        list.getSelectionModel().select(vm.blueprintProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) vm.blueprintProperty().set(now);
        });
        vm.blueprintProperty().addListener((o, was, now) -> list.getSelectionModel().select(now));

        preview.setId("blueprintPreview");
        preview.setEditable(false);
        preview.setStyle("-fx-font-family: monospace;");
        preview.textProperty().bind(vm.codePreviewProperty());
        Label title = new Label("Code preview");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        VBox previewBox = new VBox(6, title, preview);
        VBox.setVgrow(preview, Priority.ALWAYS);
        HBox.setHgrow(previewBox, Priority.ALWAYS);
        getChildren().addAll(list, previewBox);
    }

    /** Name, description and the languages a blueprint comes in. */
    private static final class BlueprintCell extends ListCell<Blueprint> {
        @Override
        protected void updateItem(Blueprint blueprint, boolean empty) {
            super.updateItem(blueprint, empty);
            setText(null);
            if (empty || blueprint == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(blueprint.title());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label description = new Label(blueprint.description());
            description.setWrapText(true);
            description.setPrefWidth(330);
            description.setMinHeight(Region.USE_PREF_SIZE);
            Label languages = new Label(languages(blueprint));
            languages.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            setGraphic(new VBox(2, name, description, languages));
            setPadding(new Insets(6, 8, 6, 8));
        }
    }

    /** "Python · Node.js" */
    static String languages(Blueprint blueprint) {
        return blueprint.code().keySet().stream().sorted().map(RuntimeChoices::language)
                .collect(Collectors.joining(" · "));
    }
}
