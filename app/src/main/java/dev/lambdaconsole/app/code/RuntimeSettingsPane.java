package dev.lambdaconsole.app.code;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "Runtime settings" below the editor: runtime, handler and architecture, each with its rule when broken. */
final class RuntimeSettingsPane extends TitledPane {
    private final RuntimeSettingsViewModel vm;
    private final ComboBox<String> runtime = new ComboBox<>();
    private final TextField handler = new TextField();
    private final ChoiceBox<String> architecture = new ChoiceBox<>();

    RuntimeSettingsPane(RuntimeSettingsViewModel vm) {
        this.vm = vm;
        setText("Runtime settings");
        setId("runtimeSettings");
        setAnimated(false);
        runtime.setId("runtimeChoice");
        runtime.setItems(vm.runtimes());
        runtime.valueProperty().bindBidirectional(vm.runtimeProperty());
        handler.setId("handlerField");
        handler.setPromptText("e.g. lambda_function.lambda_handler");
        handler.textProperty().bindBidirectional(vm.handlerProperty());
        HBox.setHgrow(handler, Priority.ALWAYS);
        architecture.setId("architectureChoice");
        architecture.getItems().setAll(vm.architectures());
        architecture.valueProperty().bindBidirectional(vm.architectureProperty());

        Button save = new Button("Save", new FontIcon(Feather.CHECK));
        save.setId("saveRuntimeButton");
        save.disableProperty().bind(vm.validProperty().not().or(vm.changedProperty().not()).or(vm.busyProperty()));
        save.setOnAction(e -> vm.save());
        Button revert = new Button("Revert");
        revert.setId("revertRuntimeButton");
        revert.getStyleClass().add(Styles.FLAT);
        revert.disableProperty().bind(vm.changedProperty().not().or(vm.busyProperty()));
        revert.setOnAction(e -> vm.revert());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(8));
        grid.addRow(0, new Label("Runtime"), new Label("Handler"), new Label("Architecture"));
        grid.addRow(1, runtime, handler, architecture, new HBox(8, save, revert));
        grid.addRow(2, error("runtimeError", "Runtime"), error("handlerError", "Handler"),
                error("architectureError", "Architectures"));
        GridPane.setHgrow(handler, Priority.ALWAYS);
        handler.setPrefColumnCount(28);
        grid.add(message(), 0, 3, 4, 1);
        grid.add(javaHint(), 0, 4, 4, 1);
        grid.disableProperty().bind(vm.editableProperty().not());
        setContent(grid);
    }

    private Label error(String id, String field) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(Styles.DANGER);
        label.setWrapText(true);
        label.textProperty().bind(vm.errorProperty(field));
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    private Label message() {
        Label label = new Label();
        label.setId("runtimeSettingsMessage");
        label.setWrapText(true);
        label.textProperty().bind(vm.messageProperty());
        vm.messageIsErrorProperty().addListener((o, was, error) -> {
            label.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            label.getStyleClass().add(error ? Styles.DANGER : Styles.SUCCESS);
        });
        label.getStyleClass().add(Styles.SUCCESS);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    private Label javaHint() {
        Label hint = new Label("Java: every .java file is compiled on Deploy, for the runtime's Java version, against "
                + "aws-lambda-java-core and the jars in lib/; classes go to the root of the package "
                + "(e.g. src/main/java/example/Hello.java becomes example/Hello.class).");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.managedProperty().bind(Bindings.createBooleanBinding(() -> JavaBuild.isJava(vm.runtimeProperty().get()),
                vm.runtimeProperty()));
        hint.visibleProperty().bind(hint.managedProperty());
        return hint;
    }
}
