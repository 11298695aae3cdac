package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Traces list: the Monitor's invocations as traces, filtered, with the chosen one's timeline. */
class TracesViewModelTest {
    @TempDir Path workspace;

    static InvocationRow row(String id, Double init, String status) {
        return InvocationRow.of(TraceTimelineTest.record(id, init, status, null, null, null));
    }

    @Test
    void coldStartsAndErrorsFilterTheListAndTheChosenTraceStaysChosen() {
        ObservableList<InvocationRow> invocations = FXCollections.observableArrayList(
                row("warm-ok", null, "SUCCESS"), row("cold-error", 90.0, "ERROR"), row("cold-ok", 80.0, "SUCCESS"));
        TracesViewModel vm = new TracesViewModel(invocations);
        assertThat(vm.traces()).extracting(TraceRow::requestId).containsExactly("warm-ok", "cold-error", "cold-ok");
        assertThat(vm.countProperty().get()).isEqualTo("3 of 3 recent traces");
        assertThat(vm.select("cold-error")).isTrue();
        assertThat(vm.timelineProperty().get().segment("Initialization").orElseThrow().duration()).isEqualTo("90.00 ms");
        assertThat(vm.unrecordedProperty().get())
                .isEqualTo("Not recorded for this invocation: image preparation, environment start, overhead.");

        vm.coldOnlyProperty().set(true);
        assertThat(vm.traces()).extracting(TraceRow::requestId).containsExactly("cold-error", "cold-ok");
        assertThat(vm.countProperty().get()).isEqualTo("2 of 3 recent traces: cold starts");
        vm.errorsOnlyProperty().set(true);
        assertThat(vm.traces()).extracting(TraceRow::requestId).containsExactly("cold-error");
        assertThat(vm.selectedProperty().get().requestId()).isEqualTo("cold-error");

        invocations.add(0, row("new-error", null, "TIMEOUT"));
        vm.coldOnlyProperty().set(false);
        assertThat(vm.traces()).extracting(TraceRow::requestId).containsExactly("new-error", "cold-error");
        assertThat(vm.selectedProperty().get().requestId()).as("still chosen after the list changed").isEqualTo("cold-error");

        vm.errorsOnlyProperty().set(false);
        vm.coldOnlyProperty().set(true);
        vm.errorsOnlyProperty().set(true);
        vm.select("cold-ok");
        assertThat(vm.selectedProperty().get().requestId()).isEqualTo("cold-error");
        vm.errorsOnlyProperty().set(false);
        vm.select("cold-ok");
        vm.errorsOnlyProperty().set(true);
        assertThat(vm.selectedProperty().get()).as("filtered out: nothing chosen").isNull();
        assertThat(vm.timelineProperty().get()).isNull();
        vm.close();
        invocations.clear();
        assertThat(vm.traces()).isNotEmpty();
    }

    @Test
    void aRealInvocationsTraceHasTheIdTheFunctionSawAndItsMeasuredPhases() throws Exception {
        UiQueue ui = new UiQueue();
        try (TestConsole console = new TestConsole(workspace, "process", ui)) {
            console.runtime.workspace().create(FunctionConfig.builder("traced").runtime("python3.12")
                    .handler("app.handler").build(), CodeSource.files(Map.of("app.py", """
                    import os
                    def handler(event, context):
                        return {"trace": os.environ["_X_AMZN_TRACE_ID"]}
                    """)));
            MonitorViewModel monitor = new MonitorViewModel("traced", console.services.logs(), ui);
            TracesViewModel vm = new TracesViewModel(monitor.invocations());
            monitor.refresh();
            InvocationResult cold = console.services.engine().invokeSync(
                    InvocationRequest.of("traced", "{}".getBytes(StandardCharsets.UTF_8)));
            InvocationResult warm = console.services.engine().invokeSync(
                    InvocationRequest.of("traced", "{}".getBytes(StandardCharsets.UTF_8)));
            console.services.logs().flush();
            ui.runPending();

            assertThat(vm.traces()).extracting(TraceRow::requestId).containsExactly(warm.requestId(), cold.requestId());
            String seen = Json.MAPPER.readTree(cold.payload()).get("trace").asText();
            assertThat(vm.select(cold.requestId())).isTrue();
            TraceTimeline t = vm.timelineProperty().get();
            assertThat(t.traceId()).isEqualTo(seen);
            assertThat(vm.selectedProperty().get().traceId()).isEqualTo(TraceTimeline.root(seen));
            assertThat(t.segment("Initialization").orElseThrow().durationMs()).isEqualTo(cold.initDurationMs());
            TraceSegment invocation = t.segment("Invocation").orElseThrow();
            assertThat(invocation.durationMs()).isEqualTo(cold.durationMs());
            assertThat(invocation.startMs()).as("after init").isGreaterThanOrEqualTo(cold.initDurationMs());
            InvocationRecord record = vm.selectedProperty().get().invocation().record();
            assertThat(t.totalMs()).isGreaterThanOrEqualTo(cold.initDurationMs() + cold.durationMs())
                    .isEqualTo(t.segments().get(0).durationMs());
            assertThat(record.coldStart()).isTrue();

            vm.coldOnlyProperty().set(true);
            assertThat(vm.traces()).extracting(TraceRow::requestId).containsExactly(cold.requestId());
            vm.close();
            monitor.close();
        }
    }
}
