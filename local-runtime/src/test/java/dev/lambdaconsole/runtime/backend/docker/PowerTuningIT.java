package dev.lambdaconsole.runtime.backend.docker;

import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.backend.HostArchitecture;
import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogQuery;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.tuning.PowerTuner;
import dev.lambdaconsole.runtime.tuning.Sample;
import dev.lambdaconsole.runtime.tuning.Strategy;
import dev.lambdaconsole.runtime.tuning.TuningCancel;
import dev.lambdaconsole.runtime.tuning.TuningPlan;
import dev.lambdaconsole.runtime.tuning.TuningRun;
import dev.lambdaconsole.runtime.tuning.VariantStats;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Power tuning on Docker: every size runs in containers limited to that memory, the function left as it was. */
class PowerTuningIT {
    @TempDir Path workspace;

    @Test
    void twoSizesRunInContainersWithTheirOwnMemoryLimits() throws Exception {
        try (TestRuntime rt = DockerEngine.start(workspace)) {
            rt.runtime().workspace().create(FunctionConfig.builder("cgroup").runtime("python3.12")
                    .handler("app.handler").timeout(30).build(), CodeSource.files(Map.of("app.py", """
                    import os
                    def limit():
                        for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
                            if os.path.exists(path):
                                return open(path).read().strip()
                        return "none"
                    def cpu():
                        if os.path.exists("/sys/fs/cgroup/cpu.max"):
                            quota, period = open("/sys/fs/cgroup/cpu.max").read().split()
                        else:
                            quota = open("/sys/fs/cgroup/cpu/cpu.cfs_quota_us").read().strip()
                            period = open("/sys/fs/cgroup/cpu/cpu.cfs_period_us").read().strip()
                        return quota + " " + period
                    def handler(event, context):
                        print("memory limit", limit())
                        print("cpu quota and period", cpu())
                        return {"ok": True}
                    """)));
            rt.runtime().workspace().events().save("cgroup", "plain", "{}");
            String before = Files.readString(workspace.resolve("functions/cgroup/function.json"));
            PowerTuner tuner = new PowerTuner(rt.runtime().engine());

            TuningRun run = tuner.run(TuningPlan.of("cgroup", "plain", 3, List.of(128, 256),
                    List.of(HostArchitecture.current()), Strategy.BALANCED), p -> { }, new TuningCancel());

            assertThat(run.state()).isEqualTo(TuningRun.State.COMPLETED);
            assertThat(run.backend()).isEqualTo("docker");
            assertThat(run.memoryLimited()).isTrue();
            assertThat(run.notes()).noneMatch(n -> n.contains("cannot limit memory"));
            assertThat(run.variants()).extracting(VariantStats::memoryMb).containsExactly(128, 256);
            assertThat(run.variants()).allMatch(VariantStats::succeeded);
            assertThat(run.recommendation()).isNotNull();
            LogStore logs = rt.runtime().logs();
            logs.flush();
            for (VariantStats v : run.variants()) {
                for (Sample s : v.samples()) {
                    List<String> lines = logs.query(LogQuery.group(LogStore.groupOf("cgroup"))).stream()
                            .filter(e -> s.requestId().equals(e.requestId())).map(LogEvent::message).toList();
                    assertThat(lines).as(v.label())
                            .contains("memory limit " + v.memoryMb() * 1024L * 1024L)
                            .anyMatch(l -> l.startsWith("REPORT RequestId: " + s.requestId())
                                    && l.contains("\tMemory Size: " + v.memoryMb() + " MB\t"));
                }
                // after init (the first invocation) the CPU share is Lambda's for that memory (cgroups count in µs)
                Sample last = v.samples().get(v.samples().size() - 1);
                String[] cpu = logs.query(LogQuery.group(LogStore.groupOf("cgroup"))).stream()
                        .filter(e -> last.requestId().equals(e.requestId())).map(LogEvent::message)
                        .filter(m -> m.startsWith("cpu quota and period ")).findFirst().orElseThrow()
                        .substring("cpu quota and period ".length()).split(" ");
                double expected = ContainerLimits.nanoCpus(v.memoryMb()) * Long.parseLong(cpu[1]) / 1e9;
                assertThat((double) Long.parseLong(cpu[0])).as(v.label()).isCloseTo(expected, within(1.0));
            }
            assertThat(logs.invocations("cgroup", 100)).hasSize(6)
                    .allMatch(r -> r.invocationType().equals(PowerTuner.INVOCATION_TYPE))
                    .extracting(InvocationRecord::memorySizeMb).containsOnly(128, 256);
            await("the variants' containers are removed").atMost(Duration.ofSeconds(10))
                    .until(() -> DockerEngine.containers(Map.of(Labels.FUNCTION, "cgroup")).isEmpty());
            assertThat(Files.readString(workspace.resolve("functions/cgroup/function.json"))).isEqualTo(before);

            // the other architecture runs only where the engine can emulate it, and says why not
            String other = "x86_64".equals(HostArchitecture.current()) ? "arm64" : "x86_64";
            String qemu = "arm64".equals(other) ? "qemu-aarch64" : "qemu-x86_64";
            if (!Files.exists(Path.of("/proc/sys/fs/binfmt_misc", qemu))) {
                assertThat(tuner.cannotRun(other)).hasValueSatisfying(why -> assertThat(why)
                        .contains(" runs " + HostArchitecture.current() + " and cannot emulate " + other)
                        .contains("no " + qemu + " handler in /proc/sys/fs/binfmt_misc"));
            }
            assertThat(tuner.cannotRun(HostArchitecture.current())).isEmpty();
        }
    }
}
