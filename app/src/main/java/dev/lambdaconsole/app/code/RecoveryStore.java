package dev.lambdaconsole.app.code;

import dev.lambdaconsole.editor.files.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Copies of unsaved editor buffers in {@code recovery/NAME/PATH}, so a crash loses at most a few seconds of
 * typing. A copy newer than its draft file is offered when the Code tab opens again; saving or deploying the
 * file makes its copy obsolete. Blocking: call it off the UI thread.
 */
final class RecoveryStore {
    private final Path dir;

    RecoveryStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() { return dir; }

    void write(Map<String, String> buffers) throws IOException {
        for (Map.Entry<String, String> e : buffers.entrySet()) {
            Path file = resolve(e.getKey());
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, e.getValue());
        }
    }

    void delete(String relativePath) throws IOException {
        Path file = resolve(relativePath);
        Files.deleteIfExists(file);
        for (Path p = file.getParent(); p != null && p.startsWith(dir); p = p.getParent()) {
            try (var children = Files.list(p)) {
                if (children.findAny().isPresent()) break;
            } catch (IOException gone) {
                continue;
            }
            Files.deleteIfExists(p);
        }
    }

    /** Removes every copy except those named in {@code keep}. */
    void clear(Collection<String> keep) throws IOException {
        for (String rel : CodeFolders.files(dir, rel -> !keep.contains(rel)).keySet()) delete(rel);
    }

    String read(String relativePath) throws IOException {
        return Files.readString(resolve(relativePath), StandardCharsets.UTF_8);
    }

    /**
     * The copies worth offering: newer than their draft file and different from it. Older or identical copies
     * are stale (the file was saved after them) and are removed.
     */
    List<String> offered(Path draftDir) throws IOException {
        List<String> offered = new ArrayList<>();
        for (Map.Entry<String, Path> e : CodeFolders.files(dir, rel -> true).entrySet()) {
            Path draftFile = draftDir.resolve(e.getKey());
            boolean newer = !Files.isRegularFile(draftFile)
                    || Files.getLastModifiedTime(e.getValue()).compareTo(Files.getLastModifiedTime(draftFile)) > 0;
            if (newer && !(Files.isRegularFile(draftFile) && Files.mismatch(draftFile, e.getValue()) == -1)) {
                offered.add(e.getKey());
            } else {
                delete(e.getKey());
            }
        }
        return offered;
    }

    /** Writes the copies into the draft (as saved files) and removes them. */
    void restoreInto(Path draftDir, List<String> relativePaths) throws IOException {
        for (String rel : relativePaths) {
            Path target = draftDir.resolve(rel).normalize();
            if (!target.startsWith(draftDir)) throw new IOException("Recovered file outside the code folder: " + rel);
            Files.createDirectories(target.getParent());
            AtomicFiles.write(target, read(rel));
            delete(rel);
        }
    }

    private Path resolve(String relativePath) throws IOException {
        Path file = dir.resolve(relativePath).normalize();
        if (!file.startsWith(dir) || file.equals(dir)) {
            throw new IOException("Not a file of the code folder: " + relativePath);
        }
        return file;
    }
}
