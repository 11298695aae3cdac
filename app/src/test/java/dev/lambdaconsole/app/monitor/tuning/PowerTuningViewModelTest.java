package dev.lambdaconsole.app.monitor.tuning;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.tuning.PowerTuner;
import dev.lambdaconsole.runtime.tuning.Strategy;
import dev.lambdaconsole.runtime.tuning.TuningRun;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Power tuning sub-tab without a toolkit: a real engine (process backend), work run on the test's thread. */
class PowerTuningViewModelTest {
    @TempDir Path workspace;
    LocalRuntime runtime;
    PowerTuningViewModel vm;

    @BeforeEach
    void start() {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace).withPort(0)
                .withServices(List.of()));
        runtime.workspace().create(FunctionConfig.builder("fn").runtime("python3.12").handler("app.handler").build(),
                CodeSource.files(Map.of("app.py", """
                        import time
                        def handler(event, context):
                            time.sleep(event.get("sleep", 0))
                            return {"ok": True}
                        """)));
        vm = new PowerTuningViewModel("fn", new PowerTuner(runtime.engine()), runtime.workspace().events(),
                TaskRunner.synchronous());
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private void choose(int... sizes) {
        List<String> wanted = java.util.Arrays.stream(sizes).mapToObj(Integer::toString).toList();
        vm.sizes().forEach(s -> s.chosenProperty().set(wanted.contains(s.value())));
    }

    @Test
    void withoutASavedEventItSaysWhatToDoAndRunsNothing() {
        vm.refresh();
        assertThat(vm.eventNames()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(
                "Save a test event in the Test tab first: a tuning run invokes one of them.");
        vm.run();
        assertThat(vm.messageProperty().get()).isEqualTo("Test event: choose a saved test event");
        assertThat(vm.history()).isEmpty();
    }

    @Test
    void theFormOffersTheEventsAndSaysWhatTheProcessBackendCannotDo() {
        runtime.workspace().events().save("fn", "second", "{}");
        runtime.workspace().events().save("fn", "first", "{}");
        vm.refresh();
        assertThat(vm.eventNames()).containsExactly("first", "second");
        assertThat(vm.eventProperty().get()).isEqualTo("first");
        assertThat(vm.sizes()).extracting(SizeOption::label)
                .containsExactly("128 MB", "256 MB", "512 MB", "1024 MB", "1536 MB", "3008 MB");
        SizeOption host = vm.architectures().stream().filter(a -> a.unavailableProperty().get() == null).findFirst()
                .orElseThrow();
        SizeOption other = vm.architectures().stream().filter(a -> a != host).findFirst().orElseThrow();
        assertThat(other.unavailableProperty().get()).startsWith("the process backend runs functions as this machine's own");
        assertThat(other.chosen()).isFalse();
        assertThat(vm.backendNotesProperty().get()).startsWith("The process backend cannot limit memory")
                .contains(other.value() + " cannot run here: ");
        assertThat(vm.plan().architectures()).containsExactly(host.value());
    }

    @Test
    void aRunFillsTheTableTheRecommendationAndTheHistory() {
        runtime.workspace().events().save("fn", "quick", "{}");
        vm.refresh();
        choose(128, 256);
        vm.invocationsProperty().set(3);
        vm.strategyProperty().set(Strategy.SPEED);
        vm.run();

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.rows()).extracting(VariantRow::memoryLabel).containsExactly("128 MB", "256 MB");
        assertThat(vm.rows()).allSatisfy(r -> {
            assertThat(r.invocations()).isEqualTo("3 of 3");
            assertThat(r.duration()).endsWith(" ms");
            assertThat(r.cost()).startsWith("$");
            assertThat(r.errors()).isEmpty();
        });
        assertThat(vm.rows()).filteredOn(VariantRow::recommended).hasSize(1);
        VariantRow best = vm.rows().stream().filter(VariantRow::recommended).findFirst().orElseThrow();
        assertThat(vm.recommendationProperty().get()).startsWith("Recommended (speed): " + best.label()
                + ": the lowest average duration of 2 sizes");
        // the form already says that this backend cannot limit memory: the run's notes do not repeat it
        assertThat(vm.shownProperty().get().notes()).anyMatch(n -> n.contains("cannot limit memory"));
        assertThat(vm.runNotesProperty().get()).isEqualTo("Estimate · US East (N. Virginia) prices of 2026-08-01.");
        assertThat(vm.history()).hasSize(1);
        assertThat(PowerTuningViewModel.describe(vm.history().get(0))).endsWith(
                " · quick\n2 variants × 3 invocations, speed: " + best.label());

        // a second run comes first in the history; the first one can be shown again
        choose(512);
        vm.invocationsProperty().set(1);
        List<String> recommendationsWhileRunning = new java.util.ArrayList<>();
        vm.progressTextProperty().addListener((o, was, now) -> recommendationsWhileRunning.add(
                vm.recommendationProperty().get()));
        vm.run();
        assertThat(recommendationsWhileRunning).as("the last run's recommendation is not shown beside this one's sizes")
                .isNotEmpty().containsOnly("");
        assertThat(vm.history()).hasSize(2);
        assertThat(vm.rows()).extracting(VariantRow::memoryLabel).containsExactly("512 MB");
        vm.show(vm.history().get(1));
        assertThat(vm.rows()).extracting(VariantRow::memoryLabel).containsExactly("128 MB", "256 MB");

        // and both are there for the next console
        PowerTuningViewModel later = new PowerTuningViewModel("fn", new PowerTuner(runtime.engine()),
                runtime.workspace().events(), TaskRunner.synchronous());
        later.refresh();
        assertThat(later.history()).extracting(TuningRun::invocations).containsExactly(1, 3);
        assertThat(later.rows()).extracting(VariantRow::memoryLabel).containsExactly("512 MB");
    }

    @Test
    void cancelStopsTheRunAndSaysSo() {
        runtime.workspace().events().save("fn", "slow", "{\"sleep\": 0.2}");
        vm.refresh();
        choose(128, 256, 512);
        vm.invocationsProperty().set(3);
        vm.progressTextProperty().addListener((o, was, now) -> {
            if (now.startsWith("256 MB")) vm.cancel();
        });
        vm.run();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.shownProperty().get().state()).isEqualTo(TuningRun.State.CANCELLED);
        assertThat(vm.rows()).extracting(VariantRow::memoryLabel).containsExactly("128 MB");
        assertThat(vm.recommendationProperty().get()).startsWith("Cancelled after 1 size. Recommended (cost): 128 MB");
    }

    @Test
    void theMonitorListsTuningInvocationsAsSuch() {
        runtime.workspace().events().save("fn", "quick", "{}");
        vm.refresh();
        choose(128);
        vm.invocationsProperty().set(2);
        vm.run();
        runtime.logs().flush();
        dev.lambdaconsole.app.monitor.MonitorViewModel monitor = new dev.lambdaconsole.app.monitor.MonitorViewModel(
                "fn", runtime.logs(), TaskRunner.synchronous());
        monitor.refresh();
        assertThat(monitor.invocations()).hasSize(2).allSatisfy(row -> {
            assertThat(row.type()).isEqualTo("Tuning");
            assertThat(row.maxMemory()).endsWith(" / 128 MB");
        });
        monitor.close();
    }

    @Test
    void aPlanWithoutSizesIsRefusedWithTheRule() {
        runtime.workspace().events().save("fn", "quick", "{}");
        vm.refresh();
        choose();
        vm.run();
        assertThat(vm.messageProperty().get()).isEqualTo("Memory sizes: choose at least one");
        assertThat(vm.history()).isEmpty();
    }
}
