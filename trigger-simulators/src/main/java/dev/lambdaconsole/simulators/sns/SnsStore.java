package dev.lambdaconsole.simulators.sns;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Topics and subscriptions in one JSON file ({@code <state>/sns/topics.json}), rewritten atomically on each change. */
final class SnsStore {
    static final String FILE = "sns/topics.json";

    record State(List<Topic> topics, List<Subscription> subscriptions) { }

    private final Path file;

    SnsStore(Path stateDir) { this.file = stateDir.resolve(FILE); }

    /** What was stored, in creation order. */
    State load() {
        if (!Files.exists(file)) return new State(List.of(), List.of());
        try {
            State s = Json.MAPPER.readValue(file.toFile(), new TypeReference<State>() { });
            return new State(s.topics() == null ? List.of() : s.topics(),
                    s.subscriptions() == null ? List.of() : s.subscriptions());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SNS topics in " + file, e);
        }
    }

    void save(Map<String, Topic> topics, Map<String, Subscription> subscriptions) {
        try {
            AtomicFiles.write(file, Json.pretty(new State(new ArrayList<>(topics.values()),
                    new ArrayList<>(subscriptions.values()))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the SNS topics in " + file, e);
        }
    }

    static <T> Map<String, T> byArn(List<T> items, java.util.function.Function<T, String> arn) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T t : items) out.put(arn.apply(t), t);
        return out;
    }
}
