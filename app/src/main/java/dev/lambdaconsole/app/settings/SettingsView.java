package dev.lambdaconsole.app.settings;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.config.Forms;
import dev.lambdaconsole.app.common.ConsoleSettings;
import dev.lambdaconsole.app.common.ShellActions;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.LocalRuntime;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;

/**
 * The Settings page: where the workspace is, how functions run (Docker or local processes, which Docker host),
 * the endpoint's port, the theme and how long environments stay warm. Save hands the settings to the shell.
 */
public final class SettingsView extends BorderPane {
    private final SettingsViewModel vm;

    /** @param runtime the engine running now, or null when it could not start (the settings are how to fix it) */
    public SettingsView(ConsoleSettings settings, ShellActions shell, TaskRunner tasks, LocalRuntime runtime) {
        this.vm = new SettingsViewModel(settings, shell, tasks);
        getStyleClass().add("settings-view");
        Label title = new Label("Settings");
        title.getStyleClass().add(Styles.TITLE_3);
        VBox form = new VBox(18, title, running(runtime), workspace(), backend(), endpoint(runtime), appearance(),
                keepAlive());
        form.setPadding(new Insets(20));
        form.setMaxWidth(820);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        setBottom(actions());
    }

    private Node running(LocalRuntime runtime) {
        if (runtime == null) {
            Message down = new Message("The engine is not running", "Fix the settings that kept it from starting "
                    + "(workspace folder, backend, Docker host, port) and save: the console starts it again.",
                    new FontIcon(Feather.ALERT_TRIANGLE));
            down.getStyleClass().add(Styles.DANGER);
            return down;
        }
        String notice = runtime.backendNotice().orElse("");
        String backend = notice.isEmpty() ? "Functions run with the " + runtime.backendDescription() : notice;
        Message message = new Message("Running now", backend + ". Workspace: " + runtime.workspace().root() + ".",
                new FontIcon(Feather.INFO));
        message.getStyleClass().add(notice.isEmpty() ? Styles.ACCENT : Styles.WARNING);
        return message;
    }

    private Node workspace() {
        TextField folder = Forms.text("workspaceField", 36);
        folder.textProperty().bindBidirectional(vm.workspaceProperty());
        Button browse = new Button("Browse…", new FontIcon(Feather.FOLDER));
        browse.setId("browseWorkspaceButton");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Workspace folder");
            File typed = new File(vm.workspaceProperty().get().trim());
            if (typed.isDirectory()) chooser.setInitialDirectory(typed);
            File chosen = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) vm.workspaceProperty().set(chosen.getAbsolutePath());
        });
        HBox row = new HBox(8, folder, browse);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox field = Forms.field("Workspace folder", row, vm.workspaceError(), "workspaceError",
                "Functions, layers and test events live here as plain files (git-friendly).");
        Label note = new Label();
        note.setId("workspaceNote");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.textProperty().bind(vm.workspaceNote());
        field.getChildren().add(2, note);
        return field;
    }

    private Node backend() {
        ChoiceBox<Backend> choice = new ChoiceBox<>();
        choice.getItems().setAll(Backend.values());
        choice.setId("backendChoice");
        choice.valueProperty().bindBidirectional(vm.backendProperty());
        TextField host = Forms.text("dockerHostField", 30);
        host.setPromptText("Find Docker automatically");
        host.textProperty().bindBidirectional(vm.dockerHostProperty());
        Button test = new Button("Test connection", new FontIcon(Feather.ACTIVITY));
        test.setId("testDockerButton");
        test.disableProperty().bind(vm.testingProperty());
        test.setOnAction(e -> vm.testDocker());
        HBox row = new HBox(8, host, test);
        row.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("dockerStatusLabel");
        status.setWrapText(true);
        status.textProperty().bind(vm.dockerStatus());
        status.visibleProperty().bind(vm.dockerStatus().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        vm.dockerReachable().addListener((o, was, now) -> {
            status.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (now != null) status.getStyleClass().add(now ? Styles.SUCCESS : Styles.DANGER);
        });
        VBox hostField = Forms.field("Docker host", row, vm.dockerHostError(), "dockerHostError",
                "unix:///var/run/docker.sock, tcp://HOST:PORT or npipe:////./pipe/docker_engine. Empty: DOCKER_HOST, "
                        + "then the standard and Docker Desktop sockets.");
        hostField.getChildren().add(status);
        hostField.disableProperty().bind(vm.backendProperty().isEqualTo(Backend.PROCESS));
        return new VBox(14, Forms.field("Run functions in", choice, null, null,
                "Docker gives Lambda's Linux images and memory limits; local processes need the runtimes installed "
                        + "here. When Docker does not answer, the console falls back to local processes."), hostField);
    }

    private Node endpoint(LocalRuntime runtime) {
        TextField port = Forms.text("portField", 6);
        port.textProperty().bindBidirectional(vm.portProperty());
        String now = runtime == null ? "" : " (now " + runtime.endpoint().url() + ")";
        javafx.scene.control.CheckBox inFunctions = new javafx.scene.control.CheckBox(
                "Functions' AWS SDKs call it (AWS_ENDPOINT_URL)");
        inFunctions.setId("endpointInFunctionsCheck");
        inFunctions.selectedProperty().bindBidirectional(vm.endpointInFunctionsProperty());
        javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(16, port, inFunctions);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return Forms.field("Endpoint port", line, vm.portError(), "portError",
                "The Lambda-compatible endpoint for the AWS CLI and SDKs" + now + ". 0 picks any free port. Checked, "
                        + "every function gets AWS_ENDPOINT_URL at an address it reaches; its own value wins.");
    }

    private Node appearance() {
        ChoiceBox<Theme> theme = new ChoiceBox<>();
        theme.getItems().setAll(Theme.values());
        theme.setId("themeChoice");
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        return Forms.field("Theme", theme, null, null, null);
    }

    private Node keepAlive() {
        TextField minutes = Forms.text("keepAliveField", 6);
        minutes.textProperty().bindBidirectional(vm.keepAliveProperty());
        return Forms.field("Keep-alive (minutes)", minutes, vm.keepAliveError(), "keepAliveError",
                "How long an idle execution environment stays warm before it is stopped: 1 to 1440 minutes.");
    }

    private Node actions() {
        Button save = new Button("Save", new FontIcon(Feather.SAVE));
        save.setId("saveSettingsButton");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.dirtyProperty().not().or(vm.savingProperty()));
        save.setOnAction(e -> vm.save());
        Button revert = new Button("Revert", new FontIcon(Feather.ROTATE_CCW));
        revert.setId("revertSettingsButton");
        revert.disableProperty().bind(vm.dirtyProperty().not().or(vm.savingProperty()));
        revert.setOnAction(e -> vm.revert());
        Label outcome = new Label();
        outcome.setId("settingsMessage");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.messageProperty());
        outcome.visibleProperty().bind(Bindings.isNotEmpty(vm.messageProperty()));
        Forms.tone(outcome, vm.failedProperty());
        HBox.setHgrow(outcome, Priority.ALWAYS);
        HBox bar = new HBox(8, save, revert, outcome);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 20, 12, 20));
        bar.getStyleClass().add("settings-actions");
        return bar;
    }

    /** Checks still running in the background (folder, Docker) no longer update the page. */
    public void close() {
        vm.close();
    }
}
