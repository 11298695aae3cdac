package dev.lambdaconsole.app.config;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Environment variables form: the table, Add, and the space used of 4 KB. */
final class EnvironmentPane {
    private EnvironmentPane() { }

    static VBox build(EnvironmentViewModel vm) {
        TableView<KeyValueRow> table = KeyValueTable.build(vm, "envTable", "env", "Key", "Value");
        Button add = new Button("Add environment variable", new FontIcon(Feather.PLUS));
        add.setId("envAddButton");
        add.setOnAction(e -> KeyValueTable.focusKey(table, vm.add()));
        Label size = new Label();
        size.setId("envSizeLabel");
        size.textProperty().bind(vm.sizeProperty());
        size.getStyleClass().add(Styles.TEXT_MUTED);
        vm.overLimitProperty().addListener((o, was, over) -> {
            size.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.DANGER);
            size.getStyleClass().add(over ? Styles.DANGER : Styles.TEXT_MUTED);
        });
        HBox bar = new HBox(16, add, size);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return Forms.section(vm, "saveEnvButton",
                Forms.muted("Key-value pairs the function reads from its environment. Names start with a letter and "
                        + "hold letters, digits and underscores; names Lambda sets itself (AWS_REGION, _HANDLER, …) are "
                        + "reserved."),
                table, bar, Forms.error(vm.tableError(), "envError"),
                Forms.muted("Saving retires the function's warm environments: the next invocation sees the new values."));
    }
}
