package dev.lambdaconsole.app.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.JsonText;
import dev.lambdaconsole.app.services.ServiceErrors;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import dev.lambdaconsole.simulators.events.EventLibrary;
import dev.lambdaconsole.simulators.events.EventType;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Event buses and rules: the buses (default and custom; create one), the rules of the selected bus, and a Put event
 * form (typed, or prefilled from the event library) whose result says which rules of the bus matched the event as
 * EventBridge built it.
 */
public final class EventBusesViewModel {
    /** A bus of the list. */
    public record BusRow(String name, String arn) { }

    /** A rule of the selected bus: its pattern or schedule, state and targets (ARNs). */
    public record RuleRow(String name, String arn, String patternOrSchedule, String state, String targets,
                          boolean schedule) { }

    /** A rule and whether the event put matched it. */
    public record RuleMatch(String rule, String state, String verdict, boolean matched) { }

    /** A library sample with EventBridge's envelope (source, detail-type, detail). */
    public record Sample(String source, String type, String description) {
        @Override public String toString() { return source + " / " + type; }
    }

    private record Loaded(List<BusRow> buses, String bus, List<RuleRow> rules) { }

    private record Put(String answer, String event, List<RuleMatch> matches) { }

    private static final String BUS_NAME = "[/\\.\\-_A-Za-z0-9]{1,256}";

    private final Supplier<Optional<EventBridgeService>> events;
    private final TaskRunner tasks;
    private final ObservableList<BusRow> buses = FXCollections.observableArrayList();
    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList();
    private final ObservableList<RuleMatch> matches = FXCollections.observableArrayList();
    private final ObservableList<Sample> samples = FXCollections.observableArrayList();
    private final StringProperty selectedBus = new SimpleStringProperty("default");
    private final StringProperty newBusName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper newBusError = new ReadOnlyStringWrapper("");
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty detailType = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("{}");
    private final StringProperty resources = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper sourceError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detailTypeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detailError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper putResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper builtEvent = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private EventLibrary library;
    /** Set while a load is shown: selecting its bus must not load again. */
    private boolean showing;

    public EventBusesViewModel(Supplier<Optional<EventBridgeService>> events, TaskRunner tasks) {
        this.events = events;
        this.tasks = tasks;
        newBusName.addListener((o, was, now) -> newBusError.set(busNameProblem(now)));
        source.addListener((o, was, now) -> sourceError.set(required(now, "Source")));
        detailType.addListener((o, was, now) -> detailTypeError.set(required(now, "Detail type")));
        detail.addListener((o, was, now) -> detailError.set(detailProblem(now)));
        selectedBus.addListener((o, was, now) -> {
            if (now != null && !now.equals(was) && !showing) refresh();
        });
    }

    public ObservableList<BusRow> buses() { return buses; }
    public ObservableList<RuleRow> rules() { return rules; }
    /** After Put event: each rule of the bus, matched or not. */
    public ObservableList<RuleMatch> matches() { return matches; }
    public ObservableList<Sample> samples() { return samples; }
    public StringProperty selectedBusProperty() { return selectedBus; }
    public StringProperty newBusNameProperty() { return newBusName; }
    public ReadOnlyStringProperty newBusError() { return newBusError.getReadOnlyProperty(); }
    public StringProperty sourceProperty() { return source; }
    public StringProperty detailTypeProperty() { return detailType; }
    /** The detail, a JSON object. */
    public StringProperty detailProperty() { return detail; }
    /** Resource ARNs, one a line (or separated by commas). */
    public StringProperty resourcesProperty() { return resources; }
    public ReadOnlyStringProperty sourceError() { return sourceError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailTypeError() { return detailTypeError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailError() { return detailError.getReadOnlyProperty(); }
    /** "Event id …" or the entry's error code and message. */
    public ReadOnlyStringProperty putResult() { return putResult.getReadOnlyProperty(); }
    /** The event as EventBridge built it (id, time, account, region added), pretty. */
    public ReadOnlyStringProperty builtEvent() { return builtEvent.getReadOnlyProperty(); }
    /** The last service error or what an action did. */
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }

    static String busNameProblem(String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) return "";
        if (!n.matches(BUS_NAME)) return "a bus name is 1-256 letters, digits and . - _ /";
        if (n.startsWith("aws.")) return "names starting with aws. are reserved for AWS";
        if (n.equals("default")) return "the default bus always exists";
        return "";
    }

    private static String required(String value, String field) {
        return value == null || value.isBlank() ? field + " is required" : "";
    }

    static String detailProblem(String text) {
        if (text == null || text.isBlank()) return "Detail is required: a JSON object, e.g. {\"orderId\": 42}";
        String syntax = JsonText.problem(text);
        if (!syntax.isEmpty()) return "Detail is not valid JSON: " + syntax;
        JsonNode n = JsonText.parse(text).orElse(null);
        return n != null && n.isObject() ? "" : "Detail must be a JSON object ({…}), not "
                + (n == null ? "empty" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }

    private EventBridgeService service() {
        return events.get().orElseThrow(() -> new IllegalStateException("The local EventBridge is not running."));
    }

    /** Reloads the buses and the selected bus's rules (the default bus when the selected one is gone). */
    public void refresh() {
        String wanted = selectedBus.get();
        tasks.run(() -> load(wanted)).onSuccess(this::show).onFailure(e -> message.set(ServiceErrors.message(e)));
    }

    private Loaded load(String wanted) {
        EventBridgeService s = service();
        List<BusRow> list = new ArrayList<>();
        for (JsonNode b : s.call("ListEventBuses", Json.object()).path("EventBuses")) {
            list.add(new BusRow(b.path("Name").asText(), b.path("Arn").asText()));
        }
        String bus = list.stream().anyMatch(b -> b.name().equals(wanted)) ? wanted : "default";
        return new Loaded(list, bus, rulesOf(s, bus));
    }

    static List<RuleRow> rulesOf(EventBridgeService s, String bus) {
        List<RuleRow> out = new ArrayList<>();
        for (JsonNode r : s.call("ListRules", Json.object().put("EventBusName", bus)).path("Rules")) {
            String name = r.path("Name").asText();
            List<String> targets = new ArrayList<>();
            for (JsonNode t : s.call("ListTargetsByRule", Json.object().put("Rule", name).put("EventBusName", bus))
                    .path("Targets")) {
                targets.add(t.path("Arn").asText());
            }
            boolean schedule = r.hasNonNull("ScheduleExpression");
            out.add(new RuleRow(name, r.path("Arn").asText(), schedule ? r.get("ScheduleExpression").asText()
                    : r.path("EventPattern").asText(), r.path("State").asText(),
                    targets.isEmpty() ? "(no targets)" : String.join(", ", targets), schedule));
        }
        return out;
    }

    private void show(Loaded l) {
        buses.setAll(l.buses());
        rules.setAll(l.rules());
        showing = true;
        try {
            selectedBus.set(l.bus());
        } finally {
            showing = false;
        }
    }

    /** Creates a custom bus with the typed name, then shows it. */
    public void createBus() {
        String name = newBusName.get() == null ? "" : newBusName.get().trim();
        String problem = name.isEmpty() ? "type a name for the new bus" : busNameProblem(name);
        newBusError.set(problem);
        if (!problem.isEmpty()) return;
        tasks.run(() -> {
            service().call("CreateEventBus", Json.object().put("Name", name));
            return load(name);
        }).onSuccess(l -> {
            show(l);
            newBusName.set("");
            message.set("Created event bus " + name);
        }).onFailure(e -> message.set(ServiceErrors.message(e)));
    }

    /** The library's samples that have EventBridge's envelope (loaded in the background). */
    public void loadSamples() {
        tasks.run(() -> {
            EventLibrary lib = EventLibrary.load();
            List<Sample> out = new ArrayList<>();
            for (EventType t : lib.types()) {
                JsonNode e = lib.generate(t.source(), t.type(), Map.of());
                if (e.hasNonNull("detail-type") && e.hasNonNull("source") && e.path("detail").isObject()) {
                    out.add(new Sample(t.source(), t.type(), t.description()));
                }
            }
            library = lib;
            return out;
        }).onSuccess(samples::setAll).onFailure(e -> message.set("Event library: " + ServiceErrors.message(e)));
    }

    /** Fills the form from a sample: its source, detail-type, detail and resources. */
    public void pick(Sample sample) {
        if (sample == null) return;
        tasks.run(() -> (library == null ? EventLibrary.load() : library).generate(sample.source(), sample.type(), Map.of()))
                .onSuccess(e -> {
                    source.set(e.path("source").asText());
                    detailType.set(e.path("detail-type").asText());
                    detail.set(JsonText.pretty(e.get("detail")));
                    List<String> res = new ArrayList<>();
                    for (JsonNode r : e.path("resources")) res.add(r.asText());
                    resources.set(String.join("\n", res));
                }).onFailure(e -> message.set(ServiceErrors.message(e)));
    }

    /** Whether the form is complete and valid (what Put event needs). */
    public boolean validate() {
        sourceError.set(required(source.get(), "Source"));
        detailTypeError.set(required(detailType.get(), "Detail type"));
        detailError.set(detailProblem(detail.get()));
        return sourceError.get().isEmpty() && detailTypeError.get().isEmpty() && detailError.get().isEmpty();
    }

    /** Puts the event on the selected bus and reports the result and which rules matched. */
    public void putEvent() {
        if (!validate()) {
            putResult.set("Not sent: fix the fields marked above");
            return;
        }
        String bus = selectedBus.get();
        ObjectNode entry = Json.object().put("EventBusName", bus).put("Source", source.get().trim())
                .put("DetailType", detailType.get().trim()).put("Detail", detail.get());
        ArrayNode res = entry.putArray("Resources");
        for (String r : resources.get().split("[\\n,]")) if (!r.isBlank()) res.add(r.trim());
        ObjectNode input = Json.object();
        input.putArray("Entries").add(entry);
        tasks.run(() -> put(bus, input)).onSuccess(p -> {
            putResult.set(p.answer());
            builtEvent.set(p.event());
            matches.setAll(p.matches());
        }).onFailure(e -> {
            putResult.set(ServiceErrors.message(e));
            builtEvent.set("");
            matches.clear();
        });
    }

    private Put put(String bus, ObjectNode input) {
        EventBridgeService s = service();
        List<RuleRow> ruleRows = rulesOf(s, bus);
        JsonNode result = s.putEventsReporting(input).path("Entries").path(0);
        if (result.hasNonNull("ErrorCode")) {
            return new Put("Not put: " + result.get("ErrorCode").asText() + ": " + result.path("ErrorMessage").asText(),
                    "", List.of());
        }
        JsonNode event = result.get("Event");
        Set<String> delivered = new HashSet<>();
        for (JsonNode arn : result.path("MatchedRules")) delivered.add(arn.asText());
        List<RuleMatch> out = new ArrayList<>();
        for (RuleRow r : ruleRows) {
            if (delivered.contains(r.arn())) {
                out.add(new RuleMatch(r.name(), r.state(), "Matched: delivered to " + r.targets(), true));
            } else if (r.schedule()) {
                out.add(new RuleMatch(r.name(), r.state(), "Schedule rule: events do not match it", false));
            } else if (!"DISABLED".equals(r.state())) {
                out.add(new RuleMatch(r.name(), r.state(), "Not matched", false));
            } else {
                boolean would = s.testEventPattern(Json.object().put("EventPattern", r.patternOrSchedule())
                        .put("Event", event.toString())).path("Result").asBoolean();
                out.add(new RuleMatch(r.name(), r.state(), would ? "Matches, but the rule is disabled: not delivered"
                        : "Not matched (rule disabled)", false));
            }
        }
        long n = out.stream().filter(RuleMatch::matched).count();
        return new Put("Event id " + result.path("EventId").asText() + " · " + n + " of " + out.size()
                + (out.size() == 1 ? " rule" : " rules") + " matched", JsonText.pretty(event), out);
    }
}
