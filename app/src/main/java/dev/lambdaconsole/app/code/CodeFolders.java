package dev.lambdaconsole.app.code;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Code folders as sets of files by relative path ('/' separators): compare, copy and mirror them. */
final class CodeFolders {
    private CodeFolders() { }

    /** Left behind by an interrupted atomic save (".name.123.tmp"): never part of the code. */
    static boolean isLeftover(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    /** The regular files under {@code dir} that {@code include} accepts, sorted by relative path. */
    static Map<String, Path> files(Path dir, Predicate<String> include) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String rel = relative(dir, p);
                if (!isLeftover(rel) && include.test(rel)) out.put(rel, p);
            }
        }
        return out;
    }

    static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /** Makes {@code target} hold exactly the accepted files of {@code source}; unchanged files are not touched. */
    static void mirror(Path source, Path target, Predicate<String> include) throws IOException {
        Files.createDirectories(target);
        Map<String, Path> wanted = files(source, include);
        Map<String, Path> present = files(target, rel -> true);
        for (Map.Entry<String, Path> e : present.entrySet()) {
            if (!wanted.containsKey(e.getKey())) Files.deleteIfExists(e.getValue());
        }
        for (Map.Entry<String, Path> e : wanted.entrySet()) {
            Path to = target.resolve(e.getKey());
            if (!Files.isRegularFile(to) || Files.isExecutable(to) != Files.isExecutable(e.getValue())
                    || !MessageDigest.isEqual(digest(to), digest(e.getValue()))) {
                copyAtomically(e.getValue(), to);
            }
        }
        copyFolders(source, target);
        pruneFolders(source, target);
    }

    /** Copies the accepted files of {@code source} into {@code target} (which need not exist). */
    static void copy(Path source, Path target, Predicate<String> include) throws IOException {
        Files.createDirectories(target);
        for (Map.Entry<String, Path> e : files(source, include).entrySet()) {
            Path to = target.resolve(e.getKey());
            Files.createDirectories(to.getParent());
            Files.copy(e.getValue(), to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException ignored) {
            // a leftover build folder is hidden and removed by the next deploy's clean-up at worst
        }
    }

    private static void copyAtomically(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Path temp = to.resolveSibling("." + to.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.copy(from, temp, StandardCopyOption.COPY_ATTRIBUTES);
            dev.lambdaconsole.runtime.util.AtomicFiles.move(temp, to);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Empty folders of the source exist in the target too (a new package folder the user made). */
    private static void copyFolders(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) return;
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.filter(CodeFolders::isEmptyFolder).toList()) {
                Files.createDirectories(target.resolve(relative(source, p)));
            }
        }
    }

    /** Empty folders of the target are removed, unless the source has the same empty folder. */
    private static void pruneFolders(Path source, Path target) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(target)) {
            paths.filter(Files::isDirectory).filter(p -> !p.equals(target)).forEach(folders::add);
        }
        folders.sort(Comparator.reverseOrder());
        for (Path folder : folders) {
            if (isEmptyFolder(folder) && !isEmptyFolder(source.resolve(relative(target, folder)))) {
                Files.delete(folder);
            }
        }
    }

    private static boolean isEmptyFolder(Path p) {
        if (!Files.isDirectory(p)) return false;
        try (Stream<Path> children = Files.list(p)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static byte[] digest(Path file) throws IOException {
        MessageDigest sha = FileDigests.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return sha.digest();
    }
}
