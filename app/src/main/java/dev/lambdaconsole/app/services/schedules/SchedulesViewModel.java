package dev.lambdaconsole.app.services.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.ServiceErrors;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import dev.lambdaconsole.simulators.push.PushDeliveries;
import dev.lambdaconsole.simulators.push.PushDelivery;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every schedule rule of every bus: expression, time zone, state, targets, the next five fire times and the last
 * firing (from the push deliveries of source "schedule"); pause and resume (DisableRule, EnableRule) and fire now.
 */
public final class SchedulesViewModel {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * A schedule rule.
     *
     * @param timeZone   rules' rate and cron expressions are evaluated in UTC (EventBridge rules have no time zone)
     * @param lastFired  when the schedule last delivered to a function, and what became of it; "" when never
     */
    public record ScheduleRow(String name, String bus, String arn, String expression, String timeZone, String state,
                              String targets, List<Instant> nextFireTimes, String lastFired) {
        public boolean enabled() { return !"DISABLED".equals(state); }

        public String nextText() {
            return nextFireTimes.stream().map(TIME::format).collect(Collectors.joining("\n"));
        }
    }

    private final Supplier<Optional<EventBridgeService>> events;
    private final Supplier<PushDeliveries> push;
    private final TaskRunner tasks;
    private final ObservableList<ScheduleRow> schedules = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicBoolean delivered = new AtomicBoolean();

    public SchedulesViewModel(Supplier<Optional<EventBridgeService>> events, Supplier<PushDeliveries> push, TaskRunner tasks) {
        this.events = events;
        this.push = push;
        this.tasks = tasks;
    }

    public ObservableList<ScheduleRow> schedules() { return schedules; }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }

    private EventBridgeService service() {
        return events.get().orElseThrow(() -> new IllegalStateException("The local EventBridge is not running."));
    }

    public void refresh() {
        tasks.run(this::load).onSuccess(schedules::setAll).onFailure(e -> message.set(ServiceErrors.message(e)));
    }

    private List<ScheduleRow> load() {
        EventBridgeService s = service();
        PushDeliveries deliveries = push.get();
        List<ScheduleRow> out = new ArrayList<>();
        for (JsonNode bus : s.call("ListEventBuses", Json.object()).path("EventBuses")) {
            String busName = bus.path("Name").asText();
            for (JsonNode r : s.call("ListRules", Json.object().put("EventBusName", busName)).path("Rules")) {
                if (!r.hasNonNull("ScheduleExpression")) continue;
                String name = r.path("Name").asText();
                String arn = r.path("Arn").asText();
                List<String> targets = new ArrayList<>();
                for (JsonNode t : s.call("ListTargetsByRule", Json.object().put("Rule", name).put("EventBusName", busName))
                        .path("Targets")) {
                    targets.add(t.path("Arn").asText());
                }
                out.add(new ScheduleRow(name, busName, arn, r.get("ScheduleExpression").asText(), "UTC",
                        r.path("State").asText(), targets.isEmpty() ? "(no targets)" : String.join(", ", targets),
                        s.nextFireTimes(arn, 5), lastFired(deliveries, arn)));
            }
        }
        return out;
    }

    private static String lastFired(PushDeliveries deliveries, String arn) {
        if (deliveries == null) return "";
        List<PushDelivery> fired = deliveries.recent(d -> "schedule".equals(d.source()) && arn.equals(d.sourceArn()));
        if (fired.isEmpty()) return "";
        PushDelivery last = fired.get(fired.size() - 1);
        return TIME.format(Instant.ofEpochMilli(last.timeEpochMs())) + " → " + last.functionName() + " ("
                + last.status() + ")";
    }

    /** Pauses (DisableRule) or resumes (EnableRule) a schedule; the scheduler skips a disabled rule. */
    public void setEnabled(ScheduleRow row, boolean enabled) {
        tasks.run(() -> {
            service().call(enabled ? "EnableRule" : "DisableRule", Json.object().put("Name", row.name())
                    .put("EventBusName", row.bus()));
            return load();
        }).onSuccess(rows -> {
            schedules.setAll(rows);
            message.set((enabled ? "Resumed " : "Paused ") + row.name());
        }).onFailure(e -> message.set(ServiceErrors.message(e)));
    }

    /** Delivers the Scheduled Event to the rule's targets now; the next regular time stays. */
    public void fireNow(ScheduleRow row) {
        tasks.run(() -> {
            Instant at = service().fireNow(row.arn());
            return TIME.format(at);
        }).onSuccess(at -> {
            message.set("Fired " + row.name() + " at " + at);
            refresh();
        }).onFailure(e -> message.set(ServiceErrors.message(e)));
    }

    /**
     * Watches the schedules' push deliveries (the listener only sets a flag); {@link #drain()} refreshes at most once
     * per call when one arrived. Close the handle to stop.
     */
    public AutoCloseable watch() {
        PushDeliveries deliveries = push.get();
        if (deliveries == null) return () -> { };
        return deliveries.subscribe(d -> {
            if ("schedule".equals(d.source())) delivered.set(true);
        });
    }

    /** Refreshes when a schedule delivered since the last call (the View calls it on a timer). */
    public void drain() {
        if (delivered.getAndSet(false)) refresh();
    }
}
