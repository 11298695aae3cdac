package dev.lambdaconsole.app.functions;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/** The Functions page: the table of functions with search, create, open and delete. */
public final class FunctionsView extends BorderPane {
    private final FunctionsViewModel model;
    private final ConsoleServices services;
    private final TableView<FunctionRow> table = new TableView<>();

    public FunctionsView(ConsoleServices services) {
        this.services = services;
        this.model = new FunctionsViewModel(services.workspace(), services.logs(), services.tasks());
        setId("functionsPage");
        setPadding(new Insets(16));

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.size(model.visibleRows()).asString("Functions (%d)"));

        CustomTextField search = new CustomTextField();
        search.setId("functionSearchField");
        search.setPromptText("Filter by name, runtime or description");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(320);
        search.textProperty().bindBidirectional(model.filterProperty());

        Button refresh = iconButton("refreshFunctionsButton", Feather.REFRESH_CW, "Reload from the workspace");
        refresh.setOnAction(e -> model.reload());
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("deleteFunctionButton");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> confirmDelete());
        Button create = new Button("Create function", new FontIcon(Feather.PLUS));
        create.setId("createFunctionButton");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> services.shell().showCreateFunction());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox toolbar = new HBox(8, title, gap, refresh, delete, create);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("functionsMessage");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(model.messageProperty());

        buildTable();
        VBox top = new VBox(12, toolbar, search, message);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);
        setCenter(table);
    }

    private void buildTable() {
        table.setId("functionsTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<FunctionRow, String> name = column("Function name", FunctionRow::name, 220);
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove(Styles.ACCENT);
                if (!empty) getStyleClass().add(Styles.ACCENT);
            }
        });
        TableColumn<FunctionRow, String> description = column("Description",
                r -> r.error() != null ? "Cannot read: " + r.error() : r.description(), 260);
        table.getColumns().add(name);
        table.getColumns().add(description);
        table.getColumns().add(column("Runtime", FunctionRow::runtime, 110));
        table.getColumns().add(column("Architecture", FunctionRow::architecture, 100));
        table.getColumns().add(column("Memory", r -> r.memoryMb() == 0 ? "" : r.memoryMb() + " MB", 90));
        table.getColumns().add(column("Code size", r -> r.error() != null ? "" : r.codeSizeText(), 90));
        table.getColumns().add(column("Last modified", FunctionRow::lastModified, 200));
        table.setItems(model.visibleRows());
        Label empty = new Label("No functions yet. Create one, or use the AWS CLI against " + services.endpointUrl()
                + ".");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setRowFactory(t -> {
            TableRow<FunctionRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) open(row.getItem());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            FunctionRow selected = table.getSelectionModel().getSelectedItem();
            if (selected == null) return;
            if (e.getCode() == KeyCode.ENTER) open(selected);
            if (e.getCode() == KeyCode.DELETE) confirmDelete();
        });
    }

    private void open(FunctionRow row) {
        if (row.error() == null) services.shell().openFunction(row.name());
    }

    private void confirmDelete() {
        FunctionRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) return;
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Delete function " + row.name() + "? Its code, saved test events and logs are removed. "
                        + "This cannot be undone.", ButtonType.CANCEL, ButtonType.OK);
        confirm.setTitle("Delete function");
        confirm.setHeaderText("Delete " + row.name() + "?");
        if (getScene() != null) confirm.initOwner(getScene().getWindow());
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Delete");
        confirm.getDialogPane().lookupButton(ButtonType.OK).setId("confirmDeleteButton");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.delete(row.name()));
    }

    private static TableColumn<FunctionRow, String> column(String title, Function<FunctionRow, String> value,
                                                           double width) {
        TableColumn<FunctionRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static Button iconButton(String id, Feather icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add(Styles.BUTTON_ICON);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        return b;
    }

    public void close() { model.close(); }
}
