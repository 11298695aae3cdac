package dev.lambdaconsole.editor.files;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.util.Duration;

/**
 * The files of a folder. Double-click or Enter opens a file; the context menu creates, renames and
 * deletes (after confirmation). Listing happens in the background; changes on disk made by anyone
 * show up by themselves (a {@link DirectoryWatcher} triggers a refresh).
 */
public final class FileTreeView extends TreeView<Path> {

    /** What the tree tells its owner. */
    public interface Listener {
        void open(Path file);

        void moved(Path from, Path to);

        void deleted(Path path);
    }

    private final Path root;
    private final TaskRunner io;
    private final FileDialogs dialogs;
    private final Listener listener;
    private final PauseTransition refreshDelay = new PauseTransition(Duration.millis(150));
    private DirectoryWatcher watcher;

    public FileTreeView(Path root, TaskRunner io, FileDialogs dialogs, Listener listener) {
        this.root = root.toAbsolutePath().normalize();
        this.io = io;
        this.dialogs = dialogs;
        this.listener = listener;
        getStyleClass().add("file-tree");
        setRoot(new PathItem(this.root, true));
        getRoot().setExpanded(true);
        setShowRoot(true);
        setCellFactory(tree -> new PathCell());
        setContextMenu(menu());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                selectedFile().ifPresent(listener::open);
            } else if (e.getCode() == KeyCode.DELETE) {
                delete();
            }
        });
        refreshDelay.setOnFinished(e -> refresh());
        refresh();
        try {
            watcher = new DirectoryWatcher(this.root, () -> Platform.runLater(refreshDelay::playFromStart));
        } catch (IOException cannotWatch) {
            watcher = null;
        }
    }

    public Path rootFolder() {
        return root;
    }

    /** Stops watching the folder. */
    public void dispose() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException ignored) {
            // closing a watch service only fails if it is already closed
        }
    }

    /** Re-lists the root and every expanded folder in the background, keeping expansion and selection. */
    public void refresh() {
        List<Path> folders = new ArrayList<>();
        collectExpanded(getRoot(), folders);
        io.run(() -> {
            Map<Path, List<FileOperations.Entry>> listing = new LinkedHashMap<>();
            for (Path folder : folders) {
                if (Files.isDirectory(folder)) {
                    listing.put(folder, FileOperations.list(folder));
                }
            }
            return listing;
        }, listing -> ((PathItem) getRoot()).sync(listing), error -> { });
    }

    public void createFile() {
        Path folder = targetFolder();
        dialogs.askName("New file", "").ifPresent(name -> run(() -> FileOperations.createFile(folder, name), created -> {
            expand(folder);
            listener.open(created);
        }));
    }

    public void createFolder() {
        Path folder = targetFolder();
        dialogs.askName("New folder", "").ifPresent(name -> run(() -> FileOperations.createFolder(folder, name),
                created -> expand(folder)));
    }

    public void rename() {
        selectedPath().filter(p -> !p.equals(root)).ifPresent(path ->
                dialogs.askName("Rename", path.getFileName().toString())
                        .filter(name -> !name.equals(path.getFileName().toString()))
                        .ifPresent(name -> run(() -> FileOperations.rename(path, name), moved -> listener.moved(path, moved))));
    }

    public void delete() {
        selectedPath().filter(p -> !p.equals(root)).filter(dialogs::confirmDelete).ifPresent(path ->
                run(() -> {
                    FileOperations.delete(path);
                    return path;
                }, listener::deleted));
    }

    private <T> void run(java.util.concurrent.Callable<T> operation, Consumer<T> then) {
        io.run(operation, result -> {
            then.accept(result);
            refresh();
        }, error -> dialogs.showError(error.getMessage()));
    }

    private void expand(Path folder) {
        findItem(getRoot(), folder).ifPresent(item -> item.setExpanded(true));
    }

    private Path targetFolder() {
        return Optional.ofNullable(getSelectionModel().getSelectedItem())
                .map(item -> item.isLeaf() ? item.getValue().getParent() : item.getValue()).orElse(root);
    }

    private Optional<Path> selectedPath() {
        return Optional.ofNullable(getSelectionModel().getSelectedItem()).map(TreeItem::getValue);
    }

    private Optional<Path> selectedFile() {
        return Optional.ofNullable(getSelectionModel().getSelectedItem()).filter(TreeItem::isLeaf).map(TreeItem::getValue);
    }

    private static Optional<TreeItem<Path>> findItem(TreeItem<Path> item, Path path) {
        if (item.getValue().equals(path)) {
            return Optional.of(item);
        }
        for (TreeItem<Path> child : item.getChildren()) {
            if (path.startsWith(child.getValue())) {
                return findItem(child, path);
            }
        }
        return Optional.empty();
    }

    private static void collectExpanded(TreeItem<Path> item, List<Path> out) {
        if (item.isExpanded() || item.getParent() == null) {
            out.add(item.getValue());
            item.getChildren().forEach(child -> collectExpanded(child, out));
        }
    }

    private ContextMenu menu() {
        MenuItem newFile = item("New file\u2026", this::createFile);
        MenuItem newFolder = item("New folder\u2026", this::createFolder);
        MenuItem rename = item("Rename\u2026", this::rename);
        MenuItem delete = item("Delete\u2026", this::delete);
        MenuItem refresh = item("Refresh", this::refresh);
        return new ContextMenu(newFile, newFolder, new SeparatorMenuItem(), rename, delete, new SeparatorMenuItem(), refresh);
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** A file or folder; a folder lists its children the first time it is expanded. */
    private final class PathItem extends TreeItem<Path> {
        private final boolean folder;

        PathItem(Path path, boolean folder) {
            super(path);
            this.folder = folder;
            expandedProperty().addListener((obs, was, expanded) -> {
                if (expanded && getChildren().isEmpty()) {
                    refresh();
                }
            });
        }

        @Override
        public boolean isLeaf() {
            return !folder;
        }

        void sync(Map<Path, List<FileOperations.Entry>> listing) {
            List<FileOperations.Entry> entries = listing.get(getValue());
            if (entries == null) {
                return;
            }
            Map<Path, TreeItem<Path>> existing = new HashMap<>();
            getChildren().forEach(child -> existing.put(child.getValue(), child));
            List<TreeItem<Path>> children = new ArrayList<>();
            for (FileOperations.Entry entry : entries) {
                TreeItem<Path> child = existing.get(entry.path());
                boolean reusable = child != null && child.isLeaf() != entry.folder();
                children.add(reusable ? child : new PathItem(entry.path(), entry.folder()));
            }
            if (!children.equals(getChildren())) {
                getChildren().setAll(children);
            }
            children.forEach(child -> ((PathItem) child).sync(listing));
        }
    }

    private final class PathCell extends TreeCell<Path> {
        PathCell() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getTreeItem() != null
                        && getTreeItem().isLeaf()) {
                    listener.open(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Path item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("folder", "file");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.equals(root) ? item.getFileName() + "/" : String.valueOf(item.getFileName()));
            getStyleClass().add(getTreeItem() != null && !getTreeItem().isLeaf() ? "folder" : "file");
        }
    }
}
