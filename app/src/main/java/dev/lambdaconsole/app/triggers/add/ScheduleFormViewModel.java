package dev.lambdaconsole.app.triggers.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import dev.lambdaconsole.simulators.eventbridge.ScheduleExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A schedule trigger: an EventBridge rule on the default bus with a ScheduleExpression and the function as its
 * target. The expression is checked as it is typed with the parser the rule's scheduler uses, and its next five
 * fire times are shown in the chosen time zone. EventBridge rules read cron() in UTC (only EventBridge Scheduler
 * takes a time zone, and at() is Scheduler's too), so the zone changes how the times are shown, not when they are.
 */
public final class ScheduleFormViewModel {
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z", java.util.Locale.ENGLISH);
    private final String function;
    private final String functionArn;
    private final Supplier<Optional<EventBridgeService>> events;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Debouncer preview;
    private final StringProperty ruleName = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty expression = new SimpleStringProperty("");
    private final StringProperty zone = new SimpleStringProperty("UTC");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper ruleNameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper descriptionError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper expressionError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper zoneNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<String>> nextTimes = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final Set<String> existingRules = new HashSet<>();
    private boolean expressionOk;

    public ScheduleFormViewModel(String function, String functionArn, Supplier<Optional<EventBridgeService>> events,
                                 TaskRunner tasks, Clock clock, Duration typingPause) {
        this.function = function;
        this.functionArn = functionArn;
        this.events = events;
        this.tasks = tasks;
        this.clock = clock;
        this.preview = new Debouncer(tasks, typingPause);
        ruleName.addListener((o, was, now) -> check());
        description.addListener((o, was, now) -> check());
        expression.addListener((o, was, now) -> schedulePreview());
        zone.addListener((o, was, now) -> schedulePreview());
        check();
        schedulePreview();
    }

    public StringProperty ruleNameProperty() { return ruleName; }
    public StringProperty descriptionProperty() { return description; }
    /** rate(value unit) or cron(minutes hours day-of-month month day-of-week year). */
    public StringProperty expressionProperty() { return expression; }
    /** The zone the fire times are shown in (a ZoneId, "UTC" by default). */
    public StringProperty zoneProperty() { return zone; }
    public BooleanProperty enabledProperty() { return enabled; }
    public ReadOnlyStringProperty ruleNameError() { return ruleNameError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty descriptionError() { return descriptionError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty expressionError() { return expressionError.getReadOnlyProperty(); }
    /** How the zone relates to the rule (cron() is read in UTC), or "" when it needs no word. */
    public ReadOnlyStringProperty zoneNote() { return zoneNote.getReadOnlyProperty(); }
    /** The next five fire times, formatted in the chosen zone; empty while the expression is not valid. */
    public ReadOnlyObjectProperty<List<String>> nextTimes() { return nextTimes.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    /** Every time zone id, UTC first, then alphabetically. */
    public static List<String> zones() {
        List<String> ids = new ArrayList<>(ZoneId.getAvailableZoneIds());
        ids.removeIf(id -> id.equals("UTC"));
        ids.sort(String::compareTo);
        ids.add(0, "UTC");
        return ids;
    }

    /** Reads the default bus's rule names (a new rule must not take one). */
    public void load() {
        tasks.run(() -> {
            EventBridgeService service = service();
            List<String> names = new ArrayList<>();
            service.call("ListRules", Json.object()).path("Rules").forEach(r -> names.add(r.path("Name").asText()));
            return names;
        }).onSuccess(names -> {
            existingRules.clear();
            existingRules.addAll(names);
            check();
        });
    }

    private EventBridgeService service() {
        return events.get().orElseThrow(() -> new IllegalStateException("The local EventBridge is not running"));
    }

    private void check() {
        String name = ruleName.get().trim();
        if (name.isEmpty()) {
            ruleNameError.set("Enter a rule name: 1 to 64 letters, digits, '.', '-' or '_'");
        } else if (existingRules.contains(name)) {
            ruleNameError.set("Rule " + name + " already exists on EventBus default: choose another name");
        } else {
            ruleNameError.set(EventBridgeService.ruleNameProblem(name).orElse(""));
        }
        descriptionError.set(description.get().length() > 512 ? "1 validation error detected: Value at 'description' "
                + "failed to satisfy constraint: Member must have length less than or equal to 512" : "");
        valid.set(ruleNameError.get().isEmpty() && descriptionError.get().isEmpty() && expressionOk);
    }

    /** What the preview shows for one expression and zone. */
    record Preview(String error, String note, List<String> times) { }

    private void schedulePreview() {
        String text = expression.get();
        String zoneId = zone.get();
        expressionOk = false;
        valid.set(false);
        preview.submit(() -> preview(text, zoneId, clock.instant()), p -> {
            expressionError.set(p.error());
            zoneNote.set(p.note());
            nextTimes.set(p.times());
            expressionOk = p.error().isEmpty();
            check();
        });
    }

    /** Checks the expression as PutRule does and computes its next five times from {@code now}. Pure. */
    static Preview preview(String text, String zoneId, Instant now) {
        ZoneId shownIn;
        try {
            shownIn = ZoneId.of(zoneId == null || zoneId.isBlank() ? "UTC" : zoneId.trim());
        } catch (RuntimeException e) {
            shownIn = ZoneOffset.UTC;
        }
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return new Preview("Enter a schedule expression: rate(5 minutes) or cron(0 12 * * ? *)", "", List.of());
        ScheduleExpression parsed;
        try {
            parsed = ScheduleExpression.parse(t);
        } catch (IllegalArgumentException e) {
            return new Preview("Parameter ScheduleExpression is not valid: " + e.getMessage(), "", List.of());
        }
        if (parsed.kind() == ScheduleExpression.Kind.AT) {
            return new Preview("Parameter ScheduleExpression is not valid: at() is a one-time schedule of EventBridge "
                    + "Scheduler; a rule takes rate() or cron()", "", List.of());
        }
        if (parsed.kind() == ScheduleExpression.Kind.RATE) parsed = parsed.anchoredAt(now);
        List<String> times = new ArrayList<>();
        for (Instant at : parsed.next(now, 5)) times.add(SHOWN.format(at.atZone(shownIn)));
        String note = parsed.kind() == ScheduleExpression.Kind.CRON && !shownIn.normalized().equals(ZoneOffset.UTC)
                ? "EventBridge rules read cron() in UTC; the times are shown in " + shownIn.getId() + "." : "";
        if (times.isEmpty()) return new Preview("This schedule has no fire time left (cron's years end in 2199)", note, times);
        return new Preview("", note, times);
    }

    /** PutRule with the schedule, then PutTargets with the function (target id: the function's name). */
    public TaskRunner.Task<String> add() {
        String name = ruleName.get().trim();
        String expr = expression.get().trim();
        String desc = description.get();
        String state = enabled.get() ? "ENABLED" : "DISABLED";
        List<String> shown = nextTimes.get();
        return tasks.run(() -> {
            EventBridgeService service = service();
            ObjectNode rule = Json.object().put("Name", name).put("ScheduleExpression", expr).put("State", state);
            if (!desc.isBlank()) rule.put("Description", desc);
            String arn = service.call("PutRule", rule).get("RuleArn").asText();
            ObjectNode targets = Json.object().put("Rule", name);
            targets.putArray("Targets").addObject().put("Id", EventBridgeRuleFormViewModel.targetId(function))
                    .put("Arn", functionArn);
            JsonNode put = service.call("PutTargets", targets);
            if (put.path("FailedEntryCount").asInt() > 0) {
                throw new IllegalStateException(put.path("FailedEntries").get(0).path("ErrorMessage").asText());
            }
            return "Rule " + name + " (" + expr + ") invokes " + function + (state.equals("ENABLED") && !shown.isEmpty()
                    ? "; next at " + shown.get(0) : state.equals("ENABLED") ? "" : "; disabled") + " — " + arn;
        });
    }

    public void close() { preview.cancel(); }
}
