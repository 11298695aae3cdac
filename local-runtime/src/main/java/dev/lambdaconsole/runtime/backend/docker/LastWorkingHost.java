package dev.lambdaconsole.runtime.backend.docker;

import dev.lambdaconsole.runtime.util.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The Docker host that answered last time, one line in a small file, so the next start tries it before the
 * usual places. The file is written whole or not at all; a missing or unreadable file is simply no hint.
 */
final class LastWorkingHost {
    private static final Logger LOG = Logger.getLogger(LastWorkingHost.class.getName());
    private static final Pattern HOST = Pattern.compile("^(unix|tcp|npipe|ssh)://\\S+$");

    private LastWorkingHost() {}

    static Optional<String> read(Path file) {
        if (file == null || !Files.isRegularFile(file)) return Optional.empty();
        try {
            String host = Files.readString(file, StandardCharsets.UTF_8).trim();
            return HOST.matcher(host).matches() ? Optional.of(host) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Cannot read the last Docker host from " + file, e);
            return Optional.empty();
        }
    }

    static void write(Path file, String host) {
        if (file == null || read(file).filter(host::equals).isPresent()) return;
        try {
            AtomicFiles.write(file, (host + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot remember the Docker host in {0}: {1}", new Object[] {file, e.getMessage()});
        }
    }
}
