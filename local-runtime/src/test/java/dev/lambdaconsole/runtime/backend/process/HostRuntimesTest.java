package dev.lambdaconsole.runtime.backend.process;

import dev.lambdaconsole.runtime.backend.BackendException;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostRuntimesTest {
    @Test
    void aMissingLanguageNamesWhatToInstallAndTheDockerAlternative() {
        assertThatThrownBy(() -> HostRuntimes.probe(LambdaRuntime.RUBY_3_3, List.of("no-such-ruby-anywhere"),
                List.of("-e", "0"), "Ruby (e.g. apt-get install ruby, or ruby-lang.org)"))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("Runtime.Unavailable");
                    assertThat(e.getMessage()).isEqualTo("ruby3.3 functions need Ruby (e.g. apt-get install ruby, or "
                            + "ruby-lang.org) on this machine for the process backend; install it, or use the Docker "
                            + "backend (--backend docker).");
                });
    }

    @Test
    void shimsAreResolvedToTheRealInterpreterWithItsVersion() throws Exception {
        HostRuntimes.Interpreter python = new HostRuntimes().interpreter(LambdaRuntime.PYTHON_3_12);
        assertThat(python.executable()).isAbsolute().exists();
        assertThat(python.executable().toString()).doesNotContain("shims");
        assertThat(python.version()).matches("3\\.\\d+\\.\\d+");
    }

    @Test
    void theFallbackJavaIsTheRuntimesOwnNotTheProcessCommand() {
        // In an installed app the process command is the app's launcher (bin/lambda-console), not a java.
        Path java = HostRuntimes.currentJava();
        assertThat(java).isEqualTo(Path.of(System.getProperty("java.home"), "bin",
                HostRuntimes.isWindows() ? "java.exe" : "java"));
        assertThat(Files.isExecutable(java)).isTrue();
    }
}
