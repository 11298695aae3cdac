package dev.lambdaconsole.runtime.invoke;

import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that stores a finished invocation: its log lines in the function's log group and its single
 * {@link InvocationRecord} (what the Monitor, metrics, traces and cost read), with the platform timeline the
 * engine measured.
 */
final class InvocationRecorder {
    private final LogStore logs;

    InvocationRecorder(LogStore logs) { this.logs = logs; }

    /**
     * The platform's part of one invocation, each null when it did not happen or is not known.
     *
     * @param imageWaitMs    waiting for the runtime image before the environment could start
     * @param runtimeStartMs starting the process or container
     * @param overheadMs     the runtime's time after its response until it asked for the next event
     */
    record Timeline(Double imageWaitMs, Double runtimeStartMs, Double overheadMs) {
        static final Timeline NONE = new Timeline(null, null, null);

        Timeline withOverhead(Double ms) { return new Timeline(imageWaitMs, runtimeStartMs, ms); }
    }

    /** Where and how the invocation ran, beyond its result. */
    record Context(InvocationRequest request, String version, String architecture, int ephemeralStorageMb,
                   boolean provisioned, String traceId) { }

    void record(InvocationResult r, Context c, Timeline t) {
        String group = LogStore.groupOf(r.functionName());
        long now = System.currentTimeMillis();
        List<LogEvent> events = new ArrayList<>(r.logLines().size());
        for (String line : r.logLines()) {
            events.add(LogEvent.of(group, r.logStream(), now, r.requestId(), line));
        }
        logs.append(events);
        String qualifier = c.request().qualifier();
        logs.recordInvocation(new InvocationRecord(r.requestId(), r.functionName(), r.logStream(), r.startEpochMs(),
                r.durationMs(), r.billedDurationMs(), r.memorySizeMb(), r.maxMemoryUsedMb(), r.initDurationMs(),
                r.status().name(), r.errorType(), c.request().invocationType(),
                qualifier == null || qualifier.isEmpty() ? null : qualifier, c.version(), c.architecture(),
                c.ephemeralStorageMb(), c.provisioned(), c.traceId(), t.imageWaitMs(), t.runtimeStartMs(),
                t.overheadMs()));
    }
}
