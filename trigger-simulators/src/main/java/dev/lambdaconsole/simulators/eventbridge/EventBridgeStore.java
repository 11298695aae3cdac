package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Buses, rules and targets in {@code <state>/events/rules.json}, rewritten atomically on each change. */
final class EventBridgeStore {
    static final String FILE = "events/rules.json";

    record State(List<EventBus> buses, List<Rule> rules) { }

    private final Path file;

    EventBridgeStore(Path stateDir) { this.file = stateDir.resolve(FILE); }

    State load() {
        if (!Files.exists(file)) return new State(List.of(), List.of());
        try {
            State s = Json.MAPPER.readValue(file.toFile(), new TypeReference<State>() { });
            return new State(s.buses() == null ? List.of() : s.buses(), s.rules() == null ? List.of() : s.rules());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the EventBridge rules in " + file, e);
        }
    }

    void save(Collection<EventBus> buses, Collection<Rule> rules) {
        try {
            AtomicFiles.write(file, Json.pretty(new State(new ArrayList<>(buses), new ArrayList<>(rules))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the EventBridge rules in " + file, e);
        }
    }
}
