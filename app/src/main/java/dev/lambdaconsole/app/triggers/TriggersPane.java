package dev.lambdaconsole.app.triggers;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.simulators.triggers.Trigger;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * Configuration → Triggers: a table of the function's triggers (source, name, details, state, last result), Enable
 * or Disable and Delete (after a confirmation) for the selected one, and its details below, with room for its
 * activity ({@link #setActivityFactory}).
 */
public final class TriggersPane extends VBox {
    private final TriggersViewModel vm;
    private final TableView<TriggerRow> table = new TableView<>();
    private final Button addTrigger = new Button("Add trigger", new FontIcon(Feather.PLUS));
    private final StackPane activity = new StackPane();
    private final GridPane details = new GridPane();
    private Function<Trigger, Node> activityFactory;

    public TriggersPane(TriggersViewModel vm) {
        super(8);
        this.vm = vm;
        setId("triggersPane");
        setPadding(new Insets(12));
        Label title = new Label("Triggers");
        title.getStyleClass().add(Styles.TITLE_4);

        Button toggle = new Button("Disable");
        toggle.setId("triggerToggleButton");
        Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
        delete.setId("triggerDeleteButton");
        delete.getStyleClass().add(Styles.DANGER);
        addTrigger.setId("addTriggerButton");
        addTrigger.getStyleClass().add(Styles.ACCENT);
        addTrigger.setVisible(false); // until the lead wires the dialog: no button that does nothing
        addTrigger.managedProperty().bind(addTrigger.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, javafx.scene.layout.Priority.ALWAYS);
        HBox bar = new HBox(8, title, grow, toggle, delete, addTrigger);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("triggersTable");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No triggers: add one here, or with the AWS CLI (create-event-source-mapping, "
                + "put-bucket-notification-configuration, subscribe, put-targets, …)"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(220);
        table.getStyleClass().add(Styles.DENSE);
        TableColumn<TriggerRow, TriggerRow> source = new TableColumn<>("Source");
        source.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        source.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TriggerRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.source());
                setGraphic(empty || row == null ? null : TriggerIcons.icon(row.trigger().kind()));
            }
        });
        source.setPrefWidth(170);
        table.getColumns().add(source);
        table.getColumns().add(column("Name", r -> r.trigger().name(), 180));
        table.getColumns().add(column("Details", r -> r.trigger().details(), 260));
        table.getColumns().add(column("State", TriggerRow::state, 80));
        TableColumn<TriggerRow, String> last = column("Last result", TriggerRow::lastResult, 150);
        last.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                TriggerRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().remove(Styles.DANGER);
                if (row != null && row.lastFailed()) getStyleClass().add(Styles.DANGER);
            }
        });
        table.getColumns().add(last);

        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != vm.selectedProperty().get()) vm.selectedProperty().set(now);
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                if (now == null) table.getSelectionModel().clearSelection();
                else table.getSelectionModel().select(now);
            }
            showSelected(now, toggle, delete);
        });
        showSelected(null, toggle, delete);
        toggle.setOnAction(e -> {
            TriggerRow row = vm.selectedProperty().get();
            if (row != null) vm.setEnabled(row, !row.trigger().enabled());
        });
        delete.setOnAction(e -> {
            TriggerRow row = vm.selectedProperty().get();
            if (row == null) return;
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, TriggersViewModel.deleteQuestion(row),
                    ButtonType.CANCEL, ButtonType.OK);
            confirm.setHeaderText("Delete trigger");
            confirm.setTitle("Delete trigger");
            if (getScene() != null) confirm.initOwner(getScene().getWindow());
            confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete(row));
        });
        toggle.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));
        delete.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));

        Label message = new Label();
        message.setId("triggersMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        details.setId("triggerDetails");
        details.setHgap(12);
        details.setVgap(4);
        activity.setId("triggerActivity");
        getChildren().addAll(bar, message, table, details, activity);
        vm.start();
    }

    private static TableColumn<TriggerRow, String> column(String title, Function<TriggerRow, String> value, double width) {
        TableColumn<TriggerRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        c.setPrefWidth(width);
        return c;
    }

    private void showSelected(TriggerRow row, Button toggle, Button delete) {
        toggle.setText(row != null && !row.trigger().enabled() ? "Enable" : "Disable");
        toggle.setVisible(row == null || row.trigger().canDisable());
        details.getChildren().clear();
        closeActivity();
        if (row == null) return;
        Trigger t = row.trigger();
        int line = 0;
        for (String[] kv : new String[][]{{"Source", t.kind().label()}, {"Name", t.name()}, {"Details", t.details()},
                {"Source ARN", t.sourceArn()}, {"State", row.state()}, {"Last result", row.lastResult()}}) {
            Label k = new Label(kv[0]);
            k.getStyleClass().add(Styles.TEXT_MUTED);
            Label v = new Label(kv[1]);
            v.setWrapText(true);
            details.addRow(line++, k, v);
        }
        if (activityFactory != null) {
            Node n = activityFactory.apply(t);
            if (n != null) activity.getChildren().add(n);
        }
    }

    /** Where each trigger's activity view comes from (shown under its details). */
    public void setActivityFactory(Function<Trigger, Node> factory) {
        this.activityFactory = factory;
        TriggerRow row = vm.selectedProperty().get();
        if (row != null && factory != null) {
            closeActivity();
            Node n = factory.apply(row.trigger());
            if (n != null) activity.getChildren().add(n);
        }
    }

    /** What "Add trigger" does; the button shows once this is set. */
    public void setOnAddTrigger(Runnable action) {
        addTrigger.setOnAction(e -> action.run());
        addTrigger.setVisible(action != null);
    }

    public TriggersViewModel viewModel() { return vm; }

    public void close() {
        closeActivity();
        vm.close();
    }

    /** The activity shown for the trigger selected before listens no more. */
    private void closeActivity() {
        for (Node n : activity.getChildren()) {
            if (n instanceof TriggerActivityView v) v.close();
        }
        activity.getChildren().clear();
    }
}
