package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.common.ProgressBoard;
import dev.lambdaconsole.app.common.ConsoleSettings;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.lambdaconsole.editor.concurrent.FxTaskRunner;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The desktop console. The window shows at once; the engine (workspace, log store, Docker connection, endpoint)
 * starts in the background and the pages appear when it is ready. Closing the window stops every environment.
 */
public final class ConsoleApp extends Application {
    /** Set to print start-up times ("window-shown-ms=…", "engine-ready-ms=…") and exit: the start-up benchmark. */
    public static final String STARTUP_PROBE = "lambdaconsole.startupProbe";
    private static final Logger LOG = Logger.getLogger(ConsoleApp.class.getName());

    private final FxTaskRunner tasks = new FxTaskRunner();
    private ShellViewModel shell;
    private MainWindow window;
    private Stage stage;
    private Path settingsFile;

    public static void launchConsole(String[] args) { Application.launch(ConsoleApp.class, args); }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        settingsFile = ConsoleSettings.defaultFile();
        ConsoleSettings settings = ConsoleSettings.load(settingsFile);
        applyTheme(settings.darkTheme());
        ProgressBoard progress = new ProgressBoard(tasks);
        shell = new ShellViewModel(settings, tasks, progress, this::saveSettings);
        window = new MainWindow(shell, tasks, progress, Composition.pages());
        Scene scene = new Scene(window, settings.windowWidth(), settings.windowHeight());
        scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
        primary.setScene(scene);
        primary.setTitle("Lambda Console");
        primary.getIcons().addAll(AppIcon.images());
        primary.show();
        if (Boolean.getBoolean(STARTUP_PROBE)) probeStartup();
        shell.start();
    }

    /** Saves settings (in the background) and applies the theme at once. */
    private void saveSettings(ConsoleSettings s) {
        applyTheme(s.darkTheme());
        tasks.run(() -> {
            s.save(settingsFile);
            return true;
        }).onFailure(e -> LOG.log(Level.WARNING, "Settings not saved: " + TaskRunner.describe(e)));
    }

    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void probeStartup() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Platform.runLater(() -> System.out.println("window-shown-ms=" + (System.currentTimeMillis() - jvmStart)));
        shell.stateProperty().addListener((o, was, now) -> {
            if (now == ShellViewModel.State.STARTING) return;
            System.out.println("engine-" + now.name().toLowerCase() + "-ms=" + (System.currentTimeMillis() - jvmStart));
            System.out.flush();
            Platform.exit();
        });
    }

    @Override
    public void stop() {
        if (shell == null) return;
        ConsoleSettings last = shell.settings().withWindow(stage.getWidth(), stage.getHeight())
                .withLastFunction(window.openFunction());
        try {
            last.save(settingsFile);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Settings not saved: " + e.getMessage());
        }
        // The window is gone; stopping containers may take a moment and nothing is left to repaint.
        window.closeCurrentPage();
        shell.close();
        tasks.close();
    }
}
