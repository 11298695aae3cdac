package dev.lambdaconsole.runtime.metrics;

import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.logs.SqliteLogStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The metrics over a real log store file: what GetMetricStatistics and the Monitor charts read. */
class LambdaMetricsTest {
    static final long T0 = Instant.parse("2026-12-04T10:00:00Z").toEpochMilli();
    static final Instant FROM = Instant.ofEpochMilli(T0);
    static final Instant TO = FROM.plus(Duration.ofHours(1));
    static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir Path dir;

    static InvocationRecord record(String function, long startMs, double durationMs, String status, String qualifier,
                                   String version, String type) {
        return new InvocationRecord("r-" + startMs + "-" + Math.random(), function, "stream", startMs, durationMs,
                (long) Math.ceil(durationMs), 128, 40, null, status, status.equals("SUCCESS") ? null : "Unhandled",
                type, qualifier, version, "x86_64", 512, false, null, null, null, null);
    }

    static InvocationRecord ok(String function, long startMs, double durationMs) {
        return record(function, startMs, durationMs, "SUCCESS", null, "$LATEST", "RequestResponse");
    }

    static double sum(List<Datapoint> points) {
        return points.stream().mapToDouble(Datapoint::sum).sum();
    }

    @Test
    void countsErrorsAndDurationsPerMinuteAndFunction() {
        try (SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"));
             LambdaMetrics metrics = LambdaMetrics.attach(store, f -> false)) {
            for (int i = 0; i < 10; i++) store.recordInvocation(ok("orders", T0 + i * 1000, 10 + i));
            store.recordInvocation(record("orders", T0 + 61_000, 100, "Unhandled", null, "$LATEST", "Event"));
            store.recordInvocation(ok("other", T0 + 5000, 7));
            store.recordInvocation(record("orders", T0 + 2000, 5000, "SUCCESS", null, "$LATEST", Rollup.POWER_TUNING));
            metrics.flush();

            List<Datapoint> invocations = metrics.statistics(MetricSeries.function(LambdaMetric.Invocations, "orders"),
                    FROM, TO, MINUTE, List.of());
            assertThat(invocations).extracting(Datapoint::timestampMs).containsExactly(T0, T0 + 60_000);
            assertThat(invocations).extracting(Datapoint::sum).containsExactly(10.0, 1.0);

            List<Datapoint> errors = metrics.statistics(MetricSeries.function(LambdaMetric.Errors, "orders"),
                    FROM, TO, Duration.ofHours(1), List.of());
            assertThat(errors).singleElement().satisfies(d -> {
                assertThat(d.sum()).isEqualTo(1);
                assertThat(d.sampleCount()).isEqualTo(11);
            });

            Datapoint duration = metrics.statistics(MetricSeries.function(LambdaMetric.Duration, "orders"), FROM, TO,
                    Duration.ofHours(1), List.of(50.0, 99.0)).get(0);
            assertThat(duration.minimum()).isEqualTo(10);
            assertThat(duration.maximum()).isEqualTo(100);
            assertThat(duration.sampleCount()).isEqualTo(11);
            assertThat(duration.average()).isCloseTo((145 + 100) / 11.0, within(1e-9));
            assertThat(duration.percentiles().get(50.0)).isCloseTo(15, within(0.3));
            assertThat(duration.percentiles().get(99.0)).as("within 1 %").isCloseTo(100, within(1.0));

            assertThat(sum(metrics.statistics(MetricSeries.account(LambdaMetric.Invocations), FROM, TO, MINUTE, List.of())))
                    .as("account-wide, power tuning left out").isEqualTo(12);
        }
    }

    @Test
    void resourceAndExecutedVersionDimensions() {
        try (SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"));
             LambdaMetrics metrics = LambdaMetrics.attach(store, f -> false)) {
            store.recordInvocation(record("api", T0, 5, "SUCCESS", "live", "1", "RequestResponse"));
            store.recordInvocation(record("api", T0 + 1, 5, "SUCCESS", "live", "2", "RequestResponse"));
            store.recordInvocation(record("api", T0 + 2, 5, "SUCCESS", "live", "2", "RequestResponse"));
            store.recordInvocation(record("api", T0 + 3, 5, "SUCCESS", "2", "2", "RequestResponse"));
            store.recordInvocation(record("api", T0 + 4, 5, "SUCCESS", null, "$LATEST", "RequestResponse"));
            metrics.flush();
            assertThat(sum(metrics.statistics(MetricSeries.function(LambdaMetric.Invocations, "api"), FROM, TO, MINUTE,
                    List.of()))).isEqualTo(5);
            assertThat(sum(metrics.statistics(new MetricSeries(LambdaMetric.Invocations, "api", "api:live", null), FROM, TO,
                    MINUTE, List.of()))).isEqualTo(3);
            assertThat(sum(metrics.statistics(new MetricSeries(LambdaMetric.Invocations, "api", "api:live", "2"), FROM, TO,
                    MINUTE, List.of()))).isEqualTo(2);
            assertThat(sum(metrics.statistics(new MetricSeries(LambdaMetric.Invocations, "api", "api:2", null), FROM, TO,
                    MINUTE, List.of()))).isEqualTo(1);
            assertThat(metrics.series(FROM.minus(Duration.ofDays(1)))).contains(
                    MetricSeries.account(LambdaMetric.Invocations),
                    MetricSeries.function(LambdaMetric.Duration, "api"),
                    new MetricSeries(LambdaMetric.Errors, "api", "api:live", "1"),
                    new MetricSeries(LambdaMetric.Invocations, "api", "api:2", null))
                    .doesNotContain(new MetricSeries(LambdaMetric.Invocations, "api", "api:2", "2"));
        }
    }

    @Test
    void concurrencyIsTheMostRunningAtOnceInEachMinute() {
        try (SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"));
             LambdaMetrics metrics = LambdaMetrics.attach(store, f -> f.equals("reserved"))) {
            // three overlap around T0+1s; one runs from minute 0 into minute 2 alone
            store.recordInvocation(ok("f", T0, 2000));
            store.recordInvocation(ok("f", T0 + 500, 1000));
            store.recordInvocation(ok("f", T0 + 1000, 1000));
            store.recordInvocation(ok("f", T0 + 1500, 200)); // ends before ... overlaps the first and third
            store.recordInvocation(ok("f", T0 + 30_000, 100_000));
            store.recordInvocation(ok("reserved", T0 + 1000, 10));
            metrics.flush();
            List<Datapoint> levels = metrics.statistics(MetricSeries.function(LambdaMetric.ConcurrentExecutions, "f"),
                    FROM, TO, MINUTE, List.of());
            assertThat(levels).extracting(Datapoint::timestampMs).containsExactly(T0, T0 + 60_000, T0 + 120_000);
            assertThat(levels).extracting(Datapoint::maximum).containsExactly(3.0, 1.0, 1.0);
            assertThat(metrics.statistics(MetricSeries.account(LambdaMetric.ConcurrentExecutions), FROM, TO, MINUTE,
                    List.of()).get(0).maximum()).isEqualTo(4);
            assertThat(metrics.statistics(MetricSeries.account(LambdaMetric.UnreservedConcurrentExecutions), FROM, TO,
                    MINUTE, List.of()).get(0).maximum()).isEqualTo(3);
            // an invocation written later that overlapped raises the minute
            store.recordInvocation(ok("f", T0 + 900, 400));
            metrics.flush();
            assertThat(metrics.statistics(MetricSeries.function(LambdaMetric.ConcurrentExecutions, "f"), FROM, TO,
                    Duration.ofHours(1), List.of()).get(0).maximum()).isEqualTo(4);
        }
    }

    @Test
    void invocationsOneAfterAnotherWithinAMillisecondDoNotOverlap() {
        try (SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"));
             LambdaMetrics metrics = LambdaMetrics.attach(store, f -> false)) {
            store.recordInvocation(ok("quick", T0 + 5, 0.3)); // both started in the same millisecond, one after the other
            store.recordInvocation(ok("quick", T0 + 5, 0.4));
            store.recordInvocation(ok("quick", T0 + 6, 0.9));
            metrics.flush();
            assertThat(metrics.statistics(MetricSeries.function(LambdaMetric.ConcurrentExecutions, "quick"), FROM, TO,
                    MINUTE, List.of()).get(0).maximum()).isEqualTo(1);
            store.recordInvocation(ok("quick", T0, 50)); // runs while those three ran
            metrics.flush();
            assertThat(metrics.statistics(MetricSeries.function(LambdaMetric.ConcurrentExecutions, "quick"), FROM, TO,
                    MINUTE, List.of()).get(0).maximum()).isEqualTo(2);
        }
    }

    @Test
    void engineEventsAreCountedAndSurviveARestart() {
        Path file = dir.resolve("logs.db");
        try (SqliteLogStore store = new SqliteLogStore(file);
             LambdaMetrics metrics = LambdaMetrics.attach(store, f -> false)) {
            var events = metrics.engineEvents();
            events.throttled("f", null, T0);
            events.throttled("f", "live", T0 + 1);
            events.asyncReceived("f", null, T0);
            events.asyncAttempted("f", null, T0 + 10, 250);
            events.asyncAttempted("f", null, T0 + 20, 750);
            events.asyncDropped("f", null, T0 + 30, "RetriesExhausted");
            events.destinationDeliveryFailed("f", null, T0 + 40, "arn:aws:sqs:us-east-1:000000000000:gone");
            events.iteratorAge("f", null, T0 + 50, 1500);
            store.recordInvocation(ok("f", T0, 3));
            metrics.flush();
        }
        try (SqliteLogStore store = new SqliteLogStore(file);
             LambdaMetrics metrics = LambdaMetrics.attach(store, f -> false)) {
            Map<LambdaMetric, Double> sums = new java.util.EnumMap<>(LambdaMetric.class);
            for (LambdaMetric m : List.of(LambdaMetric.Throttles, LambdaMetric.AsyncEventsReceived,
                    LambdaMetric.AsyncEventsDropped, LambdaMetric.DestinationDeliveryFailures, LambdaMetric.Invocations)) {
                sums.put(m, sum(metrics.statistics(MetricSeries.function(m, "f"), FROM, TO, MINUTE, List.of())));
            }
            assertThat(sums).containsEntry(LambdaMetric.Throttles, 2.0).containsEntry(LambdaMetric.AsyncEventsReceived, 1.0)
                    .containsEntry(LambdaMetric.AsyncEventsDropped, 1.0)
                    .containsEntry(LambdaMetric.DestinationDeliveryFailures, 1.0)
                    .as("re-attaching does not count the stored invocations again").containsEntry(LambdaMetric.Invocations, 1.0);
            Datapoint age = metrics.statistics(MetricSeries.function(LambdaMetric.AsyncEventAge, "f"), FROM, TO, MINUTE,
                    List.of(99.0)).get(0);
            assertThat(age.average()).isEqualTo(500);
            assertThat(age.maximum()).isEqualTo(750);
            assertThat(sum(metrics.statistics(new MetricSeries(LambdaMetric.Throttles, "f", "f:live", null), FROM, TO,
                    MINUTE, List.of()))).isEqualTo(1);
            assertThat(metrics.statistics(MetricSeries.function(LambdaMetric.IteratorAge, "f"), FROM, TO, MINUTE,
                    List.of()).get(0).maximum()).isEqualTo(1500);
        }
    }

    @Test
    void invocationsStoredBeforeTheMetricsExistedAreRolledUpOnce() {
        Path file = dir.resolve("logs.db");
        try (SqliteLogStore store = new SqliteLogStore(file)) {
            for (int i = 0; i < 25; i++) store.recordInvocation(ok("old", T0 + i * 100, 2));
            store.flush();
        }
        for (int attach = 0; attach < 2; attach++) {
            try (SqliteLogStore store = new SqliteLogStore(file);
                 LambdaMetrics metrics = LambdaMetrics.attach(store, f -> false)) {
                assertThat(sum(metrics.statistics(MetricSeries.function(LambdaMetric.Invocations, "old"), FROM, TO, MINUTE,
                        List.of()))).isEqualTo(25);
            }
        }
    }
}
