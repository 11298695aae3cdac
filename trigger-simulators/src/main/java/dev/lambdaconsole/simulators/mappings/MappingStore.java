package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Mappings as workspace files ({@code <workspace>/event-source-mappings/<UUID>.json}, written atomically) and the
 * pollers' positions beside the engine's state ({@code <state>/mappings/<UUID>.checkpoints.json}: the last
 * sequence number handled per shard), so a restart resumes where it left off.
 */
final class MappingStore {
    private static final Logger LOG = Logger.getLogger(MappingStore.class.getName());
    private final Path dir;
    private final Path stateDir;

    MappingStore(Path dir, Path stateDir) {
        this.dir = dir;
        this.stateDir = stateDir;
    }

    Path dir() { return dir; }

    synchronized List<Mapping> list() {
        if (!Files.isDirectory(dir)) return List.of();
        List<Mapping> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.add(Json.MAPPER.readValue(f.toFile(), Mapping.class));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Skipping unreadable event source mapping " + f + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(Mapping::lastModified, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Mapping::uuid));
        return out;
    }

    synchronized Optional<Mapping> read(String uuid) {
        Path f = file(uuid);
        if (f == null || !Files.isRegularFile(f)) return Optional.empty();
        try {
            return Optional.of(Json.MAPPER.readValue(f.toFile(), Mapping.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + f, e);
        }
    }

    synchronized void write(Mapping mapping) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(mapping.uuid() + ".json"), Json.pretty(mapping));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write event source mapping " + mapping.uuid(), e);
        }
    }

    synchronized void delete(String uuid) {
        try {
            Path f = file(uuid);
            if (f != null) Files.deleteIfExists(f);
            Files.deleteIfExists(checkpointFile(uuid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last sequence number handled per shard. */
    Map<String, String> checkpoints(String uuid) {
        Path f = checkpointFile(uuid);
        if (!Files.isRegularFile(f)) return new LinkedHashMap<>();
        try {
            return Json.MAPPER.readValue(f.toFile(), new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Unreadable checkpoints " + f + "; starting from the mapping's starting position");
            return new LinkedHashMap<>();
        }
    }

    void writeCheckpoints(String uuid, Map<String, String> checkpoints) {
        try {
            Files.createDirectories(stateDir);
            AtomicFiles.write(checkpointFile(uuid), Json.bytes(checkpoints));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write checkpoints of mapping " + uuid, e);
        }
    }

    private Path checkpointFile(String uuid) { return stateDir.resolve(uuid + ".checkpoints.json"); }

    private Path file(String uuid) {
        if (uuid == null || !uuid.matches("[0-9a-fA-F-]{1,64}")) return null;
        return dir.resolve(uuid + ".json");
    }
}
