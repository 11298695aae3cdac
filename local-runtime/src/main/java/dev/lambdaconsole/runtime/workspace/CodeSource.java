package dev.lambdaconsole.runtime.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a new function's code comes from: an uploaded .zip, files from a blueprint, or nothing. */
@FunctionalInterface
public interface CodeSource {
    /** Writes the code into {@code dir}, which does not exist yet. */
    void writeTo(Path dir) throws IOException;

    static CodeSource zip(byte[] zip) {
        return dir -> CodeArchive.extract(zip, dir);
    }

    /** A copy of an existing folder, execute bits kept. */
    static CodeSource folder(Path source) {
        return dir -> {
            try (var paths = Files.walk(source)) {
                for (Path p : paths.toList()) {
                    Path target = dir.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        };
    }

    static CodeSource empty() {
        return Files::createDirectories;
    }

    /** Text files by relative path; a path ending in {@code bootstrap} or under {@code bin/} is made executable. */
    static CodeSource files(Map<String, String> files) {
        Map<String, String> copy = new LinkedHashMap<>(files);
        return dir -> {
            Files.createDirectories(dir);
            Path root = dir.toAbsolutePath().normalize();
            for (Map.Entry<String, String> e : copy.entrySet()) {
                Path file = root.resolve(e.getKey()).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("File path escapes the code folder: " + e.getKey());
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                String fileName = file.getFileName().toString();
                if (fileName.equals("bootstrap") || e.getKey().startsWith("bin/")) {
                    CodeArchive.makeExecutable(file);
                }
            }
        };
    }
}
