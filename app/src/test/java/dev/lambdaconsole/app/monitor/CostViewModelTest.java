package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.pricing.LambdaPricing;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Monitor's cost of a function on a real engine and log store, without the toolkit. */
class CostViewModelTest {
    @TempDir Path workspace;
    UiQueue ui;
    TestConsole console;
    final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    CostViewModel vm;

    @BeforeEach
    void start() {
        ui = new UiQueue();
        console = new TestConsole(workspace, "process", ui);
        console.runtime.workspace().create(FunctionConfig.builder("orders").runtime("python3.12")
                .handler("app.handler").memorySize(512).build(), CodeSource.files(Map.of("app.py", """
                def handler(event, context):
                    if event.get("fail"):
                        raise ValueError("no")
                    return {"ok": True}
                """)));
        vm = new CostViewModel("orders", console.services.logs(), console.services.workspace(), ui,
                LambdaPricing.US_EAST_1, now::get);
    }

    @AfterEach
    void stop() {
        vm.close();
        console.close();
    }

    private InvocationResult invoke(String json) {
        InvocationResult r = console.services.engine().invokeSync(
                InvocationRequest.of("orders", json.getBytes(StandardCharsets.UTF_8)));
        console.services.logs().flush();
        return r;
    }

    /** The estimate worked out from the REPORT figures: billed s × 0.5 GB at the first x86 tier, plus the request. */
    private static double price(InvocationResult... results) {
        double usd = 0;
        for (InvocationResult r : results) usd += r.billedDurationMs() / 1000.0 * 0.5 * 0.0000166667 + 0.0000002;
        return usd;
    }

    @Test
    void theRangesInvocationsAreCountedWithTheirGbSecondsAndPriceAndNewOnesAddUp() {
        InvocationResult first = invoke("{}");
        InvocationResult failed = invoke("{\"fail\": true}");
        vm.refresh();

        assertThat(vm.invocationsProperty().get()).isEqualTo("2 invocations (1 cold start, 1 error)");
        double gbs = (first.billedDurationMs() + failed.billedDurationMs()) / 1000.0 * 0.5;
        assertThat(vm.summaryProperty().get().gbSeconds()).isCloseTo(gbs, within(1e-12));
        assertThat(vm.gbSecondsProperty().get()).endsWith(" GB-s");
        assertThat(vm.summaryProperty().get().totalUsd()).isCloseTo(price(first, failed), within(1e-15));
        assertThat(vm.costProperty().get()).isEqualTo("≈ " + LambdaPricing.usd(price(first, failed)));
        assertThat(vm.costDetailProperty().get()).endsWith("(estimate, US East (N. Virginia) prices of 2026-08-01).");
        assertThat(vm.label()).isEqualTo("Estimate · US East (N. Virginia) prices of 2026-08-01");

        InvocationResult third = invoke("{}");
        assertThat(ui.runPending()).as("the store's new record reaches the view model").isPositive();
        assertThat(vm.invocationsProperty().get()).isEqualTo("3 invocations (1 cold start, 1 error)");
        assertThat(vm.summaryProperty().get().totalUsd()).isCloseTo(price(first, failed, third), within(1e-15));
        vm.refresh();
        assertThat(vm.summaryProperty().get().invocations()).as("counted once").isEqualTo(3);
    }

    @Test
    void aTimeRangeLeavesOutOlderInvocations() {
        invoke("{}");
        invoke("{}");
        now.addAndGet(10 * 60_000); // ten minutes later
        vm.rangeProperty().set(TimeRange.LAST_5_MINUTES);
        assertThat(vm.invocationsProperty().get()).isEqualTo("0 invocations (0 cold starts, 0 errors)");
        assertThat(vm.costProperty().get()).isEqualTo("≈ $0");
        assertThat(vm.problemProperty().get()).startsWith("Type an average duration in ms");
        vm.rangeProperty().set(TimeRange.LAST_15_MINUTES);
        assertThat(vm.summaryProperty().get().invocations()).isEqualTo(2);
    }

    @Test
    void theMonthlyProjectionTakesTheRecordsAverageOrATypedOneAndFollowsTheConfiguration() {
        InvocationResult a = invoke("{}");
        InvocationResult b = invoke("{}");
        vm.refresh();
        long average = (long) Math.ceil((a.billedDurationMs() + b.billedDurationMs()) / 2.0);
        assertThat(vm.averageHintProperty().get()).isEqualTo(average + " ms, the average billed duration in range");
        assertThat(vm.basisProperty().get()).isEqualTo("1,000,000 invocations a month of " + average
                + " ms (the average billed duration in range) at 512 MB, x86_64, 512 MB ephemeral storage, "
                + "no provisioned concurrency");

        vm.monthlyInvocationsProperty().set("3000000");
        vm.averageDurationProperty().set("200");
        // 3e6 × 0.2 s × 0.5 GB = 300,000 GB-s: $5.00001 of duration, $0.60 of requests; the free tier takes
        // 1 M requests and all 300,000 GB-s
        assertThat(vm.withoutFreeTierProperty().get()).isEqualTo("≈ $5.60 a month");
        assertThat(vm.withFreeTierProperty().get()).isEqualTo("≈ $0.40 a month");
        assertThat(vm.withoutFreeTierDetailProperty().get()).contains("(300,000 GB-s)");

        console.services.workspace().updateConfiguration("orders", c -> c.provisionedConcurrentExecutions(1));
        ui.runPending();
        // 1 × 0.5 GB × 2,628,000 s at $0.0000041667 = $5.475; duration at $0.0000097222: $2.92
        assertThat(vm.withFreeTierProperty().get()).isEqualTo("≈ $8.79 a month");
        assertThat(vm.basisProperty().get()).endsWith("1 provisioned environment all month");

        vm.monthlyInvocationsProperty().set("many");
        assertThat(vm.problemProperty().get()).startsWith("Invocations per month must be a number");
        assertThat(vm.withFreeTierProperty().get()).isEmpty();
    }
}
