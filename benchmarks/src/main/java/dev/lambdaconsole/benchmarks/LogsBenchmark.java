package dev.lambdaconsole.benchmarks;

import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogQuery;
import dev.lambdaconsole.runtime.logs.SqliteLogStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The log store with a million events: ingest rate (as invocations append them, 6 lines each) and the time of
 * the queries the Monitor tab makes (substring, request id, time range), each repeated and summarised.
 */
public final class LogsBenchmark {
    private LogsBenchmark() { }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("logs-bench");
        System.out.printf("Logs benchmark: %,d events; %s%n", events, Stats.machine());
        try (SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"))) {
            String group = "/aws/lambda/bench";
            String stream = "2026/11/23/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
            long t0 = System.nanoTime();
            long ts = System.currentTimeMillis() - events;
            String needleId = null;
            for (int i = 0; i < events; i += 6) {
                String id = UUID.randomUUID().toString();
                if (i == events / 2 - events / 2 % 6) needleId = id;
                List<LogEvent> batch = new ArrayList<>(6);
                batch.add(LogEvent.of(group, stream, ts + i, id, "START RequestId: " + id + " Version: $LATEST"));
                batch.add(LogEvent.of(group, stream, ts + i, id, "[INFO]\t2026-11-23T00:00:00.000Z\t" + id
                        + "\tprocessing order " + i + " for customer c-" + (i % 977)));
                batch.add(LogEvent.of(group, stream, ts + i, id, i == events / 2 - events / 2 % 6
                        ? "needle-7f3a in the haystack" : "loaded 42 items from the cache"));
                batch.add(LogEvent.of(group, stream, ts + i, id, "finished in 3 ms"));
                batch.add(LogEvent.of(group, stream, ts + i, id, "END RequestId: " + id));
                batch.add(LogEvent.of(group, stream, ts + i, id, "REPORT RequestId: " + id
                        + "\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t"));
                store.append(batch);
            }
            store.flush();
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "ingest: %,d events in %.2f s = %,.0f events/s; file %,d bytes%n",
                    store.count(group), seconds, store.count(group) / seconds, Files.size(dir.resolve("logs.db")));
            String id = needleId;
            time("substring (1 match in all events)", () -> store.query(LogQuery.group(group).withContains("needle-7f3a")));
            time("substring (first 500 matches)", () -> store.query(LogQuery.group(group).withContains("customer c-42")
                    .withLimit(500)));
            time("one invocation by request id", () -> store.query(LogQuery.group(group).withRequestId(id)));
            time("time range, first 1,000", () -> store.query(LogQuery.group(group).withRange(ts + events / 3, null)
                    .withLimit(1000)));
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void time(String what, java.util.function.Supplier<List<LogEvent>> query) {
        query.get();
        long[] samples = new long[5];
        int found = 0;
        for (int i = 0; i < samples.length; i++) {
            long t = System.nanoTime();
            found = query.get().size();
            samples[i] = System.nanoTime() - t;
        }
        System.out.printf("%-38s %s, %d events%n", what + ":", Stats.of(samples), found);
    }
}
