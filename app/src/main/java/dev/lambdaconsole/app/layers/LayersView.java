package dev.lambdaconsole.app.layers;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.runtime.workspace.LayerStore;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;

/** The Layers page: a table of layer versions with publish (.zip), add to function and delete. */
public final class LayersView extends BorderPane {
    private final LayersViewModel model;
    private final TableView<LayerStore.LayerVersion> table = new TableView<>();

    public LayersView(ConsoleServices services) {
        this.model = new LayersViewModel(services.workspace(), new LayerStore(services.workspace(),
                services.engine().settings().region(), services.engine().settings().accountId()), services.tasks());
        setId("layersPage");
        setPadding(new Insets(16));
        Label title = new Label("Layers");
        title.getStyleClass().add(Styles.TITLE_3);
        Button publish = new Button("Publish version from .zip", new FontIcon(Feather.UPLOAD));
        publish.setId("publishLayerButton");
        publish.getStyleClass().add(Styles.ACCENT);
        publish.setOnAction(e -> publish());
        Button add = new Button("Add to function", new FontIcon(Feather.PLUS_CIRCLE));
        add.setId("addLayerToFunctionButton");
        add.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> addToFunction());
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("deleteLayerButton");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> delete());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, title, gap, add, delete, publish);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("layersMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Label hint = new Label("A layer's files appear under /opt in every function that uses it (python/ and "
                + "nodejs/node_modules/ are on the import paths). Folder: " + services.workspace().layersDir());
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        setTop(new VBox(8, bar, hint, message));
        BorderPane.setMargin(getTop(), new Insets(0, 0, 12, 0));

        table.setId("layersTable");
        table.getStyleClass().add(Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Name", LayerStore.LayerVersion::name, 160));
        table.getColumns().add(column("Version", v -> String.valueOf(v.version()), 70));
        table.getColumns().add(column("Size", v -> size(v.sizeBytes()), 90));
        table.getColumns().add(column("Used by", v -> String.join(", ", v.usedBy()), 200));
        table.getColumns().add(column("Version ARN", LayerStore.LayerVersion::arn, 380));
        table.setItems(model.layers());
        table.setPlaceholder(new Label("No layers yet: publish one from a .zip."));
        setCenter(table);
    }

    private void publish() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Layer contents (.zip)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Zip archives", "*.zip"));
        File zip = chooser.showOpenDialog(getScene().getWindow());
        if (zip == null) return;
        String suggested = zip.getName().replaceFirst("(?i)\\.zip$", "").replaceAll("[^a-zA-Z0-9_-]", "-");
        TextInputDialog name = new TextInputDialog(suggested);
        name.setTitle("Publish layer version");
        name.setHeaderText("Layer name (letters, digits, - and _; up to 64)");
        name.initOwner(getScene().getWindow());
        name.showAndWait().ifPresent(n -> model.publish(n, zip.toPath()));
    }

    private void addToFunction() {
        LayerStore.LayerVersion v = table.getSelectionModel().getSelectedItem();
        if (v == null || model.functions().isEmpty()) return;
        ChoiceDialog<String> choose = new ChoiceDialog<>(model.functions().get(0), model.functions());
        choose.setTitle("Add layer");
        choose.setHeaderText("Add " + v.name() + ":" + v.version() + " to which function?");
        choose.initOwner(getScene().getWindow());
        choose.showAndWait().ifPresent(f -> model.addToFunction(v, f));
    }

    private void delete() {
        LayerStore.LayerVersion v = table.getSelectionModel().getSelectedItem();
        if (v == null) return;
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + v.arn() + "?", ButtonType.CANCEL,
                ButtonType.OK);
        confirm.initOwner(getScene().getWindow());
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.delete(v));
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : bytes < 1 << 20
                ? String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static TableColumn<LayerStore.LayerVersion, String> column(String title,
            Function<LayerStore.LayerVersion, String> value, double width) {
        TableColumn<LayerStore.LayerVersion, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
