package dev.lambdaconsole.runtime.backend.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Merges layers into one folder mounted at /opt. Files are hard-linked (copied when the file system refuses),
 * never symlinked: a link to a host path would not resolve inside the container. A later layer wins.
 */
final class LayerCopies {
    private LayerCopies() {}

    static void merge(List<Path> layers, Path opt) throws IOException {
        Files.createDirectories(opt);
        for (Path layer : layers) {
            try (Stream<Path> files = Files.walk(layer)) {
                for (Path source : files.toList()) {
                    Path target = opt.resolve(layer.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.deleteIfExists(target);
                        link(source, target);
                    }
                }
            }
        }
    }

    private static void link(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
