package dev.lambdaconsole.runtime.metrics;

import java.util.Map;

/**
 * A metric's statistics over one period starting at {@code timestampMs}: samples, their sum, smallest and largest,
 * and the percentiles asked for (e.g. 99.0 for p99; estimated within about 1 % of the true value).
 */
public record Datapoint(long timestampMs, double sampleCount, double sum, double minimum, double maximum,
                        Map<Double, Double> percentiles) {
    public Datapoint {
        percentiles = Map.copyOf(percentiles);
    }

    public double average() { return sampleCount == 0 ? 0 : sum / sampleCount; }

    /** A statistic by its CloudWatch name (SampleCount, Sum, Average, Minimum, Maximum, pNN), or null. */
    public Double statistic(String name) {
        return switch (name) {
            case "SampleCount" -> sampleCount;
            case "Sum" -> sum;
            case "Average" -> average();
            case "Minimum" -> minimum;
            case "Maximum" -> maximum;
            default -> {
                Double p = Statistic.percentile(name);
                yield p == null ? null : percentiles.get(p);
            }
        };
    }
}
