package dev.lambdaconsole.app.monitor;

import java.time.Duration;

/** The log viewer's time ranges, counted back from when the view is refreshed. */
public enum TimeRange {
    LAST_5_MINUTES("Last 5 minutes", Duration.ofMinutes(5)),
    LAST_15_MINUTES("Last 15 minutes", Duration.ofMinutes(15)),
    LAST_HOUR("Last hour", Duration.ofHours(1)),
    LAST_DAY("Last day", Duration.ofDays(1)),
    ALL("All time", null),
    /** From and to as the user sets them (LogViewerViewModel#setCustomRange). */
    CUSTOM("Custom range", null);

    private final String label;
    private final Duration span;

    TimeRange(String label, Duration span) {
        this.label = label;
        this.span = span;
    }

    /** The earliest timestamp in range at {@code nowMs}, or null for all time (and for a custom range). */
    public Long fromMs(long nowMs) {
        return span == null ? null : nowMs - span.toMillis();
    }

    @Override
    public String toString() { return label; }
}
