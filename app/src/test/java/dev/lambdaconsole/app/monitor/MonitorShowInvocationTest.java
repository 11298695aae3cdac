package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Showing one invocation by request id (from the trigger activity): listed, older than the list, or not yet ended. */
class MonitorShowInvocationTest {
    @TempDir Path workspace;
    UiQueue ui;
    TestConsole console;
    MonitorViewModel vm;
    LogStore store;

    @BeforeEach
    void start() {
        ui = new UiQueue();
        console = new TestConsole(workspace, "process", ui);
        console.runtime.workspace().create(FunctionConfig.builder("orders").runtime("python3.12")
                .handler("app.handler").build(), CodeSource.files(Map.of("app.py", "def handler(e, c):\n    return e\n")));
        store = console.services.logs();
    }

    @AfterEach
    void stop() {
        if (vm != null) vm.close();
        console.close();
    }

    private static InvocationRecord record(String id, long startMs) {
        return new InvocationRecord(id, "orders", "2026/12/03/[$LATEST]abc", startMs, 1.5, 2, 128, 40, null,
                "SUCCESS", null, "RequestResponse");
    }

    @Test
    void anInvocationOlderThanTheListedOnesIsReadAndChosen() {
        long t0 = System.currentTimeMillis() - 1_000_000;
        for (int i = 0; i < MonitorViewModel.LIMIT + 5; i++) store.recordInvocation(record("id-" + i, t0 + i * 1000L));
        store.flush();
        vm = new MonitorViewModel("orders", store, ui);
        vm.refresh();
        ui.runPending();
        assertThat(vm.invocations()).hasSize(MonitorViewModel.LIMIT);
        assertThat(vm.invocations()).extracting(InvocationRow::requestId).doesNotContain("id-2");

        vm.showInvocation("id-2");
        assertThat(vm.selectedInvocationProperty().get()).isEqualTo("id-2");
        assertThat(vm.invocations().get(vm.invocations().size() - 1).requestId()).isEqualTo("id-2");
        assertThat(vm.logs().requestIdProperty().get()).isEqualTo("id-2");
        assertThat(vm.messageProperty().get()).isEmpty();

        vm.showInvocation("id-150");
        assertThat(vm.selectedInvocationProperty().get()).isEqualTo("id-150");
    }

    @Test
    void anInvocationNotRecordedYetIsChosenWhenItsRecordArrives() {
        vm = new MonitorViewModel("orders", store, ui);
        vm.refresh();
        ui.runPending();
        vm.showInvocation("still-running");
        assertThat(vm.selectedInvocationProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("Invocation still-running has no record yet: its logs are "
                + "shown, its row appears when it ends.");
        assertThat(vm.logs().requestIdProperty().get()).isEqualTo("still-running");

        store.recordInvocation(record("still-running", System.currentTimeMillis()));
        store.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ui.runPending();
            return "still-running".equals(vm.selectedInvocationProperty().get());
        });
        assertThat(vm.invocations()).extracting(InvocationRow::requestId).containsExactly("still-running");
        assertThat(vm.messageProperty().get()).isEmpty();
    }
}
