package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.common.ProgressBoard;
import dev.lambdaconsole.app.common.ConsoleSettings;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {
    @TempDir Path dir;
    private ShellViewModel shell;

    @AfterEach
    void close() {
        if (shell != null) shell.close();
    }

    private ShellViewModel shell(ConsoleSettings settings) {
        shell = new ShellViewModel(settings, TaskRunner.synchronous(), new ProgressBoard(TaskRunner.synchronous()));
        return shell;
    }

    @Test
    void startsTheEngineAndShowsTheBackendAndEndpoint() {
        ShellViewModel vm = shell(ConsoleSettings.defaults().withWorkspace(dir).withBackend("process").withEndpointPort(0));
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(ShellViewModel.State.READY);
        assertThat(vm.engineTextProperty().get()).startsWith("process backend");
        assertThat(vm.endpointUrlProperty().get()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(vm.bannerProperty().get()).isEmpty();
        assertThat(vm.runtimeProperty().get().workspace().root()).isEqualTo(dir);
    }

    @Test
    void aTakenPortMovesTheEndpointAndSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ShellViewModel vm = shell(ConsoleSettings.defaults().withWorkspace(dir).withBackend("process")
                    .withEndpointPort(taken.getLocalPort()));
            vm.start();
            assertThat(vm.stateProperty().get()).isEqualTo(ShellViewModel.State.READY);
            assertThat(vm.endpointUrlProperty().get()).doesNotEndWith(":" + taken.getLocalPort());
            assertThat(vm.bannerProperty().get()).contains("Port " + taken.getLocalPort() + " is in use")
                    .contains(vm.endpointUrlProperty().get()).contains("Settings");
        }
    }

    @Test
    void aWorkspaceThatCannotBeCreatedFailsWithTheReason() throws Exception {
        Path file = dir.resolve("not-a-folder");
        java.nio.file.Files.writeString(file, "x");
        ShellViewModel vm = shell(ConsoleSettings.defaults().withWorkspace(file.resolve("ws")).withBackend("process")
                .withEndpointPort(0));
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(ShellViewModel.State.FAILED);
        assertThat(vm.errorProperty().get()).startsWith("The engine could not start: ");
        assertThat(vm.runtimeProperty().get()).isNull();
    }

    @Test
    void restartAppliesNewSettings() {
        Path other = dir.resolve("other");
        ShellViewModel vm = shell(ConsoleSettings.defaults().withWorkspace(dir.resolve("first")).withBackend("process")
                .withEndpointPort(0));
        vm.start();
        vm.restart(vm.settings().withWorkspace(other));
        assertThat(vm.stateProperty().get()).isEqualTo(ShellViewModel.State.READY);
        assertThat(vm.runtimeProperty().get().workspace().root()).isEqualTo(other);
    }

    @Test
    void navigationWaitsForTheEngineButSettingsOpenAnyway() {
        ShellViewModel vm = shell(ConsoleSettings.defaults().withWorkspace(dir).withBackend("process").withEndpointPort(0));
        vm.showServices();
        assertThat(vm.destinationProperty().get().kind()).as("no engine yet").isEqualTo(Destination.Kind.FUNCTIONS);
        vm.showSettings();
        assertThat(vm.destinationProperty().get().kind()).isEqualTo(Destination.Kind.SETTINGS);
        vm.start();
        vm.openInvocation("orders", "req-1");
        assertThat(vm.destinationProperty().get()).isEqualTo(Destination.function("orders", "monitorTab", "req-1"));
        assertThat(vm.openFunction()).isEqualTo("orders");
        vm.showServices();
        assertThat(vm.destinationProperty().get().kind()).isEqualTo(Destination.Kind.SERVICES);
        assertThat(vm.openFunction()).isEmpty();
    }

    @Test
    void theLastFunctionOpensAgainIfItStillExists() {
        ShellViewModel vm = shell(ConsoleSettings.defaults().withWorkspace(dir).withBackend("process").withEndpointPort(0)
                .withLastFunction("gone"));
        vm.start();
        assertThat(vm.destinationProperty().get().kind()).as("a function that no longer exists")
                .isEqualTo(Destination.Kind.FUNCTIONS);
    }

    @Test
    void applyingSettingsSavesThemAndRestartsOnlyForEngineChanges() {
        java.util.List<ConsoleSettings> saved = new java.util.ArrayList<>();
        shell = new ShellViewModel(ConsoleSettings.defaults().withWorkspace(dir.resolve("a")).withBackend("process")
                .withEndpointPort(0), TaskRunner.synchronous(), new ProgressBoard(TaskRunner.synchronous()), saved::add);
        shell.start();
        var first = shell.runtimeProperty().get();
        shell.openFunction("orders", "testTab");
        shell.applySettings(shell.settings().withDarkTheme(true));
        assertThat(shell.runtimeProperty().get()).as("the theme needs no restart").isSameAs(first);
        assertThat(saved).singleElement().satisfies(s -> {
            assertThat(s.darkTheme()).isTrue();
            assertThat(s.lastFunction()).isEqualTo("orders");
        });
        shell.applySettings(shell.settings().withWorkspace(dir.resolve("b")));
        assertThat(shell.runtimeProperty().get()).isNotSameAs(first);
        assertThat(shell.runtimeProperty().get().workspace().root()).isEqualTo(dir.resolve("b"));
        assertThat(shell.destinationProperty().get().function()).as("the page stays").isEqualTo("orders");
    }
}
