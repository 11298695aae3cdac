package dev.lambdaconsole.app.settings;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Whether a typed workspace folder can be used: an existing writable folder, or one that can be created.
 * Touches the disk, so it runs in the background.
 *
 * @param folder  the folder meant, with ~ expanded (null when the text is not a path)
 * @param problem what is wrong, or "" when it can be used
 * @param note    what will happen, e.g. "A workspace with 3 functions" or "Will be created"
 */
record FolderCheck(Path folder, String problem, String note) {
    boolean ok() { return problem.isEmpty(); }

    static FolderCheck of(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return problem(null, "is required: choose the folder that holds your functions");
        Path folder;
        try {
            folder = expand(t);
        } catch (InvalidPathException e) {
            return problem(null, "is not a valid path (" + e.getReason() + ")");
        }
        if (!folder.isAbsolute()) return problem(folder, "must be a full path, e.g. " + home().resolve("LambdaConsole"));
        if (Files.exists(folder)) {
            if (!Files.isDirectory(folder)) return problem(folder, "is a file, not a folder");
            if (!Files.isWritable(folder)) return problem(folder, "is not writable: choose a folder you can write to");
            int functions = functions(folder.resolve("functions"));
            return new FolderCheck(folder, "", functions < 0 ? "A new workspace starts in this folder"
                    : "A workspace with " + functions + (functions == 1 ? " function" : " functions"));
        }
        Path existing = folder.getParent();
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return problem(folder, "cannot be created: no part of the path exists");
        if (!Files.isDirectory(existing)) return problem(folder, "cannot be created: " + existing + " is a file");
        if (!Files.isWritable(existing)) return problem(folder, "cannot be created: " + existing + " is not writable");
        return new FolderCheck(folder, "", "Does not exist yet: it will be created");
    }

    /** "~" and "~/…" mean the user's home folder. */
    static Path expand(String text) {
        if (text.equals("~")) return home();
        if (text.startsWith("~/") || text.startsWith("~\\")) return home().resolve(text.substring(2));
        return Path.of(text).normalize();
    }

    private static Path home() { return Path.of(System.getProperty("user.home")); }

    /** Function folders in {@code dir}, or -1 when it is not there. */
    private static int functions(Path dir) {
        if (!Files.isDirectory(dir)) return -1;
        int count = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path p : entries) if (!p.getFileName().toString().startsWith(".")) count++;
        } catch (IOException e) {
            return -1;
        }
        return count;
    }

    private static FolderCheck problem(Path folder, String problem) {
        return new FolderCheck(folder, problem, "");
    }
}
