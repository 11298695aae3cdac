package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.protocol.AwsJsonEndpoint;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.patterns.Dialect;
import dev.lambdaconsole.simulators.patterns.EventPattern;
import dev.lambdaconsole.simulators.push.PushDeliveries;
import dev.lambdaconsole.simulators.sqs.SqsAccess;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The local EventBridge ({@code AWSEvents}, JSON 1.1), free of HTTP: event buses, rules with event patterns or
 * schedules, their targets (functions and queues, with Input, InputPath or InputTransformer), PutEvents and
 * TestEventPattern. Buses, rules and targets are kept in {@code <state>/events/rules.json}; enabled schedule rules
 * fire from a {@link RuleScheduler}.
 */
public final class EventBridgeService implements AutoCloseable {
    /**
     * The envelope fields TestEventPattern requires of its event. The API reference lists {@code resources} too,
     * but EventBridge accepts events without it (observed), so it is not required here.
     */
    static final List<String> REQUIRED_EVENT_FIELDS =
            List.of("id", "account", "source", "time", "region", "detail-type");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    static final String DEFAULT_BUS = "default";

    private final String region;
    private final String accountId;
    private final Clock clock;
    private final EventBridgeStore store;
    private final Map<String, EventBus> buses = new LinkedHashMap<>();
    /** By bus name + "/" + rule name, in creation order. */
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Map<String, EventPattern> compiled = new java.util.concurrent.ConcurrentHashMap<>();
    private final TargetDelivery delivery;
    private final RuleScheduler scheduler;
    private final EventBridgeRules ruleOperations;

    /**
     * @param push deliveries to functions (may be null where nothing is delivered, e.g. TestEventPattern alone)
     * @param sqs  the local SQS, when it runs
     */
    public EventBridgeService(Path stateDir, String region, String accountId, PushDeliveries push,
                              Supplier<Optional<SqsAccess>> sqs, Clock clock) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.store = new EventBridgeStore(stateDir);
        EventBridgeStore.State state = store.load();
        long now = clock.millis();
        buses.put(DEFAULT_BUS, new EventBus(DEFAULT_BUS, busArn(DEFAULT_BUS), null, now, now));
        for (EventBus b : state.buses()) buses.put(b.name(), b);
        for (Rule r : state.rules()) rules.put(r.eventBusName() + "/" + r.name(), r);
        this.delivery = new TargetDelivery(push, sqs);
        this.scheduler = new RuleScheduler(clock, stateDir, this::scheduleRules, this::fired);
        this.ruleOperations = new EventBridgeRules(this);
    }

    /** Starts firing schedule rules. */
    public EventBridgeService start() {
        scheduler.start();
        return this;
    }

    String region() { return region; }

    String accountId() { return accountId; }

    Clock clock() { return clock; }

    Map<String, Rule> rules() { return rules; }

    Map<String, EventBus> buses() { return buses; }

    RuleScheduler scheduler() { return scheduler; }

    void save() { store.save(buses.values().stream().filter(b -> !b.name().equals(DEFAULT_BUS)).toList(), rules.values()); }

    String busArn(String name) { return "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + name; }

    /** A bus named by name or ARN; the default bus when absent. */
    String busName(JsonNode input) {
        String raw = input.path("EventBusName").asText(null);
        if (raw == null || raw.isEmpty()) return DEFAULT_BUS;
        int slash = raw.indexOf(":event-bus/");
        return raw.startsWith("arn:") && slash > 0 ? raw.substring(slash + ":event-bus/".length()) : raw;
    }

    EventBus bus(String name) {
        EventBus b = buses.get(name);
        if (b == null) throw AwsServiceException.notFound("Event bus " + name + " does not exist.");
        return b;
    }

    // --- TestEventPattern

    /** {@code {EventPattern, Event}} to {@code {Result}}. */
    public JsonNode testEventPattern(JsonNode input) {
        String pattern = requiredString(input, "EventPattern", "eventPattern");
        String eventText = requiredString(input, "Event", "event");
        JsonNode event = event(eventText);
        boolean result = EventPattern.parse(pattern, Dialect.EVENTBRIDGE).matches(event);
        ObjectNode out = Json.object();
        out.put("Result", result);
        return out;
    }

    private static JsonNode event(String text) {
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalidEvent();
        }
        if (event == null || !event.isObject()) throw invalidEvent();
        for (String field : REQUIRED_EVENT_FIELDS) {
            if (event.get(field) == null) throw invalidEvent();
        }
        return event;
    }

    /** What AWS answers for an event that is not JSON, not an object or lacks an envelope field. */
    private static AwsServiceException invalidEvent() {
        return AwsServiceException.badRequest("ValidationException", "Parameter Event is not valid.");
    }

    static String requiredString(JsonNode input, String member, String wireName) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            throw AwsServiceException.badRequest("ValidationException", "1 validation error detected: Value null at '"
                    + wireName + "' failed to satisfy constraint: Member must not be null");
        }
        if (!value.isTextual()) {
            throw AwsServiceException.badRequest("SerializationException", member + " must be a string (got "
                    + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return value.textValue();
    }

    // --- event buses

    synchronized JsonNode createEventBus(JsonNode input) {
        String name = requiredString(input, "Name", "name");
        if (!name.matches("[/\\.\\-_A-Za-z0-9]{1,256}") || name.startsWith("aws.")) {
            throw AwsServiceException.badRequest("ValidationException", "1 validation error detected: Value '" + name
                    + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[/\\.\\-_A-Za-z0-9]+");
        }
        if (input.hasNonNull("EventSourceName")) {
            throw AwsServiceException.badRequest("ValidationException",
                    "Partner event sources do not exist locally (EventSourceName " + input.get("EventSourceName").asText() + ").");
        }
        if (buses.containsKey(name)) {
            throw AwsServiceException.badRequest("ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
        }
        long now = clock.millis();
        String description = input.path("Description").asText(null);
        buses.put(name, new EventBus(name, busArn(name), description, now, now));
        save();
        ObjectNode out = Json.object().put("EventBusArn", busArn(name));
        if (description != null) out.put("Description", description);
        return out;
    }

    synchronized JsonNode deleteEventBus(JsonNode input) {
        String name = requiredString(input, "Name", "name");
        if (name.equals(DEFAULT_BUS)) {
            throw AwsServiceException.badRequest("ValidationException", "Cannot delete event bus default.");
        }
        if (buses.remove(name) != null) {
            rules.values().removeIf(r -> {
                boolean gone = r.eventBusName().equals(name);
                if (gone) scheduler.forget(r.arn());
                return gone;
            });
            save();
        }
        return Json.object();
    }

    synchronized JsonNode describeEventBus(JsonNode input) {
        JsonNode named = input.hasNonNull("Name") ? Json.object().put("EventBusName", input.get("Name").asText()) : input;
        return busJson(bus(busName(named)));
    }

    synchronized JsonNode listEventBuses(JsonNode input) {
        String prefix = input.path("NamePrefix").asText("");
        List<String> names = buses.keySet().stream().filter(n -> n.startsWith(prefix)).toList();
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("EventBuses");
        Paging.page(names, input, out, name -> list.add(busJson(buses.get(name))));
        return out;
    }

    private ObjectNode busJson(EventBus b) {
        ObjectNode o = Json.object().put("Name", b.name()).put("Arn", b.arn());
        if (b.description() != null) o.put("Description", b.description());
        o.put("CreationTime", b.created() / 1000.0).put("LastModifiedTime", b.modified() / 1000.0);
        return o;
    }

    // --- rules, targets and events (EventBridgeRules), schedules

    private List<Rule> scheduleRules() {
        synchronized (this) {
            return new ArrayList<>(rules.values());
        }
    }

    /** The scheduled-event envelope, delivered to the rule's targets. */
    private void fired(Rule rule, Instant at) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", java.util.UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", accountId);
        event.put("time", TIME.format(at));
        event.put("region", region);
        event.putArray("resources").add(rule.arn());
        event.putObject("detail");
        delivery.deliver(rule, event, "schedule", at);
    }

    /** Delivers an event put on a bus to each enabled rule of the bus whose pattern matches it; returns those rules. */
    List<Rule> route(String busName, ObjectNode event, Instant ingested) {
        List<Rule> matched = new ArrayList<>();
        synchronized (this) {
            for (Rule r : rules.values()) {
                if (!r.eventBusName().equals(busName) || !r.enabled() || r.eventPattern() == null) continue;
                if (pattern(r.eventPattern()).matches(event)) matched.add(r);
            }
        }
        for (Rule r : matched) delivery.deliver(r, event, "events", ingested);
        return matched;
    }

    EventPattern pattern(String text) {
        return compiled.computeIfAbsent(text, t -> EventPattern.parse(t, Dialect.EVENTBRIDGE));
    }

    /** Fires the schedule rules due now (the scheduler's tick; for tests with a clock of their own). */
    int fireDueSchedules() { return scheduler.tick(); }

    /** The next {@code n} fire times of a schedule rule from now, for the console; empty for a pattern rule. */
    public synchronized List<Instant> nextFireTimes(String ruleArn, int n) {
        for (Rule r : rules.values()) {
            if (r.arn().equals(ruleArn) && r.scheduleExpression() != null) return scheduler.next(r, n);
        }
        return List.of();
    }

    /** The rules' ARNs, in creation order (for the console). */
    /** PutEvents in process (asynchronous invocation destinations, the console): the same entries and results. */
    public JsonNode putEvents(JsonNode input) { return new PutEvents(this).putEvents(input); }

    public synchronized List<String> ruleArns() { return rules.values().stream().map(Rule::arn).toList(); }

    /** The service on the shared endpoint: {@code X-Amz-Target: AWSEvents.<Operation>}, signing name "events". */
    public AwsJsonEndpoint endpoint() {
        EventBridgeRules r = ruleOperations;
        return AwsJsonEndpoint.builder("events", "AWSEvents", "1.1")
                .operation("TestEventPattern", this::testEventPattern)
                .operation("CreateEventBus", this::createEventBus)
                .operation("DeleteEventBus", this::deleteEventBus)
                .operation("DescribeEventBus", this::describeEventBus)
                .operation("ListEventBuses", this::listEventBuses)
                .operation("PutRule", r::putRule)
                .operation("DescribeRule", r::describeRule)
                .operation("ListRules", r::listRules)
                .operation("EnableRule", in -> r.setState(in, Rule.ENABLED))
                .operation("DisableRule", in -> r.setState(in, Rule.DISABLED))
                .operation("DeleteRule", r::deleteRule)
                .operation("PutTargets", r::putTargets)
                .operation("ListTargetsByRule", r::listTargetsByRule)
                .operation("RemoveTargets", r::removeTargets)
                .operation("ListRuleNamesByTarget", r::listRuleNamesByTarget)
                .operation("PutEvents", new PutEvents(this)::putEvents)
                .build();
    }

    @Override
    public void close() {
        scheduler.close();
        delivery.close();
    }

    // --- in process, for the console

    /**
     * An operation of the service by its API name (e.g. "ListEventBuses", "PutRule", "DisableRule"), with the
     * request and answer as the JSON 1.1 protocol has them and the same validation and errors.
     */
    public JsonNode call(String operation, JsonNode input) {
        EventBridgeRules r = ruleOperations;
        return switch (operation) {
            case "TestEventPattern" -> testEventPattern(input);
            case "CreateEventBus" -> createEventBus(input);
            case "DeleteEventBus" -> deleteEventBus(input);
            case "DescribeEventBus" -> describeEventBus(input);
            case "ListEventBuses" -> listEventBuses(input);
            case "PutRule" -> r.putRule(input);
            case "DescribeRule" -> r.describeRule(input);
            case "ListRules" -> r.listRules(input);
            case "EnableRule" -> r.setState(input, Rule.ENABLED);
            case "DisableRule" -> r.setState(input, Rule.DISABLED);
            case "DeleteRule" -> r.deleteRule(input);
            case "PutTargets" -> r.putTargets(input);
            case "ListTargetsByRule" -> r.listTargetsByRule(input);
            case "RemoveTargets" -> r.removeTargets(input);
            case "ListRuleNamesByTarget" -> r.listRuleNamesByTarget(input);
            case "PutEvents" -> putEvents(input);
            default -> throw AwsServiceException.badRequest("UnknownOperationException", "Unknown operation " + operation);
        };
    }

    /** What PutRule answers for this rule name, or empty when the name is valid. */
    public static Optional<String> ruleNameProblem(String name) {
        try {
            EventBridgeRules.name(Json.object().put("Name", name), "Name", "name");
            return Optional.empty();
        } catch (AwsServiceException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * PutEvents that also reports, per accepted entry, the event as EventBridge built it ({@code Event}: id, time,
     * account, region added) and the ARNs of the rules it was delivered to ({@code MatchedRules}).
     */
    public JsonNode putEventsReporting(JsonNode input) { return new PutEvents(this, true).putEvents(input); }

    /**
     * Delivers a schedule rule's Scheduled Event to its targets now, as the scheduler does at a due time (the same
     * envelope and delivery, source "schedule"), whatever the rule's state. The scheduler's record of the last time
     * fired is left alone, so the next regular time stays where it was.
     *
     * @return the time the event carries
     */
    public Instant fireNow(String ruleArn) {
        Rule rule;
        synchronized (this) {
            rule = rules.values().stream().filter(r -> r.arn().equals(ruleArn)).findFirst()
                    .orElseThrow(() -> AwsServiceException.notFound("Rule " + ruleArn + " does not exist."));
        }
        if (rule.scheduleExpression() == null) {
            throw AwsServiceException.badRequest("ValidationException", "Rule " + rule.name()
                    + " has no ScheduleExpression: only a schedule rule can fire.");
        }
        Instant at = clock.instant();
        fired(rule, at);
        return at;
    }

    // ---- for the console (in process) ----

    /** A rule with its targets (each as PutTargets gave it: Id, Arn, Input, …). */
    public record RuleView(String name, String eventBusName, String arn, String eventPattern, String scheduleExpression,
                           String state, List<JsonNode> targets) {
        public boolean enabled() { return !Rule.DISABLED.equals(state); }
    }

    /** Every rule of every bus, in creation order. */
    public synchronized List<RuleView> ruleViews() {
        return rules.values().stream().map(r -> new RuleView(r.name(), r.eventBusName(), r.arn(), r.eventPattern(),
                r.scheduleExpression(), r.state(), r.targets().stream().map(t -> (JsonNode) t.deepCopy()).toList()))
                .toList();
    }

    /** EnableRule / DisableRule, with the API's checks and errors. */
    public JsonNode setRuleEnabled(String eventBusName, String ruleName, boolean enabled) {
        com.fasterxml.jackson.databind.node.ObjectNode in = dev.lambdaconsole.runtime.util.Json.object()
                .put("Name", ruleName).put("EventBusName", eventBusName);
        return ruleOperations.setState(in, enabled ? Rule.ENABLED : Rule.DISABLED);
    }

    /** RemoveTargets: the rule stays. Returns the API's answer (FailedEntryCount, FailedEntries). */
    public JsonNode removeTargets(String eventBusName, String ruleName, List<String> targetIds) {
        com.fasterxml.jackson.databind.node.ObjectNode in = dev.lambdaconsole.runtime.util.Json.object()
                .put("Rule", ruleName).put("EventBusName", eventBusName);
        targetIds.forEach(in.putArray("Ids")::add);
        return ruleOperations.removeTargets(in);
    }
}
