package dev.lambdaconsole.app.config;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * A table of key/value rows edited in place: each cell is a text field bound to its row, so what is typed is
 * kept as it is typed (no commit step that losing focus would drop). Rows show their problem and a remove
 * button.
 */
final class KeyValueTable {
    private KeyValueTable() { }

    /** {@code styleClass} prefixes the fields' classes: "env" gives env-key, env-value, env-remove. */
    static TableView<KeyValueRow> build(KeyValueViewModel vm, String id, String styleClass, String keyTitle,
                                        String valueTitle) {
        TableView<KeyValueRow> table = new TableView<>(vm.rows());
        table.setId(id);
        table.getStyleClass().add(Styles.BORDERED);
        table.setPlaceholder(new Label("None yet. Add one with the button below."));
        // key and value share the width; the remove button keeps its own (no empty column after it)
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPrefHeight(260);
        table.setEditable(false);
        TableColumn<KeyValueRow, KeyValueRow> key = column(keyTitle, 200);
        key.setCellFactory(c -> new FieldCell(KeyValueRow::keyProperty, styleClass + "-key", true));
        TableColumn<KeyValueRow, KeyValueRow> value = column(valueTitle, 260);
        // a row's problem marks its key field (red, with the rule as tooltip) and shows under the table: no
        // column of its own that stays empty while all is well
        value.setCellFactory(c -> new FieldCell(KeyValueRow::valueProperty, styleClass + "-value", false));
        TableColumn<KeyValueRow, KeyValueRow> remove = column("", 48);
        remove.setMinWidth(48);
        remove.setMaxWidth(48);
        remove.setResizable(false);
        remove.setCellFactory(c -> new RemoveCell(vm, styleClass + "-remove"));
        table.getColumns().add(key);
        table.getColumns().add(value);
        table.getColumns().add(remove);
        return table;
    }

    private static TableColumn<KeyValueRow, KeyValueRow> column(String title, double width) {
        TableColumn<KeyValueRow, KeyValueRow> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        return column;
    }

    /** Focuses the key field of {@code row} once its cell shows it (after Add). */
    static void focusKey(TableView<KeyValueRow> table, KeyValueRow row) {
        table.scrollTo(row);
        table.getProperties().put(FieldCell.FOCUS, row);
        table.refresh();
    }

    private static final class FieldCell extends TableCell<KeyValueRow, KeyValueRow> {
        static final String FOCUS = "focus-key-of";
        private final Function<KeyValueRow, StringProperty> property;
        private final boolean takesFocus;
        private final TextField field = new TextField();
        private StringProperty bound;
        private final javafx.beans.value.ChangeListener<String> problem = (o, was, now) -> mark(now);
        private KeyValueRow watched;

        FieldCell(Function<KeyValueRow, StringProperty> property, String styleClass, boolean takesFocus) {
            this.property = property;
            this.takesFocus = takesFocus;
            field.getStyleClass().add(styleClass);
        }

        @Override
        protected void updateItem(KeyValueRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                field.textProperty().unbindBidirectional(bound);
                bound = null;
            }
            if (watched != null) watched.errorProperty().removeListener(problem);
            watched = null;
            field.setUserData(row);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bound = property.apply(row);
            field.textProperty().bindBidirectional(bound);
            if (takesFocus) {
                watched = row;
                row.errorProperty().addListener(problem);
                mark(row.errorProperty().get());
            }
            setGraphic(field);
            TableView<KeyValueRow> table = getTableView();
            if (takesFocus && table != null && table.getProperties().get(FOCUS) == row) {
                table.getProperties().remove(FOCUS);
                Platform.runLater(field::requestFocus);
            }
        }

        private void mark(String error) {
            boolean bad = error != null && !error.isEmpty();
            field.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
            field.setTooltip(bad ? new Tooltip(error) : null);
        }
    }

    private static final class RemoveCell extends TableCell<KeyValueRow, KeyValueRow> {
        private final Button button = new Button(null, new FontIcon(Feather.TRASH_2));

        RemoveCell(KeyValueViewModel vm, String styleClass) {
            button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER, styleClass);
            button.setTooltip(new Tooltip("Remove"));
            button.setOnAction(e -> {
                if (getItem() != null) vm.remove(getItem());
            });
        }

        @Override
        protected void updateItem(KeyValueRow row, boolean empty) {
            super.updateItem(row, empty);
            setGraphic(empty || row == null ? null : button);
        }
    }
}
