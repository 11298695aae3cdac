package dev.lambdaconsole.benchmarks;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/** The start-up baseline: the smallest JavaFX window, timed like the console's probe. */
public final class BareWindow {
    private BareWindow() { }

    public static void main(String[] args) { Application.launch(App.class, args); }

    /** The window itself (a class apart, so the class-path launch does not trip JavaFX's launcher check). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("baseline"), 1280, 800));
            stage.show();
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            Platform.runLater(() -> {
                System.out.println("window-shown-ms=" + (System.currentTimeMillis() - jvmStart));
                Platform.exit();
            });
        }
    }
}
