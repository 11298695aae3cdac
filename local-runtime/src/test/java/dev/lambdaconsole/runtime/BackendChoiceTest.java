package dev.lambdaconsole.runtime;

import dev.lambdaconsole.runtime.backend.docker.DockerDiscovery;
import dev.lambdaconsole.runtime.backend.docker.DockerSettings;
import dev.lambdaconsole.runtime.backend.process.ProcessBackend;
import dev.lambdaconsole.runtime.runtimes.RuntimeClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Asking for Docker where no engine answers: the process backend runs, and the notice says why. */
class BackendChoiceTest {
    @TempDir Path dir;

    @Test
    void dockerWithoutAnEngineFallsBackToProcessesWithTheDiagnosis() {
        DockerDiscovery nowhere = new DockerDiscovery(null, Map.of(), dir, false, dir);
        LocalRuntime.ChosenBackend chosen = LocalRuntime.backend("docker", RuntimeClients.install(dir.resolve("rt")),
                nowhere, DockerSettings.defaults(), p -> { });
        assertThat(chosen.backend()).isInstanceOf(ProcessBackend.class);
        assertThat(chosen.notice()).startsWith("Docker not available (no Docker engine answered: unix://")
                .contains("no such socket").endsWith("): running functions as local processes");
    }

    @Test
    void processNeedsNoNotice() {
        assertThat(LocalRuntime.backend("process", RuntimeClients.install(dir.resolve("rt"))).notice()).isNull();
    }
}
