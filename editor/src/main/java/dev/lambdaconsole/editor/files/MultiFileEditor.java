package dev.lambdaconsole.editor.files;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

/**
 * Several files in tabs, optionally beside a {@link FileTreeView} of their folder. Ctrl+S saves the
 * current tab atomically, Ctrl+W closes it; closing a tab with unsaved changes asks the
 * {@link CloseConfirmation}. Hosts learn about saves through {@link #addSaveListener}. The folders of
 * open files are watched: a file changed on disk reloads in its tab (asking first when the tab has
 * unsaved changes); hosts may also call {@link #checkForExternalChanges()}, e.g. when the window
 * regains focus.
 */
public class MultiFileEditor extends BorderPane {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private final TabPane tabs = new TabPane();
    private final TaskRunner io;
    private final CloseConfirmation confirmation;
    private final FileDialogs dialogs;
    private final List<SaveListener> saveListeners = new CopyOnWriteArrayList<>();
    private final Map<Path, DirectoryWatcher> watchers = new HashMap<>();
    /** Restarted by every change event: a file being written produces several, one check follows. */
    private final PauseTransition settle = new PauseTransition(Duration.millis(100));
    private FileTreeView tree;

    public MultiFileEditor() {
        this(TaskRunner.fx(), new AlertDialogs(), new AlertDialogs());
    }

    public MultiFileEditor(TaskRunner io, CloseConfirmation confirmation, FileDialogs dialogs) {
        this.io = io;
        this.confirmation = confirmation;
        this.dialogs = dialogs;
        getStyleClass().add("multi-file-editor");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        setCenter(tabs);
        settle.setOnFinished(e -> checkForExternalChanges());
        tabs.getTabs().addListener((ListChangeListener<Tab>) change -> watchOpenFolders());
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                saveSelected();
                e.consume();
            } else if (CLOSE.match(e)) {
                selectedTab().ifPresent(this::close);
                e.consume();
            }
        });
    }

    /** Shows a tree of {@code folder} on the left, watching it for changes. */
    public FileTreeView openFolder(Path folder) {
        if (tree != null) {
            tree.dispose();
        }
        tree = new FileTreeView(folder, io, dialogs, new FileTreeView.Listener() {
            @Override
            public void open(Path file) {
                MultiFileEditor.this.open(file);
            }

            @Override
            public void moved(Path from, Path to) {
                editorTabs().stream().filter(t -> t.getFile().startsWith(from))
                        .forEach(t -> t.setFile(to.resolve(from.relativize(t.getFile()))));
                watchOpenFolders();
            }

            @Override
            public void deleted(Path path) {
                editorTabs().stream().filter(t -> t.getFile().startsWith(path)).forEach(t -> tabs.getTabs().remove(t));
            }
        });
        SplitPane split = new SplitPane(tree, tabs);
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(tree, false);
        setCenter(split);
        return tree;
    }

    public Optional<FileTreeView> fileTree() {
        return Optional.ofNullable(tree);
    }

    /** Opens {@code file} in a new tab, or selects the tab that already shows it. */
    public EditorTab open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        for (EditorTab tab : editorTabs()) {
            if (tab.getFile().equals(absolute)) {
                tabs.getSelectionModel().select(tab);
                return tab;
            }
        }
        EditorTab tab = new EditorTab(absolute);
        tab.setOnCloseRequest(e -> {
            if (!mayClose(tab)) {
                e.consume();
            }
        });
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        tab.load(io, error -> dialogs.showError("Cannot open " + absolute + ": " + error.getMessage()));
        return tab;
    }

    /** Compares every open tab with its file on disk and reloads (or asks about) the changed ones. */
    public void checkForExternalChanges() {
        for (EditorTab tab : editorTabs()) {
            tab.checkDisk(io, confirmation::confirmReload);
        }
    }

    /** Called on a watcher thread: one check per burst of events, once the folder is quiet for 100 ms. */
    private void externalChange() {
        Platform.runLater(settle::playFromStart);
    }

    private void watchOpenFolders() {
        Set<Path> folders = new HashSet<>();
        for (EditorTab tab : editorTabs()) {
            Path parent = tab.getFile().getParent();
            if (parent != null) {
                folders.add(parent);
            }
        }
        watchers.keySet().removeIf(folder -> {
            if (folders.contains(folder)) {
                return false;
            }
            closeQuietly(watchers.get(folder));
            return true;
        });
        for (Path folder : folders) {
            if (!watchers.containsKey(folder)) {
                try {
                    watchers.put(folder, DirectoryWatcher.flat(folder, this::externalChange));
                } catch (IOException | RuntimeException unwatchable) {
                    // folder gone or watch limit reached: checkForExternalChanges() still works
                }
            }
        }
    }

    private static void closeQuietly(DirectoryWatcher watcher) {
        try {
            watcher.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    public List<EditorTab> editorTabs() {
        List<EditorTab> out = new ArrayList<>();
        for (Tab tab : tabs.getTabs()) {
            out.add((EditorTab) tab);
        }
        return out;
    }

    public Optional<EditorTab> selectedTab() {
        return Optional.ofNullable((EditorTab) tabs.getSelectionModel().getSelectedItem());
    }

    public TabPane tabPane() {
        return tabs;
    }

    public void addSaveListener(SaveListener listener) {
        saveListeners.add(listener);
    }

    public void removeSaveListener(SaveListener listener) {
        saveListeners.remove(listener);
    }

    public void saveSelected() {
        selectedTab().ifPresent(this::save);
    }

    public void save(EditorTab tab) {
        tab.save(io, text -> saveListeners.forEach(l -> l.saved(tab.getFile(), text)),
                error -> dialogs.showError("Cannot save " + tab.getFile() + ": " + error.getMessage()));
    }

    /** Closes the tab, asking first if it has unsaved changes. True when it closed. */
    public boolean close(EditorTab tab) {
        if (!mayClose(tab)) {
            return false;
        }
        tabs.getTabs().remove(tab);
        return true;
    }

    /** Closes every tab; stops (returning false) at the first one the user keeps open. */
    public boolean closeAll() {
        for (EditorTab tab : editorTabs()) {
            if (!close(tab)) {
                return false;
            }
        }
        if (tree != null) {
            tree.dispose();
        }
        watchers.values().forEach(MultiFileEditor::closeQuietly);
        watchers.clear();
        return true;
    }

    private boolean mayClose(EditorTab tab) {
        if (!tab.isModified()) {
            return true;
        }
        tabs.getSelectionModel().select(tab);
        return switch (confirmation.confirmClose(tab.getFile())) {
            case SAVE -> {
                save(tab);
                yield true;
            }
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }
}
