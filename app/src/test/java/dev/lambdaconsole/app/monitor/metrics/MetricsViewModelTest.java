package dev.lambdaconsole.app.monitor.metrics;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Metrics sub-tab's view model on a real engine and its metrics, without the toolkit. */
class MetricsViewModelTest {
    @TempDir Path workspace;
    Ui ui;
    TestConsole console;
    MetricsViewModel vm;

    /** Work at once; UI updates from other threads (the store's writer) wait until the test runs them. */
    static final class Ui implements TaskRunner {
        final TaskRunner now = TaskRunner.synchronous();
        final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
        final Thread owner = Thread.currentThread();

        @Override public <T> Task<T> run(Callable<T> work) { return now.run(work); }

        @Override public void onUi(Runnable update) {
            if (Thread.currentThread() == owner) update.run(); else pending.add(update);
        }

        int runPending() {
            int n = 0;
            for (Runnable r; (r = pending.poll()) != null; n++) r.run();
            return n;
        }
    }

    @BeforeEach
    void start() {
        ui = new Ui();
        console = new TestConsole(workspace, "process", ui);
        console.runtime.workspace().create(FunctionConfig.builder("orders").runtime("python3.12")
                .handler("app.handler").build(), CodeSource.files(Map.of("app.py", """
                def handler(event, context):
                    if event.get("fail"):
                        raise ValueError("no order")
                    return {"ok": True}
                """)));
        vm = new MetricsViewModel("orders", console.runtime.metrics(), ui);
    }

    @AfterEach
    void stop() {
        vm.close();
        console.close();
    }

    void invoke(String json) {
        console.services.engine().invokeSync(InvocationRequest.of("orders", json.getBytes(StandardCharsets.UTF_8)));
    }

    MetricChart chart(String id) {
        return vm.charts().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theConsolesChartsShowTheInvocationsErrorsAndDurations() {
        for (int i = 0; i < 3; i++) invoke("{}");
        invoke("{\"fail\": true}");
        console.runtime.metrics().flush();
        vm.refresh();
        assertThat(vm.charts()).extracting(MetricChart::title).containsExactly("Invocations", "Duration",
                "Error count and success rate (%)", "Throttles", "Async delivery failures", "Iterator age",
                "Concurrent executions");
        assertThat(chart("Invocations").caption()).isEqualTo("Total 4");
        assertThat(chart("Errors").caption()).isEqualTo("Errors 1, success rate 75.0 %");
        assertThat(chart("Duration").caption()).matches("Average \\d+\\.\\d\\d ms, max \\d+\\.\\d\\d ms");
        assertThat(chart("Duration").lines()).extracting(MetricChart.Line::name).containsExactly("Minimum", "Average", "Maximum");
        assertThat(chart("ConcurrentExecutions").caption()).isEqualTo("Max 1");
        assertThat(chart("Throttles").caption()).isEqualTo("Total 0");
        assertThat(chart("IteratorAge").caption()).isEqualTo("No stream batches");

        MetricChart invocations = chart("Invocations");
        double at = invocations.lines().get(0).xs()[indexOfMax(invocations.lines().get(0).ys())];
        assertThat(vm.valueAt(invocations, at + 5_000)).endsWith(" · Invocations 4");
        assertThat(vm.valueAt(chart("Errors"), at)).contains("Errors 1").contains("Success rate (%) 75.0 %");
    }

    static int indexOfMax(double[] ys) {
        int best = 0;
        for (int i = 1; i < ys.length; i++) if (ys[i] > ys[best]) best = i;
        return best;
    }

    @Test
    void newInvocationsUpdateTheChartsOncePerBurst() {
        vm.refresh();
        assertThat(chart("Invocations").caption()).isEqualTo("Total 0");
        for (int i = 0; i < 5; i++) invoke("{}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ui.runPending();
            assertThat(chart("Invocations").caption()).isEqualTo("Total 5");
        });
    }

    @Test
    void theRangeSetsTheChartsSpanAndPeriod() {
        invoke("{}");
        console.runtime.metrics().flush();
        for (MetricsRange r : MetricsRange.values()) {
            vm.rangeProperty().set(r);
            MetricChart invocations = chart("Invocations");
            assertThat(invocations.toMs() - invocations.fromMs()).isEqualTo(r.length().toMillis());
            assertThat(invocations.lines().get(0).size()).isEqualTo((int) (r.length().toMillis() / r.period().toMillis()));
            assertThat(invocations.caption()).isEqualTo("Total 1");
        }
    }

    @Test
    void aChosenVersionOrAliasChartsWhatWasInvokedWithIt() {
        console.runtime.workspace().publishVersion("orders", "first", null, null);
        console.runtime.workspace().createAlias("orders", "live", "1", "", Map.of());
        for (int i = 0; i < 2; i++) invoke("{}");
        for (int i = 0; i < 3; i++) {
            console.services.engine().invokeSync(new InvocationRequest("orders", "live",
                    "{}".getBytes(StandardCharsets.UTF_8), null, null, null));
        }
        console.runtime.metrics().flush();
        vm.refresh();
        assertThat(vm.scope()).isEqualTo("FunctionName orders");
        assertThat(chart("Invocations").caption()).isEqualTo("Total 5");

        vm.qualifierProperty().set("live");
        assertThat(vm.scope()).isEqualTo("Resource orders:live");
        assertThat(chart("Invocations").caption()).isEqualTo("Total 3");

        vm.qualifierProperty().set("1"); // version 1 was only ever run through the alias, never invoked as orders:1
        assertThat(chart("Invocations").caption()).isEqualTo("Total 0");

        vm.qualifierProperty().set(null);
        assertThat(chart("Invocations").caption()).isEqualTo("Total 5");
    }
}
