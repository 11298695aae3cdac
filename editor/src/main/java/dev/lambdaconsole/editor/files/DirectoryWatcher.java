package dev.lambdaconsole.editor.files;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Set;

/**
 * Watches a folder tree on its own daemon thread and calls {@code onChange} (on that thread) after
 * anything in it is created, deleted or modified. New sub-folders are watched as they appear;
 * {@code .git} and {@code node_modules} are not.
 */
public final class DirectoryWatcher implements AutoCloseable {

    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "__pycache__", "target");

    private final WatchService service;
    private final Runnable onChange;
    private final Thread thread;

    private final boolean recursive;

    public DirectoryWatcher(Path root, Runnable onChange) throws IOException {
        this(root, onChange, true);
    }

    /** Watches {@code root} only, not its sub-folders (for the folders of open files). */
    public static DirectoryWatcher flat(Path root, Runnable onChange) throws IOException {
        return new DirectoryWatcher(root, onChange, false);
    }

    private DirectoryWatcher(Path root, Runnable onChange, boolean recursive) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.onChange = onChange;
        this.recursive = recursive;
        if (recursive) {
            registerTree(root);
        } else {
            root.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
        }
        this.thread = new Thread(this::loop, "editor-watch-" + root.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path top) {
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(top) && SKIPPED.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    try {
                        dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
                    } catch (IOException vanished) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException vanished) {
            // the folder went away while we walked it; the next event sorts it out
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = (Path) key.watchable();
                for (var event : key.pollEvents()) {
                    if (recursive && event.kind() == ENTRY_CREATE && event.context() instanceof Path name
                            && Files.isDirectory(dir.resolve(name))) {
                        registerTree(dir.resolve(name));
                    }
                }
                key.reset();
                onChange.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
