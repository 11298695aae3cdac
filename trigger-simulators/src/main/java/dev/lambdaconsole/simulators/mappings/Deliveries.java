package dev.lambdaconsole.simulators.mappings;

import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every delivery of every mapping: the newest {@value #KEPT} in memory for the console, and all of them appended
 * as JSON lines to {@code <state>/mappings/deliveries.jsonl} (rotated to {@code .1} past 10 MB) for history.
 */
public final class Deliveries {
    static final int KEPT = 5000;
    private static final long ROTATE_AT = 10L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());
    private final Deque<Delivery> recent = new ArrayDeque<>();
    private final List<Consumer<Delivery>> listeners = new CopyOnWriteArrayList<>();
    private final Path file;

    Deliveries(Path file) {
        this.file = file;
    }

    void record(Delivery d) {
        synchronized (recent) {
            recent.addLast(d);
            while (recent.size() > KEPT) recent.removeFirst();
            try {
                Files.createDirectories(file.getParent());
                if (Files.exists(file) && Files.size(file) > ROTATE_AT) {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".1"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Files.write(file, (Json.write(d) + "\n").getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot record a delivery in " + file + ": " + e.getMessage());
            }
        }
        for (Consumer<Delivery> l : listeners) {
            try {
                l.accept(d);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A delivery listener failed", e);
            }
        }
    }

    /** The newest deliveries of one mapping (all mappings when {@code uuid} is null), oldest first. */
    public List<Delivery> recent(String uuid) {
        synchronized (recent) {
            List<Delivery> out = new ArrayList<>();
            for (Delivery d : recent) if (uuid == null || uuid.equals(d.mappingUuid())) out.add(d);
            return out;
        }
    }

    /** Calls {@code listener} on the poller's thread after each delivery; it must not block. */
    public AutoCloseable subscribe(Consumer<Delivery> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
