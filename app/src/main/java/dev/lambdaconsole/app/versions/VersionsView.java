package dev.lambdaconsole.app.versions;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import static dev.lambdaconsole.app.common.Columns.column;


/**
 * The function page's Versions tab, as in the Lambda console: $LATEST and the published versions, "Publish new
 * version" (with a description) and delete with confirm; a refusal shows in Lambda's words above the table.
 */
public final class VersionsView extends BorderPane {
    private final VersionsViewModel vm;
    private final TableView<VersionRow> table;
    private VersionDialogs dialogs = new FxVersionDialogs(this);

    public VersionsView(ConsoleServices services, String function) {
        vm = new VersionsViewModel(function, services.workspace(), services.tasks(),
                services.engine().settings()::functionArn);
        setId("versionsView");
        setPadding(new Insets(12));

        Label title = new Label("Versions");
        title.getStyleClass().add(Styles.TITLE_4);
        Button publish = new Button("Publish new version", new FontIcon(Feather.UPLOAD_CLOUD));
        publish.setId("publishVersionButton");
        publish.getStyleClass().add(Styles.ACCENT);
        publish.setTooltip(new Tooltip("Snapshot $LATEST's code and configuration as version N (never changed after)"));
        publish.disableProperty().bind(vm.busyProperty());
        publish.setOnAction(e -> dialogs.askVersionDescription(function).ifPresent(vm::publish));
        table = table();
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("deleteVersionButton");
        var selected = table.getSelectionModel().selectedItemProperty();
        delete.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().latest(), selected).or(vm.busyProperty()));
        delete.setOnAction(e -> {
            VersionRow row = table.getSelectionModel().getSelectedItem();
            if (row != null && dialogs.confirm("Delete version " + row.name() + "?",
                    VersionsViewModel.deleteQuestion(row), "Delete")) {
                vm.delete(row);
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, title, gap, delete, publish);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Each published version is an immutable copy of the code and configuration with "
                + "its own execution environments; invoke one as " + function + ":N or choose it on the Test tab.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        Label message = new Label();
        message.setId("versionsMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.styleProperty().bind(vm.messageIsErrorProperty().map(error -> error
                ? "-fx-text-fill: -color-danger-fg;" : "-fx-text-fill: -color-fg-muted;"));
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        VBox top = new VBox(8, bar, hint, message);
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);
        setCenter(table);
    }

    private TableView<VersionRow> table() {
        TableView<VersionRow> t = new TableView<>(vm.versions());
        t.setId("versionsTable");
        t.getStyleClass().add(Styles.STRIPED);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("Reading the versions…"));
        t.getColumns().add(column("Version", 90, VersionRow::name));
        t.getColumns().add(column("Description", 260, VersionRow::description));
        TableColumn<VersionRow, String> sha = column("CodeSha256", 140, VersionRow::codeSha256);
        sha.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                VersionRow row = empty ? null : getTableRow().getItem();
                setText(empty ? null : item);
                setTooltip(row == null ? null : new Tooltip(row.fullCodeSha256()));
            }
        });
        t.getColumns().add(sha);
        t.getColumns().add(column("Last modified", 220, VersionRow::lastModified));
        t.getColumns().add(column("Code size", 100, VersionRow::codeSize));
        return t;
    }


    public VersionsViewModel viewModel() { return vm; }

    /** Answers the tab's questions another way (tests). */
    public void setDialogs(VersionDialogs dialogs) { this.dialogs = dialogs; }

    public void close() { vm.close(); }
}
