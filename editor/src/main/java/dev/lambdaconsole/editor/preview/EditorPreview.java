package dev.lambdaconsole.editor.preview;

import dev.lambdaconsole.editor.files.MultiFileEditor;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Standalone preview: {@code EditorPreview FILE} opens one file in a tab; {@code EditorPreview FOLDER}
 * shows the folder's tree beside the tabs. Ctrl+S saves; closing the window asks about unsaved tabs.
 */
public final class EditorPreview extends Application {

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: EditorPreview FILE|FOLDER");
            System.exit(2);
        }
        Path target = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Files.exists(target)) {
            System.err.println("No such file or folder: " + target);
            System.exit(2);
        }
        launch(EditorPreview.class, target.toString());
    }

    @Override
    public void start(Stage stage) {
        Path target = Path.of(getParameters().getRaw().get(0));
        MultiFileEditor editor = new MultiFileEditor();
        if (Files.isDirectory(target)) {
            editor.openFolder(target);
        } else {
            editor.open(target);
        }
        editor.addSaveListener((file, text) -> stage.setTitle("Saved " + file.getFileName()));
        stage.setTitle(target.getFileName() + " \u2014 Lambda Console editor");
        stage.setScene(new Scene(editor, 1100, 750));
        stage.setOnCloseRequest(e -> {
            if (!editor.closeAll()) {
                e.consume();
            }
        });
        stage.show();
        Platform.setImplicitExit(true);
    }
}
