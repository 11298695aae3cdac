package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.runtime.logs.InvocationRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * An invocation's timeline, built from its record as X-Ray would show its trace: the {@code AWS::Lambda} service
 * segment spans everything; platform phases the engine measured come first (waiting for the runtime image); then
 * the {@code AWS::Lambda::Function} segment with Initialization (a cold start's Init Duration, which includes
 * starting the process or container), Invocation (the handler) and Overhead (the runtime's time after the
 * response). Figures the record does not have (older stores, or the engine did not measure them) are left out and
 * named in {@link #unrecorded()}.
 *
 * @param traceId the full trace header ({@code Root=1-…;Parent=…;Sampled=0}), or empty when none was recorded
 */
public record TraceTimeline(String traceId, String requestId, double totalMs, List<TraceSegment> segments,
                            List<String> unrecorded) {

    public static TraceTimeline of(InvocationRecord r) {
        List<TraceSegment> platform = new ArrayList<>();
        List<TraceSegment> function = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean cold = r.coldStart();
        double t = 0;
        Double image = r.imageWaitMs();
        if (image != null && image > 0) {
            platform.add(new TraceSegment("Image preparation", "platform", 1, TraceSegment.Kind.PLATFORM, 0, image,
                    false, "Waiting for the runtime image to be pulled or built before an environment could start "
                    + "(not counted as Init Duration)."));
            t = image;
        } else if (image == null && cold) {
            missing.add("image preparation");
        }
        double functionStart = t;
        Double runtimeStart = r.runtimeStartMs();
        Double init = r.initDurationMs();
        boolean initFailed = "INIT_ERROR".equals(r.status());
        if (init != null) {
            function.add(new TraceSegment("Initialization", "", 2, TraceSegment.Kind.INITIALIZATION, t, init,
                    initFailed, "Cold start: starting the runtime and running the function's code outside the "
                    + "handler (Init Duration, billed)."));
            if (runtimeStart != null && runtimeStart > 0) {
                function.add(new TraceSegment("Environment start", "platform", 3, TraceSegment.Kind.PLATFORM, t,
                        Math.min(runtimeStart, init), false, "Starting the process or container (part of Init)."));
            } else if (runtimeStart == null) {
                missing.add("environment start");
            }
            t += init;
        } else if (runtimeStart != null && runtimeStart > 0) { // measured without an Init Duration (provisioned)
            platform.add(new TraceSegment("Environment start", "platform", 1, TraceSegment.Kind.PLATFORM, t,
                    runtimeStart, false, "Starting the process or container."));
            t += runtimeStart;
            functionStart = t;
        }
        function.add(new TraceSegment("Invocation", "", 2, TraceSegment.Kind.INVOCATION, t, r.durationMs(),
                r.error() && !initFailed, r.error() ? "The handler ended with " + status(r) + "."
                : "The handler, from the event to the response (Duration)."));
        t += r.durationMs();
        Double overhead = r.overheadMs();
        if (overhead != null && overhead > 0) {
            function.add(new TraceSegment("Overhead", "", 2, TraceSegment.Kind.OVERHEAD, t, overhead, false,
                    "The runtime's work after the response, until it asked for the next event."));
            t += overhead;
        } else if (overhead == null) {
            missing.add("overhead");
        }
        List<TraceSegment> all = new ArrayList<>(platform.size() + function.size() + 2);
        all.add(new TraceSegment(r.functionName(), "AWS::Lambda", 0, TraceSegment.Kind.SERVICE, 0, t, r.error(),
                "The Lambda service's segment: the whole request."));
        all.addAll(platform);
        all.add(new TraceSegment(r.functionName(), "AWS::Lambda::Function", 1, TraceSegment.Kind.FUNCTION,
                functionStart, t - functionStart, r.error(), "The function's segment: its environment's work."));
        all.addAll(function);
        return new TraceTimeline(r.traceId() == null ? "" : r.traceId(), r.requestId(), t, List.copyOf(all),
                List.copyOf(missing));
    }

    /** Where a segment starts, as a fraction of the trace (0 to 1). */
    public double offset(TraceSegment s) { return totalMs <= 0 ? 0 : s.startMs() / totalMs; }

    /** How much of the trace a segment takes (0 to 1). */
    public double width(TraceSegment s) { return totalMs <= 0 ? 0 : s.durationMs() / totalMs; }

    /** The segment called {@code name} (the first, for the function's name), if the timeline has one. */
    public java.util.Optional<TraceSegment> segment(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The Root part of an X-Ray trace header ("1-5759e988-bd862e3fe1be46a994272793"), or the header itself. */
    public static String root(String header) {
        if (header == null || header.isEmpty()) return "";
        for (String part : header.split(";")) {
            if (part.startsWith("Root=")) return part.substring(5);
        }
        return header;
    }

    private static String status(InvocationRecord r) {
        String type = r.errorType() == null || r.errorType().isBlank() ? null : r.errorType();
        return switch (r.status() == null ? "" : r.status()) {
            case "TIMEOUT" -> "a timeout";
            case "CRASH" -> "a crash" + (type == null ? "" : " (" + type + ")");
            default -> type == null ? "an error" : "an error (" + type + ")";
        };
    }
}
