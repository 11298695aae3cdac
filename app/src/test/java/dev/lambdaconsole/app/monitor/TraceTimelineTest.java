package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.runtime.logs.InvocationRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The segments of a trace, computed from invocation records as the engine writes them. */
class TraceTimelineTest {
    static final String TRACE = "Root=1-6751a2b3-0123456789abcdef01234567;Parent=89abcdef01234567;Sampled=0";

    static InvocationRecord record(String id, Double init, String status, Double image, Double start, Double overhead) {
        return new InvocationRecord(id, "orders", "2026/12/04/[$LATEST]abc", 1_733_300_000_000L, 12.5, 263, 256,
                40, init, status, "SUCCESS".equals(status) ? null : "ValueError", "RequestResponse", null, "$LATEST",
                "x86_64", 512, false, TRACE, image, start, overhead);
    }

    @Test
    void aColdStartWithEveryPhaseMeasuredIsLaidOutEndToEnd() {
        TraceTimeline t = TraceTimeline.of(record("r1", 250.0, "SUCCESS", 1500.0, 40.0, 1.2));

        assertThat(t.segments()).extracting(TraceSegment::name).containsExactly("orders", "Image preparation",
                "orders", "Initialization", "Environment start", "Invocation", "Overhead");
        assertThat(t.segments()).extracting(TraceSegment::origin).containsExactly("AWS::Lambda", "platform",
                "AWS::Lambda::Function", "", "platform", "", "");
        assertThat(t.segments()).extracting(TraceSegment::depth).containsExactly(0, 1, 1, 2, 3, 2, 2);
        assertThat(t.totalMs()).isCloseTo(1500 + 250 + 12.5 + 1.2, within(1e-9));
        TraceSegment function = t.segments().get(2);
        assertThat(function.startMs()).isEqualTo(1500);
        assertThat(function.durationMs()).isCloseTo(263.7, within(1e-9));
        TraceSegment init = t.segment("Initialization").orElseThrow();
        assertThat(init.startMs()).isEqualTo(1500);
        assertThat(init.duration()).isEqualTo("250.00 ms");
        assertThat(t.segment("Environment start").orElseThrow().endMs()).isEqualTo(1540);
        TraceSegment invocation = t.segment("Invocation").orElseThrow();
        assertThat(invocation.startMs()).isEqualTo(1750);
        assertThat(invocation.duration()).isEqualTo("12.50 ms");
        assertThat(t.segment("Overhead").orElseThrow().startMs()).isEqualTo(1762.5);
        // proportional bars: where each starts and how much of the trace it takes
        assertThat(t.offset(invocation)).isCloseTo(1750 / 1763.7, within(1e-12));
        assertThat(t.width(invocation)).isCloseTo(12.5 / 1763.7, within(1e-12));
        assertThat(t.width(t.segments().get(0))).isEqualTo(1.0);
        assertThat(t.unrecorded()).isEmpty();
        assertThat(init.tooltip()).isEqualTo("Initialization: 250.00 ms, from 1500.00 ms to 1750.00 ms. Cold start: "
                + "starting the runtime and running the function's code outside the handler (Init Duration, billed).");
    }

    @Test
    void aWarmInvocationIsTheInvocationAloneAndNamesWhatWasNotMeasured() {
        TraceTimeline t = TraceTimeline.of(record("r2", null, "SUCCESS", null, null, null));
        assertThat(t.segments()).extracting(TraceSegment::name).containsExactly("orders", "orders", "Invocation");
        assertThat(t.totalMs()).isEqualTo(12.5);
        assertThat(t.offset(t.segment("Invocation").orElseThrow())).isZero();
        assertThat(t.unrecorded()).containsExactly("overhead");

        TraceTimeline coldUnmeasured = TraceTimeline.of(record("r3", 80.0, "SUCCESS", null, null, null));
        assertThat(coldUnmeasured.segments()).extracting(TraceSegment::name)
                .containsExactly("orders", "orders", "Initialization", "Invocation");
        assertThat(coldUnmeasured.unrecorded()).containsExactly("image preparation", "environment start", "overhead");
        assertThat(TraceTimeline.of(record("r4", 80.0, "SUCCESS", 0.0, 10.0, 0.0)).unrecorded())
                .as("measured as nothing is not missing").isEmpty();
    }

    @Test
    void failuresMarkTheSegmentThatFailed() {
        TraceTimeline error = TraceTimeline.of(record("r5", null, "ERROR", null, null, 0.5));
        assertThat(error.segment("Invocation").orElseThrow().failed()).isTrue();
        assertThat(error.segment("Invocation").orElseThrow().description())
                .isEqualTo("The handler ended with an error (ValueError).");
        assertThat(error.segments().get(0).failed()).isTrue();

        TraceTimeline init = TraceTimeline.of(record("r6", 30.0, "INIT_ERROR", null, 5.0, null));
        assertThat(init.segment("Initialization").orElseThrow().failed()).isTrue();
        assertThat(init.segment("Invocation").orElseThrow().failed()).isFalse();
    }

    @Test
    void theTraceIdIsShownByItsRoot() {
        assertThat(TraceTimeline.root(TRACE)).isEqualTo("1-6751a2b3-0123456789abcdef01234567");
        assertThat(TraceTimeline.root(null)).isEmpty();
        TraceRow row = TraceRow.of(InvocationRow.of(record("r7", 250.0, "SUCCESS", null, null, null)));
        assertThat(row.traceId()).isEqualTo("1-6751a2b3-0123456789abcdef01234567");
        assertThat(row.duration()).isEqualTo("12.50 ms");
        assertThat(row.total()).isEqualTo("262.50 ms");
        assertThat(row.startType()).isEqualTo("Cold");
        assertThat(row.status()).isEqualTo("Success");
        InvocationRecord old = new InvocationRecord("r8", "orders", "s", 0, 1, 1, 128, 1, null, "SUCCESS", null, "Event");
        assertThat(TraceRow.of(InvocationRow.of(old)).traceId()).isEqualTo("(no trace id recorded)");
    }
}
