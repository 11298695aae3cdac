package dev.lambdaconsole.runtime.util;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamp formats Lambda uses. */
public final class Durations {
    /** LastModified as Lambda prints it: 2024-01-31T12:00:00.000+0000. */
    public static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    /** Timestamps inside log lines: 2024-01-31T12:00:00.000Z. */
    public static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Durations() { }

    public static String lastModified(Instant instant) { return LAST_MODIFIED.format(instant); }
    public static String logTime(long epochMillis) { return LOG_TIME.format(Instant.ofEpochMilli(epochMillis)); }
}
