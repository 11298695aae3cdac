package dev.lambdaconsole.runtime.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Merges an environment's layers, in order, into its own /opt folder: same-name folders merge and a file
 * present twice comes from the later layer. Files are hard-linked (copied when the file system refuses),
 * never symlinked, so the folder also works mounted into a container where host paths do not resolve.
 */
public final class LayerMerge {
    private LayerMerge() {}

    public static void merge(List<Path> layers, Path opt) throws IOException {
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
