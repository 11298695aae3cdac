package dev.lambdaconsole.app.code;

import dev.lambdaconsole.editor.ColorScheme;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;

/**
 * The function page's Code tab: the function's code in the editor (a draft, saved as you type), Deploy
 * (Ctrl+S anywhere in the tab), upload and download of the .zip package, and the runtime settings.
 */
public final class CodeView extends BorderPane {
    private static final KeyCombination DEPLOY = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final CodeViewModel vm;
    private final EditorSession session;
    private final ChangeListener<Path> draftReady = (o, was, dir) -> showDraft(dir);
    private final ChangeListener<FunctionConfig> configShown = (o, was, config) -> showPackageType(config);

    public CodeView(ConsoleServices services, String function) {
        this.vm = new CodeViewModel(services, function);
        this.session = new EditorSession(vm, services.settings().darkTheme() ? ColorScheme.DARK : ColorScheme.LIGHT);
        getStyleClass().add("code-view");
        setId("codeView");
        setPadding(new Insets(12));
        setTop(new VBox(8, toolbar(), new CodeBanners(vm, this::openRestored, this::showFirstProblem)));
        setCenter(session.node());
        RuntimeSettingsPane settings = new RuntimeSettingsPane(vm.runtimeSettings());
        BorderPane.setMargin(settings, new Insets(8, 0, 0, 0));
        setBottom(settings);
        vm.draftDirProperty().addListener(draftReady);
        vm.configProperty().addListener(configShown);
        vm.compileProblems().addListener((ListChangeListener<CompileProblem>) c -> {
            session.showCompileProblems();
            if (!vm.compileProblems().isEmpty()) showFirstProblem();
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (DEPLOY.match(e)) {
                e.consume();
                deploy();
            }
        });
        vm.open();
    }

    public CodeViewModel viewModel() { return vm; }

    /** Saves every editor buffer into the draft, then deploys the draft (compiling Java sources) in the background. */
    public void deploy() {
        if (vm.busyProperty().get() || vm.draftDirProperty().get() == null) return;
        session.saveAll(vm::deploy, reason -> vm.deployStopped("Could not save your changes to the draft: " + reason));
    }

    /** Unsaved buffers or saved draft files that differ from the deployed code. */
    public boolean hasUndeployedChanges() { return vm.hasUndeployedChanges(); }

    /** Saves unsaved buffers into the draft (nothing is lost), stops watching files and the workspace. */
    public void close() {
        vm.draftDirProperty().removeListener(draftReady);
        vm.configProperty().removeListener(configShown);
        session.dispose();
        vm.close();
    }

    private HBox toolbar() {
        Label title = new Label("Code source");
        title.getStyleClass().add(Styles.TITLE_4);
        Button upload = new Button("Upload .zip", new FontIcon(Feather.UPLOAD));
        upload.setId("uploadZipButton");
        upload.setTooltip(new Tooltip("Replace the function's code with a .zip deployment package (at most 50 MB)"));
        upload.setOnAction(e -> uploadZip());
        Button download = new Button("Download .zip", new FontIcon(Feather.DOWNLOAD));
        download.setId("downloadZipButton");
        download.setTooltip(new Tooltip("Save the deployed code as a .zip deployment package"));
        download.setOnAction(e -> downloadZip());
        Button deploy = new Button("Deploy", new FontIcon(Feather.UPLOAD_CLOUD));
        deploy.setId("deployButton");
        deploy.getStyleClass().add(Styles.ACCENT);
        deploy.setTooltip(new Tooltip("Save and deploy the code (Ctrl+S)"));
        deploy.setOnAction(e -> deploy());
        var notReady = vm.busyProperty().or(vm.draftDirProperty().isNull());
        deploy.disableProperty().bind(notReady);
        upload.disableProperty().bind(notReady);
        download.disableProperty().bind(vm.draftDirProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, upload, download, deploy);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void showDraft(Path dir) {
        if (dir == null) return;
        session.openFolder(dir);
        Path handler = vm.handlerFileProperty().get();
        if (handler != null) session.open(handler);
    }

    private void showPackageType(FunctionConfig config) {
        if (config == null || !"Image".equals(config.packageTypeOrDefault())) return;
        Message image = new Message("Container image", "The code of " + vm.function() + " is the image "
                + config.imageUri() + "; build and tag a new image to change it.", new FontIcon(Feather.BOX));
        image.setId("imagePackage");
        image.getStyleClass().add(Styles.ACCENT);
        setCenter(image);
        BorderPane.setAlignment(image, Pos.TOP_LEFT);
    }

    private void openRestored(java.util.List<Path> files) {
        files.forEach(session::open);
        session.node().checkForExternalChanges();
    }

    private void showFirstProblem() {
        Path dir = vm.draftDirProperty().get();
        if (dir != null && !vm.compileProblems().isEmpty()) {
            CompileProblem first = vm.compileProblems().get(0);
            if (!first.file().startsWith("(")) session.show(first, dir);
        }
    }

    private void uploadZip() {
        if (vm.hasUndeployedChanges()) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Uploading a .zip replaces the function's code. "
                    + "Your changes that are not deployed will be discarded.", ButtonType.OK, ButtonType.CANCEL);
            confirm.setHeaderText("Discard changes that are not deployed?");
            if (confirm.showAndWait().filter(ButtonType.OK::equals).isEmpty()) return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Upload a .zip deployment package to " + vm.function());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Deployment package (*.zip)", "*.zip"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) return;
        vm.uploadZip(file.toPath(), () -> {
            session.discardAll();
            Path handler = vm.handlerFileProperty().get();
            if (handler != null) session.open(handler);
        });
    }

    private void downloadZip() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Download the code of " + vm.function());
        chooser.setInitialFileName(vm.function() + ".zip");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Deployment package (*.zip)", "*.zip"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) vm.downloadZip(file.toPath());
    }
}
