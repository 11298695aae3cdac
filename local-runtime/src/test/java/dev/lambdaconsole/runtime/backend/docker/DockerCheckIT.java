package dev.lambdaconsole.runtime.backend.docker;

import dev.lambdaconsole.runtime.LocalRuntime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Test connection" against the engine on this machine: its version and where it answered. */
class DockerCheckIT {
    @Test
    void theDiscoveredEngineAnswersWithItsVersionAndPlace() throws Exception {
        DockerEngine.client();
        String found = LocalRuntime.checkDocker("");
        assertThat(found).matches("Docker \\S+ at \\S+ \\(.+\\)");
        String host = found.substring(found.indexOf(" at ") + 4, found.lastIndexOf(" ("));
        assertThat(LocalRuntime.checkDocker(host)).isEqualTo(found.replaceAll("\\(.+\\)$", "(setting)"));
    }
}
