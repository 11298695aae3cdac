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
import java.util.function.LongSupplier;

/**
 * The log store with a million events: ingest rate (as invocations append them, 6 lines each), stored and
 * then also in the substring index, and the time of the queries the Monitor tab makes (substring through the
 * index and by scan, request id, time range, pages by offset and by key, counts), each repeated and summarised.
 */
public final class LogsBenchmark {
    private LogsBenchmark() { }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("logs-bench");
        System.out.printf("Logs benchmark: %,d events; %s; load %s%n", events, Stats.machine(), load());
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
            long appended = System.nanoTime();
            long rows = (events + 5L) / 6 * 6;
            long total = 0;
            while (total < rows) { // every row stored (the index may lag)
                Thread.sleep(20);
                total = store.count(group);
            }
            double stored = (System.nanoTime() - t0) / 1e9;
            store.flush(); // returns once the substring index covers every event too
            double indexed = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "ingest: %,d events appended in %.2f s; stored in %.2f s = %,.0f events/s;"
                    + " stored and indexed in %.2f s = %,.0f events/s; file %,d bytes (+ WAL %,d bytes); load %s%n",
                    total, (appended - t0) / 1e9, stored, total / stored, indexed, total / indexed,
                    Files.size(dir.resolve("logs.db")), walSize(dir), load());
            String id = needleId;
            int half = (int) (total / 2);
            LogQuery all = LogQuery.group(group);
            long middle = store.query(all.skip(half).withLimit(1)).get(0).id();
            time("substring, 1 match in all (index)", () -> store.query(all.withContains("needle-7f3a")).size());
            time("substring, first 500 matches (index)", () -> store.query(all.withContains("customer c-42")
                    .withLimit(500)).size());
            time("substring, count of matches (index)", () -> store.count(all.withContains("customer c-42")));
            time("substring, common word, first 500", () -> store.query(all.withContains("RequestId").withLimit(500)).size());
            time("substring, newest 500 (index)", () -> store.query(all.withContains("customer c-42").descending()
                    .withLimit(500)).size());
            time("2 characters, first 500 (scan)", () -> store.query(all.withContains("c-").withLimit(500)).size());
            time("2 characters, no match (full scan)", () -> store.query(all.withContains("@@")).size());
            time("one invocation by request id", () -> store.query(all.withRequestId(id)).size());
            time("time range (last 2/3), first 1,000", () -> store.query(all.withRange(ts + events / 3, null)
                    .withLimit(1000)).size());
            time("time range (last 2/3), count", () -> store.count(all.withRange(ts + events / 3, null)));
            time("page of 200 at offset total/2", () -> store.query(all.skip(half).withLimit(200)).size());
            time("page of 200 after an id (keyset)", () -> store.query(all.after(middle).withLimit(200)).size());
            time("newest 200", () -> store.query(all.descending().withLimit(200)).size());
            time("count of the group", () -> store.count(all));
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long walSize(Path dir) throws java.io.IOException {
        Path wal = dir.resolve("logs.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void time(String what, LongSupplier query) {
        query.getAsLong();
        long[] samples = new long[5];
        long found = 0;
        for (int i = 0; i < samples.length; i++) {
            long t = System.nanoTime();
            found = query.getAsLong();
            samples[i] = System.nanoTime() - t;
        }
        System.out.printf("%-40s %s, %,d%n", what + ":", Stats.of(samples), found);
    }
}
