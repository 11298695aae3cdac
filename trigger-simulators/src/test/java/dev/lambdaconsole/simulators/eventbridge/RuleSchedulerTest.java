package dev.lambdaconsole.simulators.eventbridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler on a clock the test sets: on time, once, no drift, and none of that lost across a restart. */
class RuleSchedulerTest {
    @TempDir Path state;

    static final class TestClock extends Clock {
        Instant now;

        TestClock(String at) { now = Instant.parse(at); }

        void set(String at) { now = Instant.parse(at); }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }

    static Rule rule(String name, String schedule, String since, String state) {
        return new Rule(name, "default", "arn:aws:events:us-east-1:123456789012:rule/" + name, null, schedule, state,
                null, null, Instant.parse(since).toEpochMilli(), List.of());
    }

    final List<String> fired = new ArrayList<>();

    RuleScheduler scheduler(TestClock clock, List<Rule> rules) {
        return new RuleScheduler(clock, state, () -> rules, (r, at) -> fired.add(r.name() + "@" + at));
    }

    @Test
    void aRateFiresOnTimeOnceAndKeepsItsPlaceAcrossARestart() {
        TestClock clock = new TestClock("2026-01-01T10:00:20Z");
        List<Rule> rules = List.of(rule("every", "rate(1 minute)", "2026-01-01T10:00:20Z", "ENABLED"),
                rule("off", "rate(1 minute)", "2026-01-01T10:00:20Z", "DISABLED"));
        RuleScheduler s = scheduler(clock, rules);
        assertThat(s.tick()).isZero();
        clock.set("2026-01-01T10:00:59.999Z");
        assertThat(s.tick()).isZero();
        clock.set("2026-01-01T10:01:00Z");
        assertThat(s.tick()).isEqualTo(1);
        clock.set("2026-01-01T10:01:30Z");
        assertThat(s.tick()).isZero();
        assertThat(fired).containsExactly("every@2026-01-01T10:01:00Z");

        // serve restarts in the same minute: nothing fires twice; the next time is still on the minute
        RuleScheduler restarted = scheduler(clock, rules);
        clock.set("2026-01-01T10:01:40Z");
        assertThat(restarted.tick()).isZero();
        clock.set("2026-01-01T10:02:01Z");
        assertThat(restarted.tick()).isEqualTo(1);
        assertThat(fired).containsExactly("every@2026-01-01T10:01:00Z", "every@2026-01-01T10:02:00Z");
        assertThat(restarted.next(rules.get(0), 3)).containsExactly(Instant.parse("2026-01-01T10:03:00Z"),
                Instant.parse("2026-01-01T10:04:00Z"), Instant.parse("2026-01-01T10:05:00Z"));
    }

    @Test
    void timesMissedWhileStoppedAreSkippedNotBurst() {
        TestClock clock = new TestClock("2026-01-01T11:59:00Z");
        List<Rule> rules = List.of(rule("noon", "cron(0 12 * * ? *)", "2026-01-01T08:00:00Z", "ENABLED"),
                rule("often", "rate(5 minutes)", "2026-01-01T08:00:00Z", "ENABLED"));
        RuleScheduler s = scheduler(clock, rules);
        s.tick();
        fired.clear();
        // stopped from 11:59 until 12:30: noon and 12:00-12:25 were missed; nothing fires for them
        clock.set("2026-01-01T12:30:30Z");
        RuleScheduler restarted = scheduler(clock, rules);
        assertThat(restarted.tick()).isEqualTo(1);
        assertThat(fired).containsExactly("often@2026-01-01T12:30:00Z");
        clock.set("2026-01-02T12:00:00Z");
        restarted.tick();
        // a day later both are due again: each fires once, for its latest time (the rate's 23 h of misses skipped)
        assertThat(fired).containsExactly("often@2026-01-01T12:30:00Z", "noon@2026-01-02T12:00:00Z",
                "often@2026-01-02T12:00:00Z");
    }

    @Test
    void aChangedScheduleStartsAfresh() {
        TestClock clock = new TestClock("2026-01-01T10:00:00Z");
        List<Rule> rules = new ArrayList<>(List.of(rule("r", "rate(10 minutes)", "2026-01-01T10:00:00Z", "ENABLED")));
        RuleScheduler s = scheduler(clock, rules);
        clock.set("2026-01-01T10:10:00Z");
        assertThat(s.tick()).isEqualTo(1);
        rules.set(0, rule("r", "rate(2 minutes)", "2026-01-01T10:11:00Z", "ENABLED"));
        clock.set("2026-01-01T10:12:00Z");
        assertThat(s.tick()).isZero();
        clock.set("2026-01-01T10:13:00Z");
        assertThat(s.tick()).isEqualTo(1);
        assertThat(fired).containsExactly("r@2026-01-01T10:10:00Z", "r@2026-01-01T10:13:00Z");
    }
}
