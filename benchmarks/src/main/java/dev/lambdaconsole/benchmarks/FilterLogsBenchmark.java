package dev.lambdaconsole.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.SqliteLogStore;
import dev.lambdaconsole.runtime.logs.api.LogsService;
import dev.lambdaconsole.runtime.util.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * FilterLogEvents over a million events (six lines per invocation, one of them a JSON line), as the CLI and
 * SDKs call it through {@link LogsService}: the first page of 10,000 of a common term and of a JSON pattern,
 * all matches of rarer ones (following nextToken), a JSON pattern the index cannot narrow, and GetLogEvents pages. Each query is
 * run once to warm up (after a first pass over every path), then 5 times; the median is what BENCHMARKS.md reports.
 */
public final class FilterLogsBenchmark {
    private static final String GROUP = "/aws/lambda/bench";

    private FilterLogsBenchmark() { }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("filter-bench");
        System.out.printf("FilterLogEvents benchmark: %,d events; %s; load %s%n", events, Stats.machine(), load());
        try (SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"))) {
            long t0 = System.nanoTime();
            ingest(store, events);
            store.flush();
            System.out.printf(Locale.ROOT, "ingest: %,d events stored and indexed in %.1f s; load %s%n",
                    store.count(GROUP), (System.nanoTime() - t0) / 1e9, load());
            LogsService logs = new LogsService(store, "us-east-1", "000000000000");
            for (String p : List.of("", "\"processing order\"", "{ $.level = \"INFO\" }", "{ $.ms > 990 }")) {
                search(logs, p, true); // the JIT warms up on every path first, as in a console that has been running
            }
            time(logs, "no pattern, first page of 10,000", "", false);
            time(logs, "term, first page of 10,000 (166,667 match)", "\"processing order\"", false);
            time(logs, "terms ERROR Exception, all 1,667 matches", "ERROR Exception", true);
            time(logs, "rare term, all (1 match)", "needle-7f3a", true);
            time(logs, "JSON level = INFO, first page of 10,000", "{ $.level = \"INFO\" }", false);
            time(logs, "JSON ERROR && ms > 500, all matches", "{ $.level = \"ERROR\" && $.ms > 500 }", true);
            time(logs, "JSON ms > 990 (key only), first call", "{ $.ms > 990 }", false);
            time(logs, "JSON ms > 990 (key only), all pages", "{ $.ms > 990 }", true);
            time(logs, "regex (no index), first call", "%order 9999[0-9]%", false);
            String stream = logs.describeLogStreams(Json.object().put("logGroupName", GROUP))
                    .get("logStreams").get(0).get("logStreamName").asText();
            timeGet(logs, "GetLogEvents, newest 10,000 of the stream", stream, false);
            timeGet(logs, "GetLogEvents, first 10,000 (startFromHead)", stream, true);
            System.out.println("load after the queries: " + load());
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void ingest(SqliteLogStore store, int events) {
        String stream = "2026/12/02/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
        long ts = System.currentTimeMillis() - events;
        for (int i = 0; i < events; i += 6) {
            int inv = i / 6;
            String id = UUID.randomUUID().toString();
            String level = inv % 50 == 0 ? "ERROR" : "INFO";
            List<LogEvent> batch = new ArrayList<>(6);
            batch.add(LogEvent.of(GROUP, stream, ts + i, id, "START RequestId: " + id + " Version: $LATEST"));
            batch.add(LogEvent.of(GROUP, stream, ts + i, id, "{\"level\":\"" + level + "\",\"ms\":" + (inv % 1000)
                    + ",\"requestId\":\"" + id + "\",\"customer\":\"c-" + (inv % 977) + "\"}"));
            batch.add(LogEvent.of(GROUP, stream, ts + i, id, "[INFO]\t" + id + "\tprocessing order " + inv));
            batch.add(LogEvent.of(GROUP, stream, ts + i, id, inv == events / 12 ? "needle-7f3a in the haystack"
                    : inv % 100 == 7 ? "[ERROR] Exception: timeout after 3 s" : "loaded 42 items from the cache"));
            batch.add(LogEvent.of(GROUP, stream, ts + i, id, "END RequestId: " + id));
            batch.add(LogEvent.of(GROUP, stream, ts + i, id, "REPORT RequestId: " + id
                    + "\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t"));
            store.append(batch);
        }
    }

    /** One measured query: a call (or, with {@code all}, the calls following nextToken to the end). */
    private static void time(LogsService logs, String what, String pattern, boolean all) {
        long[] samples = new long[5];
        long[] result = null;
        for (int run = -1; run < samples.length; run++) {
            long t = System.nanoTime();
            result = search(logs, pattern, all);
            if (run >= 0) samples[run] = System.nanoTime() - t;
        }
        System.out.printf("%-48s %s; %,d events in %d call(s)%n", what + ":", Stats.of(samples), result[0], result[1]);
    }

    private static void timeGet(LogsService logs, String what, String stream, boolean fromHead) {
        long[] samples = new long[5];
        int n = 0;
        for (int run = -1; run < samples.length; run++) {
            long t = System.nanoTime();
            n = logs.getLogEvents(Json.object().put("logGroupName", GROUP).put("logStreamName", stream)
                    .put("startFromHead", fromHead)).get("events").size();
            if (run >= 0) samples[run] = System.nanoTime() - t;
        }
        System.out.printf("%-48s %s; %,d events%n", what + ":", Stats.of(samples), n);
    }

    private static long[] search(LogsService logs, String pattern, boolean all) {
        long found = 0;
        long calls = 0;
        String token = null;
        do {
            ObjectNode in = Json.object().put("logGroupName", GROUP).put("filterPattern", pattern).put("interleaved", true);
            if (token != null) in.put("nextToken", token);
            JsonNode out = logs.filterLogEvents(in);
            found += out.get("events").size();
            calls++;
            token = out.has("nextToken") ? out.get("nextToken").asText() : null;
        } while (all && token != null);
        return new long[] {found, calls};
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
