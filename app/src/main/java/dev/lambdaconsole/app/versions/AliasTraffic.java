package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.runtime.logs.InvocationRecord;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where an alias's invocations landed: per executed version, how many ran in each time bucket (a stacked bar
 * chart's data) and in all. Buckets are the smallest of 1 s, 5 s, 10 s, 30 s, 1 min, 5 min, 15 min, 1 h, 6 h or
 * 1 day that spans the invocations in at most {@value #MAX_BUCKETS}; with more, the newest are shown.
 *
 * @param buckets  the buckets' labels (local time: "14:03:25" for buckets under a minute, else "14:03"), oldest first
 * @param versions the executed versions, ascending ($LATEST first)
 * @param counts   per version, its invocations in each bucket (same order as {@code buckets})
 * @param totals   per version, its invocations in all buckets listed
 */
public record AliasTraffic(String alias, List<String> buckets, List<String> versions, Map<String, long[]> counts,
                           Map<String, Long> totals, long total) {
    static final int MAX_BUCKETS = 30;
    private static final long[] STEPS_MS = {1_000, 5_000, 10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000,
            21_600_000, 86_400_000};
    private static final Comparator<String> VERSION_ORDER = Comparator
            .comparing((String v) -> !"$LATEST".equals(v))
            .thenComparing(v -> v.chars().allMatch(Character::isDigit) ? Long.parseLong(v) : Long.MAX_VALUE)
            .thenComparing(Comparator.naturalOrder());

    public static AliasTraffic empty(String alias) {
        return new AliasTraffic(alias, List.of(), List.of(), Map.of(), Map.of(), 0);
    }

    /** The traffic of {@code alias} among {@code records} (of any qualifier, in any order). */
    public static AliasTraffic of(String alias, List<InvocationRecord> records, ZoneId zone) {
        List<InvocationRecord> mine = records.stream().filter(r -> alias.equals(r.qualifier()))
                .sorted(Comparator.comparingLong(InvocationRecord::startMs)).toList();
        if (mine.isEmpty()) return empty(alias);
        long first = mine.get(0).startMs();
        long last = mine.get(mine.size() - 1).startMs();
        long step = STEPS_MS[STEPS_MS.length - 1];
        for (long s : STEPS_MS) {
            if ((last / s) - (first / s) + 1 <= MAX_BUCKETS) {
                step = s;
                break;
            }
        }
        long lastBucket = last / step;
        long firstBucket = Math.max(first / step, lastBucket - MAX_BUCKETS + 1);
        int n = (int) (lastBucket - firstBucket + 1);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(step < 60_000 ? "HH:mm:ss" : step < 86_400_000
                ? "HH:mm" : "MMM d", Locale.ROOT).withZone(zone);
        List<String> labels = new ArrayList<>(n);
        for (long b = firstBucket; b <= lastBucket; b++) labels.add(format.format(Instant.ofEpochMilli(b * step)));

        TreeSet<String> versions = new TreeSet<>(VERSION_ORDER);
        for (InvocationRecord r : mine) versions.add(version(r));
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String v : versions) counts.put(v, new long[n]);
        long total = 0;
        for (InvocationRecord r : mine) {
            long b = r.startMs() / step;
            if (b < firstBucket) continue;
            counts.get(version(r))[(int) (b - firstBucket)]++;
            total++;
        }
        for (String v : versions) {
            long sum = 0;
            for (long c : counts.get(v)) sum += c;
            totals.put(v, sum);
        }
        return new AliasTraffic(alias, List.copyOf(labels), List.copyOf(versions), counts, totals, total);
    }

    private static String version(InvocationRecord r) {
        return r.executedVersion() == null ? "$LATEST" : r.executedVersion();
    }

    /** "20 invocations through live: version 1: 14 (70 %), version 2: 6 (30 %)". */
    public String summary() {
        if (total == 0) return "No invocations through " + alias + " yet: invoke it from the Test tab (choose the "
                + "alias there) or with --qualifier " + alias + ".";
        StringBuilder text = new StringBuilder(total == 1 ? "1 invocation" : total + " invocations")
                .append(" through ").append(alias).append(": ");
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> t : totals.entrySet()) {
            parts.add("version " + t.getKey() + ": " + t.getValue() + " ("
                    + Math.round(100.0 * t.getValue() / total) + " %)");
        }
        return text.append(String.join(", ", parts)).toString();
    }
}
