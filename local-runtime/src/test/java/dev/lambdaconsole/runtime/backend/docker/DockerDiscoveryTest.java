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
    void theHostThatAnsweredLastTimeIsTriedThird() throws Exception {
        Path file = home.resolve("state/docker-host");
        LastWorkingHost.write(file, "tcp://remembered:2375");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("tcp://remembered:2375\n");
        DockerDiscovery discovery = new DockerDiscovery("tcp://docker.example:2375",
                Map.of("DOCKER_HOST", "unix:///custom.sock"), home, false, Path.of("/")).rememberingIn(file);
        assertThat(discovery.candidates()).containsExactly(
                Map.entry("tcp://docker.example:2375", "setting"), Map.entry("unix:///custom.sock", "DOCKER_HOST"),
                Map.entry("tcp://remembered:2375", "last working"),
                Map.entry("unix:///var/run/docker.sock", "standard socket"),
                Map.entry("unix://" + home.resolve(".docker/run/docker.sock"), "Docker Desktop socket"),
                Map.entry("unix://" + home.resolve(".docker/desktop/docker.sock"), "Docker Desktop socket"));
        try (var files = java.nio.file.Files.list(file.getParent())) {
            assertThat(files).as("written atomically: no temporary file left").containsExactly(file);
        }
    }

    @Test
    void aRememberedHostAlreadyInTheChainKeepsItsPlaceAndAnUnreadableHintIsIgnored() throws Exception {
        Path file = home.resolve("docker-host");
        LastWorkingHost.write(file, "unix:///var/run/docker.sock");
        DockerDiscovery discovery = new DockerDiscovery(null, Map.of("DOCKER_HOST", "unix:///var/run/docker.sock"),
                home, false, Path.of("/")).rememberingIn(file);
        assertThat(discovery.candidates()).containsEntry("unix:///var/run/docker.sock", "DOCKER_HOST").hasSize(3);
        java.nio.file.Files.writeString(file, "not a host\n");
        assertThat(new DockerDiscovery(null, Map.of(), home, false, Path.of("/")).rememberingIn(file).candidates())
                .doesNotContainValue("last working").hasSize(3);
        assertThat(new DockerDiscovery(null, Map.of(), home, false, Path.of("/")).rememberingIn(home.resolve("none"))
                .candidates()).hasSize(3);
    }

    @Test
    void whenNoneAnswersTheRememberedHostIsKept() throws Exception {
        Path file = home.resolve("docker-host");
        LastWorkingHost.write(file, "tcp://127.0.0.1:1");
        DockerDiscovery discovery = new DockerDiscovery(null, Map.of(), home, false, home).rememberingIn(file);
        assertThatThrownBy(discovery::connect).isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("tcp://127.0.0.1:1 (last working): ");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("tcp://127.0.0.1:1\n");
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
