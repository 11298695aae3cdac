package dev.lambdaconsole.runtime.backend.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runtimes run as an unprivileged user that owns none of the host's files: the folders the engine itself writes
 * and mounts (the runtime clients) must be readable by everyone, as Lambda requires of deployed files.
 */
final class WorldReadable {
    private WorldReadable() {}

    static void grant(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                perms.add(PosixFilePermission.GROUP_READ);
                perms.add(PosixFilePermission.OTHERS_READ);
                if (Files.isDirectory(p) || perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
                    perms.add(PosixFilePermission.GROUP_EXECUTE);
                    perms.add(PosixFilePermission.OTHERS_EXECUTE);
                }
                Files.setPosixFilePermissions(p, perms);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows hosts: Docker Desktop's file sharing does not map permissions
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + dir + " readable for containers: " + e.getMessage(), e);
        }
    }
}
