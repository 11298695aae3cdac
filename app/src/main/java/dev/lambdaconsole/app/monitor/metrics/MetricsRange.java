package dev.lambdaconsole.app.monitor.metrics;

import java.time.Duration;

/** The time ranges of the Metrics charts, each with the period its points are computed over. */
public enum MetricsRange {
    MINUTES_15("15m", Duration.ofMinutes(15), Duration.ofMinutes(1)),
    HOUR_1("1h", Duration.ofHours(1), Duration.ofMinutes(1)),
    HOURS_3("3h", Duration.ofHours(3), Duration.ofMinutes(1)),
    HOURS_12("12h", Duration.ofHours(12), Duration.ofMinutes(5)),
    DAY_1("1d", Duration.ofDays(1), Duration.ofMinutes(5)),
    WEEK_1("1w", Duration.ofDays(7), Duration.ofHours(1));

    private final String label;
    private final Duration length;
    private final Duration period;

    MetricsRange(String label, Duration length, Duration period) {
        this.label = label;
        this.length = length;
        this.period = period;
    }

    public String label() { return label; }
    public Duration length() { return length; }
    public Duration period() { return period; }
}
