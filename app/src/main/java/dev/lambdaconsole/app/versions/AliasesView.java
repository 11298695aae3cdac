package dev.lambdaconsole.app.versions;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;

import static dev.lambdaconsole.app.common.Columns.column;

/**
 * The function page's Aliases tab: the aliases (name, version, additional version and weight, description),
 * Create, Edit (double-click too) and Delete, and below, where the chosen alias's invocations landed, per executed
 * version over time.
 */
public final class AliasesView extends BorderPane {
    private final AliasesViewModel vm;
    private final TableView<AliasRow> table;
    private AliasTrafficChart chart = new AliasTrafficChart();
    private final ChangeListener<AliasRow> chosen;
    private final VBox trafficBox = new VBox(6);
    private VersionDialogs dialogs = new FxVersionDialogs(this);

    public AliasesView(ConsoleServices services, String function) {
        vm = new AliasesViewModel(function, services.workspace(), services.logs(), services.tasks(),
                services.engine().settings()::functionArn, ZoneId.systemDefault());
        setId("aliasesView");
        setPadding(new Insets(12));

        Label title = new Label("Aliases");
        title.getStyleClass().add(Styles.TITLE_4);
        Button create = new Button("Create alias", new FontIcon(Feather.PLUS));
        create.setId("createAliasButton");
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> edit(null));
        table = table();
        Button edit = new Button("Edit", new FontIcon(Feather.EDIT_2));
        edit.setId("editAliasButton");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> edit(table.getSelectionModel().getSelectedItem()));
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("deleteAliasButton");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> {
            AliasRow row = table.getSelectionModel().getSelectedItem();
            if (row != null && dialogs.confirm("Delete alias " + row.name() + "?", AliasesViewModel.deleteQuestion(row),
                    "Delete")) {
                vm.delete(row);
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, title, gap, edit, delete, create);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("An alias names a version (" + function + ":ALIAS) and can send a share of its "
                + "invocations to a second version. Choose one to see where its invocations landed.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        Label message = new Label();
        message.setId("aliasesMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.styleProperty().bind(vm.messageIsErrorProperty().map(error -> error
                ? "-fx-text-fill: -color-danger-fg;" : "-fx-text-fill: -color-fg-muted;"));
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        VBox top = new VBox(8, bar, hint, message);
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);

        // the table's selection and the view model's chosen alias follow each other (a refresh keeps the choice)
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != vm.selectedProperty().get()) vm.selectedProperty().set(now);
        });
        chosen = (o, was, now) -> {
            if (now == null) table.getSelectionModel().clearSelection();
            else if (table.getSelectionModel().getSelectedItem() != now) table.getSelectionModel().select(now);
        };
        vm.selectedProperty().addListener(chosen);
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && table.getSelectionModel().getSelectedItem() != null) {
                edit(table.getSelectionModel().getSelectedItem());
            }
        });

        Label trafficTitle = new Label();
        trafficTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label summary = new Label();
        summary.setId("aliasTrafficSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        vm.trafficProperty().addListener((o, was, now) -> {
            trafficTitle.setText(now == null ? "Traffic" : "Where invocations of " + now.alias() + " landed");
            summary.setText(now == null ? "Choose an alias above to see which versions ran its invocations."
                    : now.summary());
            // a new chart for each reading: a category axis whose categories change (while its tab is hidden, too)
            // keeps stale tick positions
            AliasTrafficChart fresh = new AliasTrafficChart();
            fresh.show(now);
            trafficBox.getChildren().set(trafficBox.getChildren().indexOf(chart), fresh);
            VBox.setVgrow(fresh, Priority.ALWAYS);
            chart = fresh;
        });
        trafficTitle.setText("Traffic");
        summary.setText("Choose an alias above to see which versions ran its invocations.");
        trafficBox.getChildren().addAll(trafficTitle, summary, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        trafficBox.setPadding(new Insets(8, 0, 0, 0));
        SplitPane split = new SplitPane(table, trafficBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        setCenter(split);
    }

    private void edit(AliasRow row) {
        vm.editor(row, editor -> dialogs.editAlias(editor).ifPresent(alias -> vm.saved(alias, row == null)));
    }

    private TableView<AliasRow> table() {
        TableView<AliasRow> t = new TableView<>(vm.aliases());
        t.setId("aliasesTable");
        t.getStyleClass().add(Styles.STRIPED);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No aliases yet: publish a version, then create an alias that points at it."));
        t.getColumns().add(column("Name", 160, AliasRow::name));
        t.getColumns().add(column("Version", 90, AliasRow::version));
        TableColumn<AliasRow, String> extra = column("Additional version", 170, AliasRow::additional);
        extra.setGraphic(null);
        t.getColumns().add(extra);
        t.getColumns().add(column("Description", 300, AliasRow::description));
        Tooltip.install(t, new Tooltip("Double-click an alias to edit it"));
        return t;
    }


    public AliasesViewModel viewModel() { return vm; }

    /** Answers the tab's questions another way (tests). */
    public void setDialogs(VersionDialogs dialogs) { this.dialogs = dialogs; }

    public void close() {
        vm.selectedProperty().removeListener(chosen);
        vm.close();
    }
}
