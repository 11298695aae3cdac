package dev.lambdaconsole.app.settings;

import atlantafx.base.theme.PrimerLight;
import dev.lambdaconsole.app.FxSteps;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.common.ProgressBoard;
import dev.lambdaconsole.app.shell.TestConsole;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class SettingsViewUiTest {
    @TempDir Path workspace;
    private TestConsole console;
    private SettingsView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        console = new TestConsole(workspace);
        view = new SettingsView(console.services.settings(), console.services.shell(), console.tasks, console.runtime);
        stage.setScene(new Scene(view, 1000, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        FxSteps.run(view::close);
        console.close();
    }

    @Test
    void anInvalidPortIsShownAndSaveIsRefusedThenAValidOneIsApplied(FxRobot robot) {
        assertThat(FxSteps.text(robot, "#portField")).isEqualTo("9001");
        FxSteps.type(robot, "#portField", "70000");
        assertThat(FxSteps.text(robot, "#portError")).isEqualTo("must be between 0 and 65535 (0: any free port)");
        assertThat(FxSteps.shown(robot, "#portError")).isTrue();
        robot.clickOn("#saveSettingsButton");
        assertThat(FxSteps.text(robot, "#settingsMessage")).isEqualTo(
                "Not saved: Endpoint port must be between 0 and 65535 (0: any free port)");
        assertThat(console.shellCalls).doesNotContain("apply");
        assertThat(FxSteps.text(robot, "#portField")).as("what was typed stays").isEqualTo("70000");

        FxSteps.type(robot, "#portField", "9123");
        assertThat(FxSteps.shown(robot, "#portError")).isFalse();
        robot.clickOn("#saveSettingsButton");
        FxSteps.until(() -> console.shellCalls.contains("apply"));
        assertThat(console.applied.endpointPort()).isEqualTo(9123);
        assertThat(console.applied.workspace()).isEqualTo(workspace);
        FxSteps.until(() -> FxSteps.text(robot, "#settingsMessage").equals("Saved. The engine restarts with the new settings."));
    }

    @Test
    void revertRestoresTheSavedValues(FxRobot robot) {
        FxSteps.type(robot, "#keepAliveField", "2000");
        assertThat(FxSteps.text(robot, "#keepAliveError")).isEqualTo("must be between 1 and 1440 minutes (up to 24 hours)");
        robot.clickOn("#revertSettingsButton");
        assertThat(FxSteps.text(robot, "#keepAliveField")).isEqualTo("10");
        assertThat(FxSteps.shown(robot, "#keepAliveError")).isFalse();
        assertThat(console.shellCalls).isEmpty();
    }

    @Test
    void testConnectionReportsAHostThatDoesNotAnswer(FxRobot robot) {
        robot.clickOn("#backendChoice").clickOn("Docker containers");
        FxSteps.type(robot, "#dockerHostField", "tcp://127.0.0.1:1");
        robot.clickOn("#testDockerButton");
        FxSteps.until(() -> FxSteps.text(robot, "#dockerStatusLabel").startsWith("No Docker engine answered: tcp://127.0.0.1:1"));
        robot.clickOn("#saveSettingsButton");
        FxSteps.until(() -> console.shellCalls.contains("apply"));
        assertThat(console.applied.backend()).isEqualTo("docker");
        assertThat(console.applied.dockerHost()).isEqualTo("tcp://127.0.0.1:1");
    }

    @Test
    void withTheEngineDownTheSettingsCanStillBeFixed(FxRobot robot) {
        FxSteps.run(() -> {
            view.close();
            view = new SettingsView(console.services.settings(), console.services.shell(), console.tasks, null);
            robot.targetWindow().getScene().setRoot(view);
        });
        assertThat(FxSteps.shown(robot, "The engine is not running")).isTrue();
        robot.clickOn("#backendChoice").clickOn("Docker containers");
        robot.clickOn("#saveSettingsButton");
        FxSteps.until(() -> console.shellCalls.contains("apply"));
        assertThat(console.applied.backend()).isEqualTo("docker");
    }
}
