package dev.lambdaconsole.editor.files;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.editor.highlight.PreparedText;
import dev.lambdaconsole.editor.syntax.Language;
import dev.lambdaconsole.editor.syntax.LanguageDetector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
    /** The file's content as last read or written by this tab: what "changed on disk" compares to. */
    private String diskText;
    private int savesInFlight;
    private long diskCheck;

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

    /** The file as read, and lexed and coloured on the same background thread. */
    private record Loaded(String raw, PreparedText prepared) {
    }

    /** Reads (and colours) the file in the background, then shows it in the editor. */
    void load(TaskRunner io, Consumer<Exception> onError) {
        Path path = getFile();
        io.run(() -> {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            Language language = LanguageDetector.detect(path.getFileName().toString(),
                    newline < 0 ? text : text.substring(0, newline));
            return new Loaded(text, PreparedText.of(text, language));
        }, loadedText -> {
            editor.setText(loadedText.prepared());
            diskText = loadedText.raw();
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
        savesInFlight++;
        io.run(() -> {
            AtomicFiles.write(path, text);
            return text;
        }, saved -> {
            savesInFlight--;
            diskText = saved;
            onSaved.accept(saved);
        }, error -> {
            savesInFlight--;
            editor.markSaveFailed();
            onError.accept(error);
        });
    }

    /**
     * Reads the file in the background and, if it changed on disk since this tab last read or wrote
     * it, reloads it: at once when the tab has no unsaved changes, else only if {@code confirmReload}
     * agrees (if not, the user's text stays and this disk version is not asked about again).
     * Skipped while a save of this tab is under way; only the newest check's result counts.
     */
    void checkDisk(TaskRunner io, Predicate<Path> confirmReload) {
        if (!loaded || savesInFlight > 0) {
            return;
        }
        Path path = getFile();
        long check = ++diskCheck;
        io.run(() -> Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : null, text -> {
            if (check != diskCheck || savesInFlight > 0 || text == null || text.equals(diskText)
                    || !path.equals(getFile())) {
                return;
            }
            diskText = text;
            if (text.equals(editor.getText())) {
                editor.markSaved();
            } else if (!editor.isModified() || confirmReload.test(path)) {
                reload(text);
            }
        }, error -> {
            // unreadable for a moment (being replaced): the next change event checks again
        });
    }

    private void reload(String text) {
        int line = editor.area().getCurrentParagraph();
        int column = editor.area().getCaretColumn();
        editor.setText(text);
        int newLine = Math.min(line, editor.area().getParagraphs().size() - 1);
        editor.area().moveTo(newLine, Math.min(column, editor.area().getParagraphLength(newLine)));
        editor.area().requestFollowCaret();
    }
}
