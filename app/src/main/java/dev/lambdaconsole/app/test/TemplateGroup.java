package dev.lambdaconsole.app.test;

import dev.lambdaconsole.simulators.events.EventLibrary;
import dev.lambdaconsole.simulators.events.EventType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The event types of one source that match a search, headed by the source's description ("Amazon SQS"). */
public record TemplateGroup(String source, String description, List<EventType> types) {
    public TemplateGroup {
        types = List.copyOf(types);
    }

    /**
     * The library's types matching every word of {@code query} (case-insensitive, anywhere in the source, its
     * description, the type or the type's description), grouped by source in the library's order. A blank query
     * matches everything.
     */
    static List<TemplateGroup> search(EventLibrary library, String query) {
        List<String> words = words(query);
        Map<String, List<EventType>> bySource = new LinkedHashMap<>();
        for (EventType type : library.types()) {
            String text = String.join(" ", type.source(), library.sourceDescription(type.source()), type.type(),
                    type.description()).toLowerCase(Locale.ROOT);
            if (words.stream().allMatch(text::contains)) {
                bySource.computeIfAbsent(type.source(), s -> new ArrayList<>()).add(type);
            }
        }
        List<TemplateGroup> groups = new ArrayList<>();
        bySource.forEach((source, types) ->
                groups.add(new TemplateGroup(source, library.sourceDescription(source), types)));
        return groups;
    }

    /**
     * The type Enter takes: the first whose own name or description (not only its source's) matches every word,
     * else the first shown; empty when nothing matches.
     */
    static Optional<EventType> best(List<TemplateGroup> groups, String query) {
        List<String> words = words(query);
        List<EventType> shown = groups.stream().flatMap(g -> g.types().stream()).toList();
        return shown.stream().filter(t -> {
            String own = String.join(" ", t.source(), t.type(), t.description()).toLowerCase(Locale.ROOT);
            return words.stream().allMatch(own::contains);
        }).findFirst().or(() -> shown.stream().findFirst());
    }

    private static List<String> words(String query) {
        String trimmed = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }
}
