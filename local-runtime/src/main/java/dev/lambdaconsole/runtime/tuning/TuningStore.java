package dev.lambdaconsole.runtime.tuning;

import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Saved tuning runs of a function: {@code functions/NAME/.tuning/ID.json}, written atomically, gone with the
 * function. A file that does not read is skipped (and logged), so one damaged run never hides the others.
 */
public final class TuningStore {
    private static final Logger LOG = Logger.getLogger(TuningStore.class.getName());
    private final Workspace workspace;

    public TuningStore(Workspace workspace) { this.workspace = workspace; }

    Path dir(String function) {
        return workspace.functionDir(function).resolve(".tuning");
    }

    public void save(TuningRun run) {
        Path file = dir(run.functionName()).resolve(run.id() + ".json");
        try {
            AtomicFiles.write(file, Json.pretty(run));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot save the tuning run " + file + ": " + e.getMessage(), e);
        }
    }

    /** The function's runs, newest first. */
    public List<TuningRun> list(String function) {
        Path dir = dir(function);
        if (!Files.isDirectory(dir)) return List.of();
        List<TuningRun> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().startsWith(".")).toList()) {
                try {
                    runs.add(Json.MAPPER.readValue(f.toFile(), TuningRun.class));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Skipped the tuning run " + f + " (it does not read: " + e.getMessage() + ")");
                }
            }
        } catch (IOException e) {
            throw new WorkspaceException("Cannot list the tuning runs of " + function + ": " + e.getMessage(), e);
        }
        runs.sort(Comparator.comparing(TuningRun::id).reversed());
        return runs;
    }
}
