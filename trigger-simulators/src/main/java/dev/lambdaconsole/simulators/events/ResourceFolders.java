package dev.lambdaconsole.simulators.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The {@code <root><source>/index*.json} resources, from a folder (tests, IDE) or a jar (the console). */
final class ResourceFolders {
    private ResourceFolders() { }

    static List<String> indexes(ClassLoader loader, String root) {
        List<String> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(root))) {
                if (url.getProtocol().equals("file")) {
                    Path dir = Path.of(url.toURI());
                    try (Stream<Path> files = Files.walk(dir, 2)) {
                        files.filter(ResourceFolders::isIndex).forEach(f ->
                                found.add(root + dir.relativize(f).toString().replace('\\', '/')));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        jar.stream().map(java.util.zip.ZipEntry::getName)
                                .filter(n -> n.startsWith(root) && n.substring(root.length()).split("/").length == 2)
                                .filter(n -> isIndex(Path.of(n))).forEach(found::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Collections.sort(found);
        return found;
    }

    private static boolean isIndex(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith("index") && name.endsWith(".json") && p.getNameCount() >= 1;
    }
}
