package dev.lambdaconsole.runtime.metrics;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CloudWatch's statistic names: the five basic ones and percentiles {@code p0}…{@code p100} (e.g. {@code p99.9}). */
public final class Statistic {
    public static final Set<String> BASIC = Set.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(?:\\.\\d{1,2})?|100(?:\\.0{1,2})?)");

    private Statistic() { }

    /** The percentile a name asks for (99.0 for "p99"), or null when it is not one. */
    public static Double percentile(String name) {
        if (name == null) return null;
        Matcher m = PERCENTILE.matcher(name);
        return m.matches() ? Double.parseDouble(m.group(1)) : null;
    }

    public static boolean valid(String name) {
        return BASIC.contains(name) || percentile(name) != null;
    }
}
