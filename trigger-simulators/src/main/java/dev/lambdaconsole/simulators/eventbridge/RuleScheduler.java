package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Fires the enabled schedule rules at their times. Each rule's last fire time is written (atomically, to
 * {@code <state>/events/schedules.json}) before its event is delivered, so a restart neither fires a time twice nor
 * shifts the schedule: the next time is always computed from the expression (and a rate from when it was set),
 * never from when the previous firing happened to run. Times missed while nothing ran (more than {@link #GRACE}
 * ago) are skipped, not fired in a burst.
 */
final class RuleScheduler implements AutoCloseable {
    static final String FILE = "events/schedules.json";
    static final Duration GRACE = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(RuleScheduler.class.getName());

    /** The last time fired, per rule ARN and the expression it fired for. */
    record Fired(String expression, long epochMs) { }

    private final Clock clock;
    private final Path file;
    private final Supplier<List<Rule>> rules;
    private final BiConsumer<Rule, Instant> fire;
    private final Map<String, Fired> fired = new HashMap<>();
    private ScheduledExecutorService ticker;

    RuleScheduler(Clock clock, Path stateDir, Supplier<List<Rule>> rules, BiConsumer<Rule, Instant> fire) {
        this.clock = clock;
        this.file = stateDir.resolve(FILE);
        this.rules = rules;
        this.fire = fire;
        if (Files.exists(file)) {
            try {
                fired.putAll(Json.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Fired>>() { }));
            } catch (IOException e) {
                LOG.warning("Cannot read " + file + " (schedules start afresh): " + e.getMessage());
            }
        }
    }

    /** Ticks every second on a daemon thread. */
    void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "events-scheduler");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.warning("EventBridge scheduler: " + e);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    /** Fires every rule due at the clock's now; returns how many fired. */
    synchronized int tick() {
        Instant now = clock.instant();
        int count = 0;
        boolean changed = false;
        for (Rule rule : rules.get()) {
            if (!rule.enabled() || rule.scheduleExpression() == null) continue;
            Optional<Instant> due = due(rule, now);
            if (due.isEmpty()) continue;
            Instant at = due.get();
            Instant latest = at;
            ScheduleExpression expression = expression(rule);
            for (Optional<Instant> n = expression.nextAfter(at); n.isPresent() && !n.get().isAfter(now);
                 n = expression.nextAfter(n.get())) {
                latest = n.get();
            }
            fired.put(rule.arn(), new Fired(rule.scheduleExpression(), latest.toEpochMilli()));
            changed = true;
            if (Duration.between(latest, now).compareTo(GRACE) > 0) {
                LOG.info("EventBridge: " + rule.arn() + " missed " + latest + " while stopped; its next time is "
                        + expression.nextAfter(latest).orElse(null));
                continue;
            }
            save();
            changed = false;
            fire.accept(rule, latest);
            count++;
        }
        if (changed) save();
        return count;
    }

    /** The first time of {@code rule} not yet fired, if it is at or before {@code now}. */
    private Optional<Instant> due(Rule rule, Instant now) {
        Fired last = fired.get(rule.arn());
        Instant after = last != null && last.expression().equals(rule.scheduleExpression())
                ? Instant.ofEpochMilli(last.epochMs()) : Instant.ofEpochMilli(rule.scheduledSince());
        Optional<Instant> next = expression(rule).nextAfter(after);
        return next.filter(t -> !t.isAfter(now));
    }

    /** The next {@code n} times of a rule, from now (for the console). */
    List<Instant> next(Rule rule, int n) {
        return expression(rule).next(clock.instant(), n);
    }

    static ScheduleExpression expression(Rule rule) {
        return ScheduleExpression.parse(rule.scheduleExpression()).anchoredAt(Instant.ofEpochMilli(rule.scheduledSince()));
    }

    /** Forgets a deleted rule. */
    synchronized void forget(String ruleArn) {
        if (fired.remove(ruleArn) != null) save();
    }

    private void save() {
        try {
            AtomicFiles.write(file, Json.bytes(fired));
        } catch (IOException e) {
            LOG.warning("Cannot store the schedules' last fire times in " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (ticker != null) ticker.shutdownNow();
    }
}
