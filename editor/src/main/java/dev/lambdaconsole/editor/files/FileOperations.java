package dev.lambdaconsole.editor.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Blocking file-system operations behind the file tree. Names may not leave their folder. */
public final class FileOperations {

    private FileOperations() {
    }

    public static Path createFile(Path folder, String name) throws IOException {
        return Files.createFile(child(folder, name));
    }

    public static Path createFolder(Path folder, String name) throws IOException {
        return Files.createDirectory(child(folder, name));
    }

    public static Path rename(Path path, String newName) throws IOException {
        return Files.move(path, child(path.getParent(), newName));
    }

    /** Deletes a file, or a folder with everything in it. */
    public static void delete(Path path) throws IOException {
        if (!Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** An entry of a folder listing. */
    public record Entry(Path path, boolean folder) {
    }

    /** Folders first, then files, each by name (case-insensitive). */
    public static List<Entry> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> new Entry(p, Files.isDirectory(p)))
                    .sorted(Comparator.comparing((Entry e) -> !e.folder())
                            .thenComparing(e -> e.path().getFileName().toString().toLowerCase(java.util.Locale.ROOT)))
                    .toList();
        }
    }

    static Path child(Path folder, String name) throws IOException {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.equals(".") || trimmed.equals("..") || trimmed.contains("/")
                || trimmed.contains("\\") || trimmed.indexOf('\0') >= 0) {
            throw new IOException("Not a valid file name: '" + name + "'");
        }
        return folder.resolve(trimmed);
    }
}
