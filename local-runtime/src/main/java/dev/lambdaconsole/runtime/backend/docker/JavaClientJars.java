package dev.lambdaconsole.runtime.backend.docker;

import dev.lambdaconsole.runtime.runtimes.RuntimeClients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The official AWS Java runtime interface client jars, copied beside the other runtime clients so that a
 * container sees them under /var/runtime/java.
 */
final class JavaClientJars {
    private JavaClientJars() {}

    static void copyInto(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Path jar : RuntimeClients.javaClientJars()) {
                if (!Files.isRegularFile(jar)) continue; // a classes folder in a development build
                Path target = dir.resolve(jar.getFileName());
                if (!Files.exists(target) || Files.size(target) != Files.size(jar)) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the Java runtime client to " + dir + ": " + e.getMessage(), e);
        }
    }
}
