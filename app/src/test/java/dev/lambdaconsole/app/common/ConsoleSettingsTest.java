package dev.lambdaconsole.app.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSettingsTest {
    @TempDir Path dir;

    @Test
    void savedSettingsReadBackAndAMissingFileGivesDefaults() {
        Path file = dir.resolve("conf/settings.properties");
        assertThat(ConsoleSettings.load(file)).isEqualTo(ConsoleSettings.defaults());
        ConsoleSettings s = ConsoleSettings.defaults().withWorkspace(dir.resolve("ws")).withBackend("process")
                .withDockerHost("tcp://localhost:2375").withEndpointPort(9100).withDarkTheme(true)
                .withKeepAliveMinutes(3).withWindow(1000, 700).withLastFunction("orders").withEndpointInFunctions(false);
        s.save(file);
        assertThat(ConsoleSettings.load(file)).isEqualTo(s);
        assertThat(ConsoleSettings.defaults().backend()).isEqualTo("docker");
        assertThat(ConsoleSettings.defaults().endpointInFunctions()).as("AWS_ENDPOINT_URL on by default").isTrue();
    }

    @Test
    void badValuesFallBackToTheirDefaultsOneByOne() throws Exception {
        Path file = dir.resolve("settings.properties");
        Files.writeString(file, "backend=kubernetes\nendpoint.port=70000\nkeepAlive.minutes=abc\ntheme.dark=true\n");
        ConsoleSettings s = ConsoleSettings.load(file);
        assertThat(s.backend()).isEqualTo("docker");
        assertThat(s.endpointPort()).isEqualTo(9001);
        assertThat(s.keepAliveMinutes()).isEqualTo(10);
        assertThat(s.darkTheme()).isTrue();
    }

    @Test
    void onlyEngineSettingsNeedARestart() {
        ConsoleSettings s = ConsoleSettings.defaults();
        assertThat(s.withDarkTheme(true).engineDiffers(s)).isFalse();
        assertThat(s.withWindow(1, 2).withLastFunction("x").engineDiffers(s)).isFalse();
        assertThat(s.withBackend("process").engineDiffers(s)).isTrue();
        assertThat(s.withEndpointPort(1).engineDiffers(s)).isTrue();
        assertThat(s.withKeepAliveMinutes(2).engineDiffers(s)).isTrue();
        assertThat(s.withEndpointInFunctions(false).engineDiffers(s)).isTrue();
    }
}
