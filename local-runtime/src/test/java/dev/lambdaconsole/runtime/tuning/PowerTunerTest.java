package dev.lambdaconsole.runtime.tuning;

import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.backend.HostArchitecture;
import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Power tuning on the real engine with the process backend. */
class PowerTunerTest {
    static final String OTHER_ARCH = "x86_64".equals(HostArchitecture.current()) ? "arm64" : "x86_64";
    @TempDir Path workspace;
    TestRuntime rt;
    PowerTuner tuner;

    @BeforeEach
    void start() {
        rt = new TestRuntime(workspace);
        rt.runtime().workspace().create(FunctionConfig.builder("sized").runtime("python3.12").handler("app.handler")
                .memorySize(640).timeout(10).build(), CodeSource.files(Map.of("app.py", """
                import os, time
                def handler(event, context):
                    if event.get("fail"):
                        raise ValueError("asked to fail")
                    time.sleep(event.get("sleep", 0))
                    return {"memory": os.environ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"],
                            "limit": context.memory_limit_in_mb}
                """)));
        rt.runtime().workspace().events().save("sized", "quick", "{\"sleep\": 0}");
        rt.runtime().workspace().events().save("sized", "failing", "{\"fail\": true}");
        rt.runtime().workspace().events().save("sized", "slow", "{\"sleep\": 5}");
        tuner = new PowerTuner(rt.runtime().engine());
    }

    @AfterEach
    void stop() {
        if (rt != null) rt.close();
    }

    private List<InvocationRecord> records() {
        rt.runtime().logs().flush();
        return rt.runtime().logs().invocations("sized", 1000);
    }

    @Test
    void eachSizeRunsInItsOwnEnvironmentsWithThatMemoryAndTheFunctionStaysAsItWas() throws Exception {
        String before = Files.readString(workspace.resolve("functions/sized/function.json"));
        List<TuningProgress> progress = new ArrayList<>();
        TuningRun run = tuner.run(TuningPlan.of("sized", "quick", 5, List.of(256, 128),
                List.of(HostArchitecture.current(), OTHER_ARCH), Strategy.COST), progress::add, new TuningCancel());

        assertThat(run.state()).isEqualTo(TuningRun.State.COMPLETED);
        assertThat(run.variants()).extracting(VariantStats::memoryMb).containsExactly(128, 256);
        assertThat(run.variants()).allSatisfy(v -> {
            assertThat(v.samples()).hasSize(5).allMatch(s -> !s.failed());
            assertThat(v.kept()).isEqualTo(3); // floor(5 × 0.2) = 1 dropped at each end
            assertThat(v.architecture()).isEqualTo(HostArchitecture.current());
            assertThat(v.averageCostUsd()).isPositive();
        });
        // each size's environments saw that memory; the first invocation of each was a cold start
        List<InvocationRecord> records = records();
        assertThat(records).hasSize(10).allMatch(r -> r.invocationType().equals("PowerTuning"));
        assertThat(records).filteredOn(r -> r.memorySizeMb() == 128).hasSize(5);
        assertThat(records).filteredOn(r -> r.memorySizeMb() == 256).hasSize(5);
        assertThat(run.variants()).allSatisfy(v -> assertThat(v.samples().get(0).initMs()).isNotNull());
        assertThat(Files.readString(workspace.resolve("functions/sized/function.json"))).isEqualTo(before);
        assertThat(rt.runtime().engine().environments("sized")).isEmpty();
        assertThat(Json.MAPPER.readTree(rt.invoke("sized", "{}").payload()).get("memory").asText()).isEqualTo("640");

        // the process backend says what it cannot do
        assertThat(run.memoryLimited()).isFalse();
        assertThat(run.notes()).anyMatch(n -> n.startsWith("The process backend cannot limit memory"))
                .anyMatch(n -> n.startsWith(OTHER_ARCH + " skipped: the process backend runs functions as this "
                        + "machine's own " + HostArchitecture.current() + " processes"));
        assertThat(run.recommendation()).isNotNull();
        assertThat(run.recommendation().reason()).contains("the lowest average cost of 2 sizes");
        assertThat(progress.get(progress.size() - 1)).satisfies(p -> {
            assertThat(p.done()).isEqualTo(10);
            assertThat(p.total()).isEqualTo(10);
            assertThat(p.current()).isEqualTo("Done");
        });

        // saved, and read back as it was
        List<TuningRun> saved = tuner.store().list("sized");
        assertThat(saved).hasSize(1);
        assertThat(Json.write(saved.get(0))).isEqualTo(Json.write(run));
        assertThat(Files.list(workspace.resolve("functions/sized/.tuning")).map(p -> p.getFileName().toString()))
                .containsExactly(run.id() + ".json");
    }

    @Test
    void cancelStopsTheInvocationUnderWayAndRunsNoMore() {
        TuningCancel cancel = new TuningCancel();
        long before = ProcessHandle.current().descendants().count();
        List<TuningProgress> seen = new ArrayList<>();
        TuningRun run = tuner.run(TuningPlan.of("sized", "slow", 3, List.of(128, 256),
                List.of(HostArchitecture.current()), Strategy.SPEED), p -> {
            seen.add(p);
            if (p.current().endsWith("invocation 1 of 3")) {
                new Thread(() -> {
                    sleep(500);
                    cancel.cancel();
                }).start();
            }
        }, cancel);

        assertThat(run.state()).isEqualTo(TuningRun.State.CANCELLED);
        assertThat(run.variants()).isEmpty();
        assertThat(run.recommendation()).isNull();
        assertThat(seen.get(seen.size() - 1).current()).isEqualTo("Cancelled");
        assertThat(tuner.store().list("sized")).extracting(TuningRun::state).containsExactly(TuningRun.State.CANCELLED);
        // the 5 s invocation did not finish: its environment was stopped under it
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.current().descendants().count() <= before);
        assertThat(records()).hasSizeLessThanOrEqualTo(1).noneMatch(r -> "SUCCESS".equals(r.status()));
    }

    @Test
    void failedInvocationsAreCountedAndSuchASizeIsNotRecommended() {
        TuningRun run = tuner.run(TuningPlan.of("sized", "failing", 2, List.of(128),
                List.of(HostArchitecture.current()), Strategy.COST), p -> { }, new TuningCancel());
        assertThat(run.state()).isEqualTo(TuningRun.State.COMPLETED);
        assertThat(run.variants().get(0).failures()).isEqualTo(2);
        assertThat(run.variants().get(0).firstError()).isEqualTo("ValueError");
        assertThat(run.recommendation()).isNull();
        assertThat(run.summary()).isEqualTo("1 variant × 2 invocations, no size ran without errors");
    }

    @Test
    void codeDeployedDuringARunIsNoted() {
        TuningRun run = tuner.run(TuningPlan.of("sized", "quick", 1, List.of(128, 256),
                List.of(HostArchitecture.current()), Strategy.COST), p -> {
            if (p.current().equals("128 MB " + HostArchitecture.current() + " done")) {
                try {
                    Files.writeString(workspace.resolve("functions/sized/code/extra.py"), "X = 1\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                rt.runtime().workspace().codeChanged("sized");
            }
        }, new TuningCancel());
        assertThat(run.notes()).contains(
                "The function's code was deployed during the run: sizes started after that ran the new code.");
    }

    @Test
    void aFunctionDeletedDuringARunEndsItWithoutLeavingAFolderBehind() {
        assertThatThrownBy(() -> tuner.run(TuningPlan.of("sized", "quick", 2, List.of(128, 256),
                List.of(HostArchitecture.current()), Strategy.COST), p -> {
            if (p.current().endsWith("invocation 2 of 2") && rt.runtime().workspace().exists("sized")) {
                rt.runtime().workspace().delete("sized");
            }
        }, new TuningCancel())).hasMessage("The function sized was deleted during the run");
        assertThat(workspace.resolve("functions/sized")).doesNotExist();
        assertThat(rt.runtime().workspace().list()).isEmpty();
    }

    @Test
    void aPlanThatBreaksARuleSaysWhichAndRunsNothing() {
        assertThatThrownBy(() -> tuner.run(TuningPlan.of("sized", "quick", 0, List.of(64), List.of("sparc"),
                Strategy.COST), p -> { }, new TuningCancel()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Invocations: must be between 1 and 1000 (got '0'); Memory size: must be between 128 MB "
                        + "and 10240 MB (got '64'); Architecture: must be x86_64 or arm64 (got 'sparc')");
        assertThatThrownBy(() -> tuner.run(TuningPlan.of("sized", "quick", 1, List.of(128), List.of(OTHER_ARCH),
                Strategy.COST), p -> { }, new TuningCancel()))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Architectures: none of them can run on this backend: " + OTHER_ARCH + " skipped");
        assertThat(records()).isEmpty();
        assertThat(tuner.store().list("sized")).isEmpty();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
