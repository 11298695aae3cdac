package dev.lambdaconsole.app.create;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.create.CreateFunctionViewModel.Mode;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Create function wizard, as in the Lambda web console: choose how to start, fill in the basic
 * information (each field checked as it is typed), Create. The new function opens on success; on failure the
 * form stays as it was, with the reason above the buttons.
 */
public final class CreateFunctionView extends BorderPane {
    private final ConsoleServices services;
    private final TakenNames taken;
    private final CreateFunctionViewModel vm;

    public CreateFunctionView(ConsoleServices services) {
        this.services = services;
        taken = new TakenNames(services.workspace(), services.tasks());
        vm = new CreateFunctionViewModel(services.workspace(), services.tasks(), taken);
        taken.onChange(vm::revalidate);
        getStyleClass().add("create-function-view");

        Label title = new Label("Create function");
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label("Choose how to start. The function is created in the workspace and runs on this "
                + "machine; every setting can be changed later in Configuration.");
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        intro.setWrapText(true);
        VBox content = new VBox(16, new VBox(4, title, intro), new OptionTiles(vm.modeProperty()), basicInformation());
        content.setPadding(new Insets(20));
        content.setMaxWidth(1000);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        setBottom(footer());
    }

    private Node basicInformation() {
        BooleanBinding blueprint = vm.modeProperty().isEqualTo(Mode.BLUEPRINT);
        BooleanBinding image = vm.modeProperty().isEqualTo(Mode.IMAGE);
        Label heading = new Label("Basic information");
        heading.getStyleClass().add(Styles.TITLE_4);

        TextField name = field("functionNameField", vm.nameProperty(), "e.g. orders-processor", 28);
        TextField imageUri = field("imageUriField", vm.imageUriProperty(), "e.g. my-function:latest", 40);
        TextField handler = field("handlerField", vm.handlerProperty(), "", 28);
        TextField memory = field("memoryField", vm.memoryProperty(), "128", 8);
        TextField timeout = field("timeoutField", vm.timeoutProperty(), "3", 8);
        TextField role = field("roleField", vm.roleProperty(), "lambda-basic-execution", 28);
        ComboBox<LambdaRuntime> runtime = runtimeChoice();

        FormRow handlerRow = row("Handler", handler, "Handler", "handlerError").shownWhen(image.not());
        handlerRow.hintLabel().textProperty().bind(vm.runtimeProperty().map(r -> "The function the runtime calls: "
                + r.family().handlerRule() + ". It follows the runtime until you change it."));
        VBox form = new VBox(14,
                row("Function name", name, "FunctionName", "nameError").hint("1 to 64 letters, digits, hyphens and "
                        + "underscores, unique in the workspace. It names the code folder and the log group."),
                new FormRow("Blueprint", new BlueprintPicker(vm)).shownWhen(blueprint),
                row("Container image URI", imageUri, "ImageUri", "imageUriError").shownWhen(image)
                        .hint("An image the Docker engine can run: local (my-function:latest) or from a registry."),
                new FormRow("Runtime", runtime, vm.errorProperty("Runtime"), runtime.valueProperty(), "runtimeError")
                        .shownWhen(image.not())
                        .hintBound(vm.runtimeNoteProperty().map(n -> n.isEmpty() ? RUNTIME_HINT : RUNTIME_HINT + " " + n)),
                handlerRow,
                new FormRow("Architecture", architecture())
                        .hint("The instruction set of the function's container. On Docker, the one this machine "
                                + "lacks runs under emulation (when installed), more slowly."),
                row("Memory (MB)", memory, "MemorySize", "memoryError")
                        .hint("128 to 10,240 MB. On Docker the container gets this memory limit and a CPU share in "
                                + "proportion."),
                row("Timeout (seconds)", timeout, "Timeout", "timeoutError").hint("1 to 900 seconds."),
                row("Execution role", role, "Role", "roleError").hint("Recorded in the configuration as "
                        + "arn:aws:iam::000000000000:role/NAME; no IAM permissions are checked on this machine."));
        return new VBox(12, heading, form);
    }

    private static final String RUNTIME_HINT = "The language and version the function runs on; the latest of each "
            + "comes first.";

    private FormRow row(String caption, TextField control, String field, String errorId) {
        return new FormRow(caption, control, vm.errorProperty(field), control.textProperty(), errorId);
    }

    private static TextField field(String id, StringProperty value, String prompt, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private ComboBox<LambdaRuntime> runtimeChoice() {
        ObservableList<LambdaRuntime> items = FXCollections.observableArrayList(vm.runtimes());
        ComboBox<LambdaRuntime> choice = new ComboBox<>(items);
        choice.setId("runtimeChoice");
        choice.setPrefWidth(260);
        choice.setVisibleRowCount(12);
        choice.setCellFactory(v -> new RuntimeCell(true));
        choice.setButtonCell(new RuntimeCell(false));
        choice.setValue(vm.runtimeProperty().get());
        choice.valueProperty().addListener((o, was, now) -> {
            if (now != null) vm.runtimeProperty().set(now);
        });
        vm.runtimeProperty().addListener((o, was, now) -> choice.setValue(now));
        vm.runtimes().addListener((ListChangeListener<LambdaRuntime>) c -> {
            items.setAll(vm.runtimes()); // the list first, then the choice, so the choice survives the update
            choice.getSelectionModel().select(vm.runtimeProperty().get());
        });
        return choice;
    }

    private Node architecture() {
        ToggleGroup group = new ToggleGroup();
        RadioButton x86 = new RadioButton("x86_64");
        x86.setMnemonicParsing(false);
        x86.setId("architectureX86");
        x86.setUserData("x86_64");
        RadioButton arm = new RadioButton("arm64");
        arm.setMnemonicParsing(false);
        arm.setId("architectureArm");
        arm.setUserData("arm64");
        group.getToggles().addAll(x86, arm);
        (vm.architectureProperty().get().equals("arm64") ? arm : x86).setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) group.selectToggle(was); else vm.architectureProperty().set((String) now.getUserData());
        });
        HBox box = new HBox(16, x86, arm);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    private Node footer() {
        Message failure = new Message("Could not create the function", "", new FontIcon(Feather.ALERT_TRIANGLE));
        failure.setId("createFailure");
        failure.getStyleClass().add(Styles.DANGER);
        failure.descriptionProperty().bind(vm.failureProperty());
        failure.visibleProperty().bind(vm.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label creating = new Label(null, spinner);
        creating.setId("createProgress");
        creating.textProperty().bind(Bindings.concat("Creating ", vm.nameProperty(), "…"));
        creating.visibleProperty().bind(vm.busyProperty());
        creating.managedProperty().bind(creating.visibleProperty());

        Button cancel = new Button("Cancel");
        cancel.setId("cancelButton");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> services.shell().showFunctions());
        Button create = new Button("Create function", new FontIcon(Feather.CHECK));
        create.setId("createButton");
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.validProperty().not().or(vm.busyProperty()));
        create.setOnAction(e -> vm.create(config -> services.shell().openFunction(config.functionName())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, creating, spacer, cancel, create);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox footer = new VBox(10, failure, buttons);
        footer.setPadding(new Insets(12, 20, 16, 20));
        footer.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1 0 0 0;");
        return footer;
    }

    /** Stops following the workspace's function names. */
    public void close() { taken.close(); }
}
