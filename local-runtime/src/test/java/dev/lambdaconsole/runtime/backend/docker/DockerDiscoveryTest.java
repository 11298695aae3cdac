package dev.lambdaconsole.runtime.backend.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerDiscoveryTest {
    @TempDir Path home;

    @Test
    void triesTheSettingThenDockerHostThenTheStandardAndDesktopSockets() {
        DockerDiscovery discovery = new DockerDiscovery("tcp://docker.example:2375",
                Map.of("DOCKER_HOST", "unix:///custom.sock"), home, false, Path.of("/"));
        assertThat(discovery.candidates().keySet()).containsExactly("tcp://docker.example:2375", "unix:///custom.sock",
                "unix:///var/run/docker.sock", "unix://" + home.resolve(".docker/run/docker.sock"),
                "unix://" + home.resolve(".docker/desktop/docker.sock"));
    }

    @Test
    void onWindowsTheNamedPipe() {
        DockerDiscovery discovery = new DockerDiscovery(null, Map.of(), home, true, Path.of("/"));
        assertThat(discovery.candidates().keySet()).containsExactly("npipe:////./pipe/docker_engine");
    }

    @Test
    void whenNoneAnswersOneDiagnosisListsEveryAttemptAndItsError() {
        DockerDiscovery discovery = new DockerDiscovery("tcp://127.0.0.1:1", Map.of(), home, false, home);
        assertThatThrownBy(discovery::connect).isInstanceOf(DockerUnavailableException.class)
                .satisfies(e -> {
                    List<String> attempts = ((DockerUnavailableException) e).attempts();
                    assertThat(attempts).hasSize(4);
                    assertThat(attempts.get(0)).startsWith("tcp://127.0.0.1:1 (setting): ").contains("refused");
                    assertThat(attempts.get(1)).isEqualTo("unix://" + home.resolve("var/run/docker.sock")
                            + " (standard socket): no such socket");
                    assertThat(e.getMessage()).startsWith("no Docker engine answered: tcp://127.0.0.1:1")
                            .contains(".docker/desktop/docker.sock (Docker Desktop socket): no such socket");
                });
    }

    @Test
    void checkingAHostTriesThatHostAloneAndSaysWhyItFailed() {
        assertThatThrownBy(() -> DockerDiscovery.check(" tcp://127.0.0.1:1 ")).isInstanceOf(DockerUnavailableException.class)
                .satisfies(e -> assertThat(((DockerUnavailableException) e).attempts()).singleElement().asString()
                        .startsWith("tcp://127.0.0.1:1 (setting): ").contains("refused"));
    }
}
