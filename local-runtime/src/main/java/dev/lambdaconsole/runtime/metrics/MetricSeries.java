package dev.lambdaconsole.runtime.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One metric with one set of dimensions, as CloudWatch names a time series: none (account-wide), {@code FunctionName},
 * {@code FunctionName}+{@code Resource} ({@code name:alias} or {@code name:7}), or those plus {@code ExecutedVersion}
 * (alias traffic by the version that ran). Absent dimensions are null.
 */
public record MetricSeries(LambdaMetric metric, String functionName, String resource, String executedVersion) {
    public MetricSeries {
        if (metric == null) throw new IllegalArgumentException("A series needs a metric");
        if (functionName == null && (resource != null || executedVersion != null)) {
            throw new IllegalArgumentException("Resource and ExecutedVersion need FunctionName");
        }
        if (resource == null && executedVersion != null) {
            throw new IllegalArgumentException("ExecutedVersion needs Resource");
        }
    }

    public static MetricSeries account(LambdaMetric metric) { return new MetricSeries(metric, null, null, null); }

    public static MetricSeries function(LambdaMetric metric, String functionName) {
        return new MetricSeries(metric, functionName, null, null);
    }

    /**
     * The series of a set of CloudWatch dimensions (name to value), or an IllegalArgumentException naming the
     * dimension that Lambda does not publish.
     */
    public static MetricSeries of(LambdaMetric metric, Map<String, String> dimensions) {
        Map<String, String> left = new LinkedHashMap<>(dimensions);
        String function = left.remove("FunctionName");
        String resource = left.remove("Resource");
        String version = left.remove("ExecutedVersion");
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("AWS/Lambda has no dimension " + String.join(", ", left.keySet())
                    + " (its dimensions: FunctionName, Resource, ExecutedVersion)");
        }
        return new MetricSeries(metric, function, resource, version);
    }

    /** The dimensions as CloudWatch lists them, in order: FunctionName, Resource, ExecutedVersion. */
    public Map<String, String> dimensions() {
        Map<String, String> d = new LinkedHashMap<>();
        if (functionName != null) d.put("FunctionName", functionName);
        if (resource != null) d.put("Resource", resource);
        if (executedVersion != null) d.put("ExecutedVersion", executedVersion);
        return d;
    }

    /** e.g. "Invocations FunctionName=orders Resource=orders:live". */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(List.of(metric.name()));
        dimensions().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
    }
}
