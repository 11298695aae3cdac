package dev.lambdaconsole.app.monitor;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import static dev.lambdaconsole.app.common.Columns.column;


/**
 * The recent invocations table: time, request id, duration, billed, memory, cold or warm, status, sync or async,
 * estimated cost.
 */
final class InvocationsTable {
    private InvocationsTable() { }

    static TableView<InvocationRow> create(MonitorViewModel vm) {
        TableView<InvocationRow> table = new TableView<>(vm.invocations());
        table.setId("invocationsTable");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No invocations yet: run a test or call the function to see it here."));
        table.getColumns().add(column("Time", 170, InvocationRow::time));
        table.getColumns().add(column("Request ID", 280, InvocationRow::requestId));
        table.getColumns().add(column("Duration", 90, InvocationRow::duration));
        table.getColumns().add(column("Billed", 70, InvocationRow::billed));
        table.getColumns().add(column("Max memory", 100, InvocationRow::maxMemory));
        table.getColumns().add(column("Start", 170, InvocationRow::start));
        table.getColumns().add(column("Version", 110, r -> version(r.record())));
        TableColumn<InvocationRow, String> status = column("Status", 140, InvocationRow::status);
        status.setCellFactory(c -> new StatusCell());
        table.getColumns().add(status);
        table.getColumns().add(column("Type", 60, InvocationRow::type));
        table.getColumns().add(costColumn());
        return table;
    }

    /** "Est. cost · 2026-08-01": the price table's date in the header, its region and rules in the tooltip. */
    private static TableColumn<InvocationRow, String> costColumn() {
        TableColumn<InvocationRow, String> cost = column("", 150, InvocationRow::cost);
        Label header = new Label("Est. cost · " + InvocationRow.PRICING.date());
        header.setId("costColumnHeader");
        header.setTooltip(new Tooltip(InvocationRow.PRICING.label() + ": billed duration × memory, the request and "
                + "ephemeral storage above 512 MB, at the first tier's price before the free tier"));
        cost.setGraphic(header);
        cost.setId("costColumn");
        return cost;
    }


    /** The version that ran, and the alias it was called through: "2 (live)", "$LATEST". */
    static String version(dev.lambdaconsole.runtime.logs.InvocationRecord r) {
        String ran = r.executedVersion() == null ? "$LATEST" : r.executedVersion();
        String q = r.qualifier();
        return q == null || q.isEmpty() || q.equals(ran) || "$LATEST".equals(q) ? ran : ran + " (" + q + ")";
    }

    /** Status in the theme's red for failures, green for success. */
    private static final class StatusCell extends TableCell<InvocationRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            InvocationRow row = empty ? null : getTableRow().getItem();
            setText(empty ? null : item);
            setStyle(row == null ? null : row.failed() ? "-fx-text-fill: -color-danger-fg;" : "-fx-text-fill: -color-success-fg;");
        }
    }
}
