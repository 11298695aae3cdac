package dev.lambdaconsole.app.config;

import dev.lambdaconsole.app.FxSteps;
import atlantafx.base.theme.PrimerLight;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ConfigurationViewUiTest {
    @TempDir Path workspace;
    private TestConsole console;
    private ConfigurationView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        console = new TestConsole(workspace);
        Functions.create(console, "greeter");
        view = new ConfigurationView(console.services, "greeter");
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        FxSteps.run(view::close);
        console.close();
    }

    /** The field of the row being added, found through the table (cells are recycled, rows are not). */
    private TextField cellField(FxRobot robot, String styleClass) {
        return FxSteps.call(() -> {
            TableView<?> table = robot.lookup("#envTable").queryAs(TableView.class);
            Object last = table.getItems().get(table.getItems().size() - 1);
            return robot.lookup("." + styleClass).queryAllAs(TextField.class).stream()
                    .filter(f -> f.getUserData() == last).findFirst().orElseThrow();
        });
    }

    @Test
    void memoryAndAnEnvironmentVariableSavedHereReachTheNextInvocation(FxRobot robot) {
        FxSteps.until(() -> "128".equals(FxSteps.text(robot, "#memoryField")));
        FxSteps.type(robot, "#memoryField", "64");
        assertThat(FxSteps.text(robot, "#memoryError")).isEqualTo("must be between 128 and 10240 MB");
        assertThat(FxSteps.shown(robot, "#memoryError")).isTrue();
        FxSteps.type(robot, "#memoryField", "256");
        assertThat(FxSteps.shown(robot, "#memoryError")).isFalse();
        robot.clickOn("#saveGeneralButton");
        FxSteps.until(() -> "Saved".equals(FxSteps.text(robot, "#saveGeneralMessage")));

        robot.clickOn("Environment variables");
        robot.clickOn("#envAddButton");
        FxSteps.until(() -> cellField(robot, "env-key").isFocused());
        robot.write("MY-VAR");
        FxSteps.until(() -> FxSteps.text(robot, "#envError").contains("MY-VAR: name must start with a letter"));
        FxSteps.type(robot, cellField(robot, "env-key"), "GREETING");
        FxSteps.type(robot, cellField(robot, "env-value"), "hello from the console");
        assertThat(FxSteps.shown(robot, "#envError")).as(FxSteps.text(robot, "#envError")).isFalse();
        assertThat(FxSteps.text(robot, "#envSizeLabel")).as("8 + 22 bytes").isEqualTo("0.1 KB of 4 KB");
        robot.clickOn("#saveEnvButton");
        FxSteps.until(() -> "Saved".equals(FxSteps.text(robot, "#saveEnvMessage")));

        InvocationResult result = Functions.invoke(console, "greeter");
        assertThat(result.memorySizeMb()).isEqualTo(256);
        assertThat(result.payloadText()).contains("\"greeting\": \"hello from the console\"", "\"memory\": \"256\"");
        assertThat(String.join("\n", result.logLines())).contains("\"GREETING\": \"hello from the console\"");
    }

    @Test
    void aChangeMadeWithTheCliShowsUp(FxRobot robot) {
        FxSteps.until(() -> "3".equals(FxSteps.text(robot, "#timeoutField")));
        assertThat(Functions.call(console, "PUT", "/2015-03-31/functions/greeter/configuration",
                "{\"Timeout\": 42, \"Environment\": {\"Variables\": {\"STAGE\": \"cli\"}}}")).startsWith("200 ");
        FxSteps.until(() -> "42".equals(FxSteps.text(robot, "#timeoutField")));
        robot.clickOn("Environment variables");
        FxSteps.until(() -> "cli".equals(cellField(robot, "env-value").getText()));
    }

    @Test
    void everySectionShowsItsFormWithItsControls(FxRobot robot) {
        FxSteps.until(() -> "128".equals(FxSteps.text(robot, "#memoryField")));
        List<List<String>> sections = List.of(
                List.of("General configuration", "#memoryField", "#timeoutField", "#ephemeralField", "#descriptionField",
                        "#saveGeneralButton"),
                List.of("Environment variables", "#envTable", "#envAddButton", "#envSizeLabel", "#saveEnvButton"),
                List.of("Concurrency", "#reservedConcurrencyField", "#provisionedConcurrencyField",
                        "#saveConcurrencyButton"),
                List.of("Asynchronous invocation", "#retryAttemptsChoice", "#maxEventAgeField", "#saveAsyncButton"),
                List.of("Tags", "#tagsTable", "#saveTagsButton"));
        for (List<String> section : sections) {
            robot.clickOn(robot.lookup("#configSections").lookup(section.get(0)).<javafx.scene.Node>query());
            for (String id : section.subList(1, section.size())) {
                FxSteps.until(() -> robot.lookup(id).tryQuery().map(n -> n.getScene() != null).orElse(false));
            }
        }
        robot.clickOn(robot.lookup("#configSections").lookup("Asynchronous invocation").<javafx.scene.Node>query());
        FxSteps.type(robot, "#maxEventAgeField", "30");
        assertThat(FxSteps.text(robot, "#maxEventAgeError")).startsWith("must be between 60 and 21600 seconds");
        assertThat(FxSteps.call(() -> robot.lookup("#saveAsyncButton").queryAs(Button.class).isDisabled())).isFalse();
        robot.clickOn("#saveAsyncButton");
        assertThat(FxSteps.text(robot, "#saveAsyncMessage")).startsWith("Not saved: Maximum age of event");
    }
}
