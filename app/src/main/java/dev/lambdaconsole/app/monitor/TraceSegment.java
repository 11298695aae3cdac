package dev.lambdaconsole.app.monitor;

import java.util.Locale;

/**
 * One bar of a trace's timeline, in milliseconds from the trace's start, as X-Ray draws Lambda's segments and
 * subsegments: {@code depth} 0 is the service segment, 1 the function segment (and platform phases before it),
 * 2 its subsegments (Initialization, Invocation, Overhead), 3 what Initialization contains.
 *
 * @param origin the X-Ray origin or type shown beside the name ("AWS::Lambda", "platform"), may be empty
 * @param failed the phase ended in an error (the invocation or init failed)
 */
public record TraceSegment(String name, String origin, int depth, Kind kind, double startMs, double durationMs,
                           boolean failed, String description) {
    /** What a segment stands for, which also decides its colour. */
    public enum Kind { SERVICE, FUNCTION, PLATFORM, INITIALIZATION, INVOCATION, OVERHEAD }

    public double endMs() { return startMs + durationMs; }

    /** "123.45 ms". */
    public String duration() { return ms(durationMs); }

    /** "Initialization: 123.45 ms, from 10.00 ms to 133.45 ms. Init of the runtime and the function's code." */
    public String tooltip() {
        return name + ": " + ms(durationMs) + ", from " + ms(startMs) + " to " + ms(endMs()) + "."
                + (description.isEmpty() ? "" : " " + description);
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f ms", value);
    }
}
