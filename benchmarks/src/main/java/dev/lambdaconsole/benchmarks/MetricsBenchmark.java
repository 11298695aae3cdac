package dev.lambdaconsole.benchmarks;

import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.logs.SqliteLogStore;
import dev.lambdaconsole.runtime.metrics.LambdaMetric;
import dev.lambdaconsole.runtime.metrics.LambdaMetrics;
import dev.lambdaconsole.runtime.metrics.MetricSeries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The metrics over a million invocation records of one function spread over a day (about 12 a second, some through
 * an alias, 3 % errors, durations 1–200 ms): the cost the roll-up adds to storing them, the roll-up of a file written
 * without metrics (first start after an upgrade), and the queries CloudWatch's API and the Metrics tab make.
 */
public final class MetricsBenchmark {
    private MetricsBenchmark() { }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.printf("Metrics benchmark: %,d invocation records; %s%n", records, Stats.machine());
        Path dir = Files.createTempDirectory("metrics-bench");
        long end = (System.currentTimeMillis() / 60_000) * 60_000;
        long start = end - Duration.ofDays(1).toMillis();
        Path plain = dir.resolve("plain.db");
        double plainSeconds = ingest(plain, records, start, end, false);
        Path file = dir.resolve("logs.db");
        double withSeconds = ingest(file, records, start, end, true);
        System.out.printf(Locale.ROOT, "store %,d records: %.2f s without metrics (%,.0f/s), %.2f s with the roll-up (%,.0f/s)%n",
                records, plainSeconds, records / plainSeconds, withSeconds, records / withSeconds);
        long t = System.nanoTime();
        try (SqliteLogStore store = new SqliteLogStore(plain); LambdaMetrics m = LambdaMetrics.attach(store, f -> false)) {
            System.out.printf(Locale.ROOT, "roll-up of a file stored without metrics: %.2f s%n", (System.nanoTime() - t) / 1e9);
        }
        try (SqliteLogStore store = new SqliteLogStore(file); LambdaMetrics m = LambdaMetrics.attach(store, f -> false)) {
            Instant from = Instant.ofEpochMilli(start);
            Instant to = Instant.ofEpochMilli(end);
            Duration minute = Duration.ofMinutes(1);
            MetricSeries invocations = MetricSeries.function(LambdaMetric.Invocations, "bench");
            check("Invocations Sum, 1 day", records, () -> m.statistics(invocations, from, to, minute, List.of())
                    .stream().mapToDouble(d -> d.sum()).sum());
            time("Invocations, 1 day by minute (1,440 points)", () -> m.statistics(invocations, from, to, minute, List.of()).size());
            time("Invocations, 1 h by minute", () -> m.statistics(invocations, to.minus(Duration.ofHours(1)), to, minute,
                    List.of()).size());
            time("Duration avg/min/max + p50/p99, 1 day by minute", () -> m.statistics(MetricSeries.function(
                    LambdaMetric.Duration, "bench"), from, to, minute, List.of(50.0, 99.0)).size());
            time("Duration p50/p99, 1 day in one period", () -> m.statistics(MetricSeries.function(LambdaMetric.Duration,
                    "bench"), from, to, Duration.ofDays(1), List.of(50.0, 99.0)).size());
            time("Errors, alias Resource, 1 day by 5 min", () -> m.statistics(new MetricSeries(LambdaMetric.Errors, "bench",
                    "bench:live", null), from, to, Duration.ofMinutes(5), List.of()).size());
            time("ConcurrentExecutions Max, 1 day by minute", () -> m.statistics(MetricSeries.function(
                    LambdaMetric.ConcurrentExecutions, "bench"), from, to, minute, List.of()).size());
            time("Invocations, account-wide, 1 day by minute", () -> m.statistics(MetricSeries.account(
                    LambdaMetric.Invocations), from, to, minute, List.of()).size());
            time("ListMetrics (every series of 2 weeks)", () -> m.series(from.minus(Duration.ofDays(13))).size());
            time("the Metrics tab: 10 reads, 1 day", () -> {
                int n = 0;
                for (LambdaMetric metric : List.of(LambdaMetric.Invocations, LambdaMetric.Duration, LambdaMetric.Errors,
                        LambdaMetric.Throttles, LambdaMetric.DeadLetterErrors, LambdaMetric.DestinationDeliveryFailures,
                        LambdaMetric.IteratorAge, LambdaMetric.ConcurrentExecutions)) {
                    n += m.statistics(MetricSeries.function(metric, "bench"), from, to, Duration.ofMinutes(5), List.of()).size();
                }
                return n;
            });
        }
        System.out.printf("file %,d bytes%n", Files.size(file));
    }

    private static double ingest(Path file, int records, long start, long end, boolean metrics) {
        long t0 = System.nanoTime();
        try (SqliteLogStore store = new SqliteLogStore(file)) {
            LambdaMetrics m = metrics ? LambdaMetrics.attach(store, f -> false) : null;
            java.util.Random random = new java.util.Random(7);
            double step = (double) (end - start) / records;
            for (int i = 0; i < records; i++) {
                long at = start + (long) (i * step);
                boolean alias = i % 4 == 0;
                boolean error = random.nextInt(100) < 3;
                store.recordInvocation(new InvocationRecord("r" + i, "bench", "stream", at, 1 + random.nextDouble() * 199,
                        200, 128, 40, null, error ? "Unhandled" : "SUCCESS", error ? "Unhandled" : null,
                        "RequestResponse", alias ? "live" : null, alias ? (i % 8 == 0 ? "1" : "2") : "$LATEST",
                        "x86_64", 512, false, null, null, null, null));
            }
            store.flush();
            if (m != null) m.close();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void check(String what, double expected, Supplier<Double> actual) {
        double got = actual.get();
        if (got != expected) throw new IllegalStateException(what + ": expected " + expected + ", got " + got);
    }

    private static void time(String what, Supplier<Integer> query) {
        int result = 0;
        for (int i = 0; i < 5; i++) result = query.get();
        long[] runs = new long[30];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            query.get();
            runs[i] = System.nanoTime() - t;
        }
        System.out.printf(Locale.ROOT, "%-52s %s; %d rows%n", what, Stats.of(runs), result);
    }
}
