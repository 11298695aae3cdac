package dev.lambdaconsole.app.triggers.add;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import dev.lambdaconsole.simulators.patterns.Dialect;
import dev.lambdaconsole.simulators.patterns.EventPattern;
import dev.lambdaconsole.simulators.patterns.InvalidPatternException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An EventBridge (CloudWatch Events) trigger: a new rule with an event pattern on the default or a custom bus, or
 * an existing rule of a bus, with the function added as a target. The pattern is checked as it is typed with the
 * pattern engine the bus matches with (EventBridge dialect); a JSON syntax error says where it is.
 */
public final class EventBridgeRuleFormViewModel {
    public enum Mode { NEW, EXISTING }

    /** A syntax or rule problem of the pattern; line and column are 1-based, 0 when the JSON itself is fine. */
    public record PatternProblem(String message, int line, int column) { }

    private final String function;
    private final String functionArn;
    private final Supplier<Optional<EventBridgeService>> events;
    private final TaskRunner tasks;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.NEW);
    private final StringProperty bus = new SimpleStringProperty("default");
    private final StringProperty ruleName = new SimpleStringProperty("");
    private final StringProperty existingRule = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty pattern = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<List<String>> buses = new ReadOnlyObjectWrapper<>(List.of("default"));
    private final ReadOnlyObjectWrapper<List<String>> rulesOfBus = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper ruleNameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper existingRuleError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper descriptionError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper patternError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PatternProblem> patternProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    /** Rule names per bus, as last listed. */
    private final Map<String, List<String>> rules = new LinkedHashMap<>();

    public EventBridgeRuleFormViewModel(String function, String functionArn,
                                        Supplier<Optional<EventBridgeService>> events, TaskRunner tasks) {
        this.function = function;
        this.functionArn = functionArn;
        this.events = events;
        this.tasks = tasks;
        for (StringProperty p : List.of(ruleName, existingRule, description, pattern)) p.addListener((o, was, now) -> check());
        mode.addListener((o, was, now) -> check());
        bus.addListener((o, was, now) -> {
            rulesOfBus.set(rules.getOrDefault(now, List.of()));
            check();
        });
        check();
    }

    public ObjectProperty<Mode> modeProperty() { return mode; }
    /** The bus's name: "default" or a custom bus. */
    public StringProperty busProperty() { return bus; }
    public StringProperty ruleNameProperty() { return ruleName; }
    /** The existing rule picked (mode EXISTING). */
    public StringProperty existingRuleProperty() { return existingRule; }
    public StringProperty descriptionProperty() { return description; }
    /** The event pattern, JSON. */
    public StringProperty patternProperty() { return pattern; }
    public BooleanProperty enabledProperty() { return enabled; }
    public ReadOnlyObjectProperty<List<String>> buses() { return buses.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<String>> rulesOfBus() { return rulesOfBus.getReadOnlyProperty(); }
    public ReadOnlyStringProperty ruleNameError() { return ruleNameError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty existingRuleError() { return existingRuleError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty descriptionError() { return descriptionError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty patternError() { return patternError.getReadOnlyProperty(); }
    /** The pattern's problem with its position (null while it is valid). */
    public ReadOnlyObjectProperty<PatternProblem> patternProblem() { return patternProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty loadError() { return loadError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    /** The target id the Lambda console gives the function: its name (1-64 of [.-_A-Za-z0-9], as function names are). */
    static String targetId(String function) {
        return function.length() > 64 ? function.substring(0, 64) : function;
    }

    private EventBridgeService service() {
        return events.get().orElseThrow(() -> new IllegalStateException("The local EventBridge is not running"));
    }

    /** Lists the buses and each bus's rules. */
    public void load() {
        tasks.run(() -> {
            EventBridgeService service = service();
            Map<String, List<String>> byBus = new LinkedHashMap<>();
            for (JsonNode b : service.call("ListEventBuses", Json.object()).path("EventBuses")) {
                String name = b.path("Name").asText();
                List<String> names = new ArrayList<>();
                service.call("ListRules", Json.object().put("EventBusName", name)).path("Rules")
                        .forEach(r -> names.add(r.path("Name").asText()));
                byBus.put(name, names);
            }
            return byBus;
        }).onSuccess(byBus -> {
            rules.clear();
            rules.putAll(byBus);
            buses.set(List.copyOf(byBus.keySet()));
            rulesOfBus.set(rules.getOrDefault(bus.get(), List.of()));
            loadError.set("");
            check();
        }).onFailure(e -> loadError.set("Cannot list the event buses: " + e.getMessage()));
    }

    /** Checks a pattern with the EventBridge dialect: null when valid. */
    static PatternProblem checkPattern(String text) {
        if (text == null || text.isBlank()) {
            return new PatternProblem("Enter an event pattern, e.g. {\"source\": [\"com.example.orders\"]}", 0, 0);
        }
        try {
            Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            String reason = e.getOriginalMessage().replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)]",
                    "line $1, column $2");
            return new PatternProblem("Event pattern is not valid. Reason: " + reason
                    + (line > 0 ? " (line " + line + ", column " + column + ")" : ""), line, column);
        }
        try {
            EventPattern.parse(text, Dialect.EVENTBRIDGE);
            return null;
        } catch (InvalidPatternException e) {
            return new PatternProblem(e.getMessage(), 0, 0);
        }
    }

    private void check() {
        boolean creating = mode.get() == Mode.NEW;
        String name = ruleName.get().trim();
        List<String> known = rules.getOrDefault(bus.get(), List.of());
        if (!creating) {
            ruleNameError.set("");
        } else if (name.isEmpty()) {
            ruleNameError.set("Enter a rule name: 1 to 64 letters, digits, '.', '-' or '_'");
        } else if (known.contains(name)) {
            ruleNameError.set("Rule " + name + " already exists on EventBus " + bus.get()
                    + ": pick it under Existing rule to add the function to it");
        } else {
            ruleNameError.set(EventBridgeService.ruleNameProblem(name).orElse(""));
        }
        existingRuleError.set(creating || known.contains(existingRule.get()) ? ""
                : known.isEmpty() ? "EventBus " + bus.get() + " has no rules yet: create one" : "Choose a rule of EventBus " + bus.get());
        descriptionError.set(creating && description.get().length() > 512 ? "1 validation error detected: Value at "
                + "'description' failed to satisfy constraint: Member must have length less than or equal to 512" : "");
        PatternProblem problem = creating ? checkPattern(pattern.get()) : null;
        patternProblem.set(problem);
        patternError.set(problem == null ? "" : problem.message());
        valid.set(ruleNameError.get().isEmpty() && existingRuleError.get().isEmpty() && descriptionError.get().isEmpty()
                && problem == null);
    }

    /** New rule: PutRule with the pattern, then PutTargets; existing rule: PutTargets. */
    public TaskRunner.Task<String> add() {
        boolean creating = mode.get() == Mode.NEW;
        String busName = bus.get();
        String name = creating ? ruleName.get().trim() : existingRule.get();
        String text = pattern.get();
        String desc = description.get();
        String state = enabled.get() ? "ENABLED" : "DISABLED";
        return tasks.run(() -> {
            EventBridgeService service = service();
            if (creating) {
                ObjectNode rule = Json.object().put("Name", name).put("EventBusName", busName).put("EventPattern", text)
                        .put("State", state);
                if (!desc.isBlank()) rule.put("Description", desc);
                service.call("PutRule", rule);
            }
            ObjectNode targets = Json.object().put("Rule", name).put("EventBusName", busName);
            targets.putArray("Targets").addObject().put("Id", targetId(function)).put("Arn", functionArn);
            JsonNode put = service.call("PutTargets", targets);
            if (put.path("FailedEntryCount").asInt() > 0) {
                throw new IllegalStateException(put.path("FailedEntries").get(0).path("ErrorMessage").asText());
            }
            return "Rule " + name + " on EventBus " + busName + " sends matching events to " + function;
        });
    }
}
