package dev.lambdaconsole.app.settings;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.common.ConsoleSettings;
import dev.lambdaconsole.app.shell.TestConsole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {
    @TempDir static Path root;
    @TempDir Path dir;
    static TestConsole console;

    @BeforeAll
    static void start() { console = new TestConsole(root.resolve("workspace"), "process", TaskRunner.synchronous()); }

    @AfterAll
    static void stop() { console.close(); }

    @BeforeEach
    void clear() {
        console.shellCalls.clear();
        console.applied = null;
    }

    private SettingsViewModel vm() {
        ConsoleSettings current = console.services.settings().withWindow(1500, 900).withLastFunction("orders");
        return new SettingsViewModel(current, console.services.shell(), console.tasks);
    }

    @Test
    void showsTheCurrentSettings() {
        SettingsViewModel vm = vm();
        assertThat(vm.workspaceProperty().get()).isEqualTo(root.resolve("workspace").toString());
        assertThat(vm.workspaceError().get()).isEmpty();
        assertThat(vm.workspaceNote().get()).isEqualTo("A workspace with 0 functions");
        assertThat(vm.backendProperty().get()).isEqualTo(Backend.PROCESS);
        assertThat(vm.dockerHostProperty().get()).isEmpty();
        assertThat(vm.portProperty().get()).isEqualTo("9001");
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(vm.keepAliveProperty().get()).isEqualTo("10");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void anInvalidPortIsShownAndSaveIsRefused() {
        SettingsViewModel vm = vm();
        vm.portProperty().set("70000");
        assertThat(vm.portError().get()).isEqualTo("must be between 0 and 65535 (0: any free port)");
        vm.portProperty().set("http");
        assertThat(vm.portError().get()).isEqualTo("must be a whole number between 0 and 65535");
        vm.portProperty().set("");
        assertThat(vm.portError().get()).isEqualTo("is required");
        vm.save();
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Not saved: Endpoint port is required");
        assertThat(console.shellCalls).doesNotContain("apply");
        vm.portProperty().set("0");
        assertThat(vm.portError().get()).isEmpty();
    }

    @Test
    void keepAliveAndDockerHostRules() {
        SettingsViewModel vm = vm();
        vm.keepAliveProperty().set("0");
        assertThat(vm.keepAliveError().get()).isEqualTo("must be between 1 and 1440 minutes (up to 24 hours)");
        vm.keepAliveProperty().set("1441");
        assertThat(vm.keepAliveError().get()).startsWith("must be between 1 and 1440");
        vm.keepAliveProperty().set("1440");
        assertThat(vm.keepAliveError().get()).isEmpty();

        vm.backendProperty().set(Backend.DOCKER);
        for (String good : new String[] {"", "unix:///var/run/docker.sock", "tcp://10.0.0.5:2375", "tcp://build-box:2376",
                "npipe:////./pipe/docker_engine", "tcp://[::1]:2375"}) {
            vm.dockerHostProperty().set(good);
            assertThat(vm.dockerHostError().get()).as(good).isEmpty();
        }
        for (String bad : new String[] {"localhost:2375", "tcp://box", "http://box:2375", "unix://"}) {
            vm.dockerHostProperty().set(bad);
            assertThat(vm.dockerHostError().get()).as(bad).startsWith("must look like unix:///var/run/docker.sock");
        }
        vm.backendProperty().set(Backend.PROCESS);
        assertThat(vm.dockerHostError().get()).as("not used by local processes").isEmpty();
    }

    @Test
    void theWorkspaceFolderMustBeWritableOrCreatable() throws Exception {
        SettingsViewModel vm = vm();
        vm.workspaceProperty().set("  ");
        assertThat(vm.workspaceError().get()).isEqualTo("is required: choose the folder that holds your functions");
        vm.workspaceProperty().set("relative/folder");
        assertThat(vm.workspaceError().get()).startsWith("must be a full path, e.g. ");
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        vm.workspaceProperty().set(file.toString());
        assertThat(vm.workspaceError().get()).isEqualTo("is a file, not a folder");
        vm.workspaceProperty().set(file.resolve("inside").toString());
        assertThat(vm.workspaceError().get()).isEqualTo("cannot be created: " + file + " is a file");
        vm.workspaceProperty().set(dir.resolve("new/workspace").toString());
        assertThat(vm.workspaceError().get()).isEmpty();
        assertThat(vm.workspaceNote().get()).isEqualTo("Does not exist yet: it will be created");
        vm.workspaceProperty().set(dir.toString());
        assertThat(vm.workspaceNote().get()).isEqualTo("A new workspace starts in this folder");
        vm.workspaceProperty().set("~");
        assertThat(vm.workspaceError().get()).isEmpty();
        vm.save();
        assertThat(console.applied.workspace()).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void awsEndpointUrlInFunctionsIsOnAndTurningItOffRestartsTheEngine() {
        SettingsViewModel vm = vm();
        assertThat(vm.endpointInFunctionsProperty().get()).isTrue();
        vm.endpointInFunctionsProperty().set(false);
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.save();
        assertThat(console.applied.endpointInFunctions()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved. The engine restarts with the new settings.");
    }

    @Test
    void aValidChangeIsHandedToTheShellKeepingWhatTheConsoleRemembers() {
        SettingsViewModel vm = vm();
        vm.portProperty().set("9123");
        vm.keepAliveProperty().set("30");
        vm.themeProperty().set(Theme.DARK);
        vm.workspaceProperty().set(dir.resolve("elsewhere").toString());
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.save();
        assertThat(console.shellCalls).containsExactly("apply");
        ConsoleSettings applied = console.applied;
        assertThat(applied.endpointPort()).isEqualTo(9123);
        assertThat(applied.keepAliveMinutes()).isEqualTo(30);
        assertThat(applied.darkTheme()).isTrue();
        assertThat(applied.workspace()).isEqualTo(dir.resolve("elsewhere"));
        assertThat(applied.backend()).isEqualTo("process");
        assertThat(applied.windowWidth()).isEqualTo(1500);
        assertThat(applied.lastFunction()).isEqualTo("orders");
        assertThat(vm.messageProperty().get()).isEqualTo("Saved. The engine restarts with the new settings.");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.saved()).isEqualTo(applied);

        vm.themeProperty().set(Theme.LIGHT);
        vm.save();
        assertThat(console.applied.darkTheme()).isFalse();
        assertThat(vm.messageProperty().get()).as("a theme change needs no restart").isEqualTo("Saved.");
    }

    @Test
    void revertRestoresTheSavedValues() {
        SettingsViewModel vm = vm();
        vm.portProperty().set("1");
        vm.backendProperty().set(Backend.DOCKER);
        vm.dockerHostProperty().set("nonsense");
        vm.revert();
        assertThat(vm.portProperty().get()).isEqualTo("9001");
        assertThat(vm.backendProperty().get()).isEqualTo(Backend.PROCESS);
        assertThat(vm.dockerHostProperty().get()).isEmpty();
        assertThat(vm.dockerHostError().get()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(console.shellCalls).isEmpty();
    }

    @Test
    void testingAHostThatDoesNotAnswerGivesTheDiagnosis() {
        SettingsViewModel vm = vm();
        vm.backendProperty().set(Backend.DOCKER);
        vm.dockerHostProperty().set("tcp://127.0.0.1:1");
        vm.testDocker();
        assertThat(vm.dockerReachable().get()).isFalse();
        assertThat(vm.dockerStatus().get()).startsWith("No Docker engine answered: tcp://127.0.0.1:1 (setting): ")
                .contains("refused");
        assertThat(vm.testingProperty().get()).isFalse();
        vm.dockerHostProperty().set("tcp://127.0.0.1:2");
        assertThat(vm.dockerStatus().get()).as("a new host has not been tested").isEmpty();
        assertThat(vm.dockerReachable().get()).isNull();
        vm.dockerHostProperty().set("box:2375");
        vm.testDocker();
        assertThat(vm.dockerStatus().get()).startsWith("Fix the Docker host first: it must look like");
    }
}
