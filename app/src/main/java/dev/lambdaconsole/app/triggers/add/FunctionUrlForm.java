package dev.lambdaconsole.app.triggers.add;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.config.Forms;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * Add trigger → Function URL: auth type, CORS and invoke mode; once the function has a URL, the URL with Copy and
 * Open in browser. A function that has one is not given a second: the form says so and offers Update.
 */
public final class FunctionUrlForm implements TriggerForm {
    private final FunctionUrlFormViewModel vm;
    private final TaskRunner tasks;
    private Node node;

    public FunctionUrlForm(ConsoleServices services, String function) {
        tasks = services.tasks();
        vm = new FunctionUrlFormViewModel(function, () -> services.simulators().functionUrls(), tasks);
        vm.load();
    }

    public FunctionUrlFormViewModel viewModel() { return vm; }

    @Override public String id() { return "function-url"; }
    @Override public String title() { return "Function URL"; }
    @Override public Ikon icon() { return Feather.LINK; }
    @Override public ObservableBooleanValue validProperty() { return vm.validProperty(); }
    @Override public TaskRunner.Task<String> add() { return vm.add(); }

    @Override
    public Node node() {
        if (node == null) node = build();
        return node;
    }

    private Node build() {
        ComboBox<String> auth = FormNodes.choice("urlAuthType", List.of("NONE", "AWS_IAM"), vm.authTypeProperty(),
                s -> s.equals("NONE") ? "NONE (public)" : "AWS_IAM (signed requests)");
        ComboBox<String> mode = FormNodes.choice("urlInvokeMode", List.of("BUFFERED", "RESPONSE_STREAM"),
                vm.invokeModeProperty(), s -> s);
        CheckBox cors = new CheckBox("Configure cross-origin resource sharing (CORS)");
        cors.setId("urlCors");
        cors.selectedProperty().bindBidirectional(vm.corsProperty());
        CheckBox credentials = new CheckBox("Allow credentials");
        credentials.setId("urlAllowCredentials");
        credentials.selectedProperty().bindBidirectional(vm.allowCredentialsProperty());
        VBox corsBox = FormNodes.body(
                FormNodes.field("Allow origins", FormNodes.text("urlAllowOrigins", 40, vm.allowOriginsProperty()),
                        vm.originsError(), "urlAllowOriginsError", "Comma-separated, e.g. https://app.example.com, or *."),
                FormNodes.field("Allow methods", FormNodes.text("urlAllowMethods", 30, vm.allowMethodsProperty()),
                        vm.methodsError(), "urlAllowMethodsError", "Up to 6 of GET, PUT, HEAD, POST, PATCH, DELETE, or *."),
                FormNodes.field("Allow headers", FormNodes.text("urlAllowHeaders", 40, vm.allowHeadersProperty()),
                        vm.headersError(), "urlAllowHeadersError", null),
                FormNodes.field("Expose headers", FormNodes.text("urlExposeHeaders", 40, vm.exposeHeadersProperty()),
                        vm.exposeError(), "urlExposeHeadersError", null),
                FormNodes.field("Max age (seconds)", FormNodes.text("urlMaxAge", 8, vm.maxAgeProperty()),
                        vm.maxAgeError(), "urlMaxAgeError", "0 to 86400."),
                credentials);
        FormNodes.showWhen(corsBox, vm.corsProperty());

        Label message = new Label();
        message.setId("urlMessage");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.WARNING);
        message.textProperty().bind(vm.message());
        FormNodes.showWhen(message, Bindings.isNotEmpty(vm.message()));
        Button update = new Button("Update", new FontIcon(Feather.SAVE));
        update.setId("urlUpdate");
        update.setOnAction(e -> vm.update());
        update.disableProperty().bind(vm.fieldsValidProperty().not());
        FormNodes.showWhen(update, vm.existsProperty());

        return FormNodes.body(
                urlRow(),
                message,
                update,
                FormNodes.field("Auth type", auth, null, null,
                        "AWS_IAM: the local URL checks that requests are SigV4-signed."),
                FormNodes.field("Invoke mode", mode, null, null,
                        "RESPONSE_STREAM sends the response as the function writes it."),
                cors,
                corsBox);
    }

    private Node urlRow() {
        TextField url = new TextField();
        url.setId("urlValue");
        url.setEditable(false);
        url.textProperty().bind(vm.url());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("urlCopy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.url().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button open = new Button("Open in browser", new FontIcon(Feather.EXTERNAL_LINK));
        open.setId("urlOpen");
        open.setDisable(true);
        open.setTooltip(new Tooltip("Looking for a browser…"));
        tasks.run(Browser::unavailable).onSuccess(why -> {
            open.setDisable(why != null);
            open.setTooltip(new Tooltip(why == null ? "Opens the URL in your browser" : why));
        });
        Label failed = Forms.error(new javafx.beans.property.SimpleStringProperty(""), "urlOpenError");
        failed.textProperty().unbind();
        open.setOnAction(e -> {
            String target = vm.url().get();
            tasks.run(() -> {
                Browser.open(target);
                return target;
            }).onSuccess(t -> failed.setText("")).onFailure(x -> failed.setText("Cannot open the browser: " + x.getMessage()));
        });
        HBox row = new HBox(8, url, copy, open);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = FormNodes.field("Function URL", row, null, null, null);
        box.getChildren().add(failed);
        box.setId("urlBox");
        return FormNodes.showWhen(box, Bindings.isNotEmpty(vm.url()));
    }
}
