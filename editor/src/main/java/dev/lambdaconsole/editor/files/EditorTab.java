package dev.lambdaconsole.editor.files;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.editor.syntax.LanguageDetector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

/** A tab holding one file in a {@link CodeEditor}; its title shows "● " while there are unsaved changes. */
public final class EditorTab extends Tab {

    private final ObjectProperty<Path> file;
    private final CodeEditor editor = new CodeEditor();
    private boolean loaded;

    EditorTab(Path file) {
        this.file = new SimpleObjectProperty<>(this, "file", file);
        getStyleClass().add("editor-tab");
        textProperty().bind(Bindings.createStringBinding(
                () -> (editor.isModified() ? "\u25CF " : "") + this.file.get().getFileName(),
                editor.modifiedProperty(), this.file));
        editor.modifiedProperty().addListener((obs, was, dirty) -> {
            if (dirty) {
                getStyleClass().add("dirty");
            } else {
                getStyleClass().remove("dirty");
            }
        });
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(this.file.asString());
        setTooltip(tooltip);
        setContent(new Label("Loading " + file.getFileName() + "\u2026"));
    }

    public Path getFile() {
        return file.get();
    }

    void setFile(Path moved) {
        file.set(moved);
    }

    public CodeEditor editor() {
        return editor;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public boolean isModified() {
        return editor.isModified();
    }

    /** Reads the file in the background, then shows it in the editor. */
    void load(TaskRunner io, Consumer<Exception> onError) {
        Path path = getFile();
        io.run(() -> Files.readString(path, StandardCharsets.UTF_8), text -> {
            int newline = text.indexOf('\n');
            editor.setLanguage(LanguageDetector.detect(path.getFileName().toString(),
                    newline < 0 ? text : text.substring(0, newline)));
            editor.setText(text);
            setContent(editor);
            loaded = true;
            editor.area().requestFocus();
        }, error -> {
            setContent(new Label("Cannot open " + path + ": " + error.getMessage()));
            onError.accept(error);
        });
    }

    /** Writes the current text atomically in the background; the editor counts as saved at once. */
    void save(TaskRunner io, Consumer<String> onSaved, Consumer<Exception> onError) {
        if (!loaded) {
            return;
        }
        Path path = getFile();
        String text = editor.getText();
        editor.markSaved();
        io.run(() -> {
            AtomicFiles.write(path, text);
            return text;
        }, onSaved, error -> {
            editor.markSaveFailed();
            onError.accept(error);
        });
    }
}
