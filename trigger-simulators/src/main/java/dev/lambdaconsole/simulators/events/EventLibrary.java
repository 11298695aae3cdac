package dev.lambdaconsole.simulators.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every event a trigger can send, as data (like {@code sam local generate-event}): one folder per source under
 * {@code dev/lambdaconsole/simulators/events/} with {@code index*.json} files and one template per type.
 */
public final class EventLibrary {
    static final String ROOT = "dev/lambdaconsole/simulators/events/";

    private record Entry(EventType type, JsonNode template, Map<String, String> kinds) { }

    private final Map<String, Entry> entries;
    private final Map<String, String> sourceDescriptions;

    private EventLibrary(Map<String, Entry> entries, Map<String, String> sourceDescriptions) {
        this.entries = entries;
        this.sourceDescriptions = sourceDescriptions;
    }

    /** The library on the class path; a broken index or template fails here, naming the file. */
    public static EventLibrary load() {
        ClassLoader loader = EventLibrary.class.getClassLoader();
        Map<String, Entry> entries = new TreeMap<>();
        Map<String, String> descriptions = new TreeMap<>();
        for (String index : ResourceFolders.indexes(loader, ROOT)) {
            String folder = index.substring(0, index.lastIndexOf('/') + 1);
            JsonNode json = read(loader, index);
            String source = json.path("source").asText(null);
            if (source == null) throw new IllegalStateException(index + ": \"source\" is missing");
            if (json.hasNonNull("description")) descriptions.putIfAbsent(source, json.get("description").asText());
            for (JsonNode t : json.path("types")) {
                String type = t.path("type").asText(null);
                String file = t.path("template").asText(null);
                if (type == null || file == null) throw new IllegalStateException(index + ": a type needs \"type\" and \"template\"");
                List<EventParam> params = new ArrayList<>();
                Map<String, String> kinds = new LinkedHashMap<>();
                for (JsonNode p : t.path("params")) {
                    String name = p.path("name").asText();
                    params.add(new EventParam(name, p.path("default").asText(""), p.path("description").asText("")));
                    if (p.hasNonNull("kind") && !p.get("kind").asText().equals("string")) kinds.put(name, p.get("kind").asText());
                }
                String key = source + " " + type;
                if (entries.containsKey(key)) throw new IllegalStateException(index + ": " + key + " is defined twice");
                entries.put(key, new Entry(new EventType(source, type, t.path("description").asText(""), params),
                        read(loader, folder + file), kinds));
            }
        }
        if (entries.isEmpty()) throw new IllegalStateException("No event templates found under " + ROOT);
        return new EventLibrary(entries, descriptions);
    }

    private static JsonNode read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("Missing event resource " + resource);
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Every type, sorted by source, then type. */
    public List<EventType> types() {
        return entries.values().stream().map(Entry::type)
                .sorted(Comparator.comparing(EventType::source).thenComparing(EventType::type)).toList();
    }

    public List<String> sources() {
        return entries.values().stream().map(e -> e.type().source()).distinct().sorted().toList();
    }

    public String sourceDescription(String source) {
        return sourceDescriptions.getOrDefault(source, source);
    }

    public Optional<EventType> find(String source, String type) {
        Entry e = entries.get(source + " " + type);
        return Optional.ofNullable(e == null ? null : e.type());
    }

    /**
     * The event, with {@code params} over the defaults, fresh ids and times. An unknown source, type or parameter
     * throws IllegalArgumentException naming it and what exists.
     */
    public JsonNode generate(String source, String type, Map<String, String> params) {
        Entry e = entries.get(source + " " + type);
        if (e == null) {
            if (!sources().contains(source)) {
                throw new IllegalArgumentException("Unknown event source '" + source + "'. Sources: "
                        + String.join(", ", sources()));
            }
            throw new IllegalArgumentException("Unknown " + source + " event type '" + type + "'. Types: "
                    + types().stream().filter(t -> t.source().equals(source)).map(EventType::type)
                    .collect(Collectors.joining(", ")));
        }
        Map<String, String> values = new LinkedHashMap<>();
        e.type().params().forEach(p -> values.put(p.name(), p.defaultValue()));
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (!values.containsKey(p.getKey())) {
                throw new IllegalArgumentException("Unknown parameter --" + p.getKey() + " of " + source + " " + type
                        + ". Parameters: " + e.type().params().stream().map(x -> "--" + x.name())
                        .collect(Collectors.joining(", ")));
            }
            values.put(p.getKey(), p.getValue());
        }
        return new Template(source + "/" + type, values, e.kinds()).render(e.template());
    }
}
