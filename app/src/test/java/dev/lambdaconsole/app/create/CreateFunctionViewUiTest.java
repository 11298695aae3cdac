package dev.lambdaconsole.app.create;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.app.FxSteps;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.lambdaconsole.app.FxSteps.call;
import static dev.lambdaconsole.app.FxSteps.run;
import static dev.lambdaconsole.app.FxSteps.until;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class CreateFunctionViewUiTest {
    @TempDir static Path workspace;
    static TestConsole console;
    Stage stage;
    CreateFunctionView view;

    @BeforeAll
    static void startEngine() {
        console = new TestConsole(workspace);
        console.runtime.workspace().create(FunctionConfig.builder("existing").runtime("python3.12")
                .handler("app.handler").build(), CodeSource.files(Map.of("app.py", "def handler(e, c):\n    return 1\n")));
    }

    @AfterAll
    static void stop() { console.close(); }

    @Start
    void start(Stage stage) { this.stage = stage; }

    @BeforeEach
    void openWizard() {
        console.shellCalls.clear();
        view = call(() -> new CreateFunctionView(console.services));
        FxSteps.show(stage, view);
    }

    @AfterEach
    void closeView() { run(view::close); }

    /** Whether the node and every parent are visible (a hidden form row hides its field). */
    private static boolean shown(FxRobot robot, String id) {
        return call(() -> {
            for (Node n = robot.lookup("#" + id).tryQuery().orElse(null); ; n = n.getParent()) {
                if (n == null) return true;
                if (!n.isVisible()) return false;
            }
        }) && robot.lookup("#" + id).tryQuery().isPresent();
    }

    private static String label(FxRobot robot, String id) {
        return call(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    private static boolean createDisabled(FxRobot robot) {
        return call(() -> robot.lookup("#createButton").queryAs(Button.class).isDisabled());
    }

    private static void retype(FxRobot robot, String id, String text) {
        robot.clickOn("#" + id);
        run(() -> robot.lookup("#" + id).queryTextInputControl().clear());
        robot.write(text);
    }

    @Test
    void aPythonFunctionFromScratchIsCreatedOnceTheNameFollowsTheRule(FxRobot robot) {
        assertThat(createDisabled(robot)).as("no name yet").isTrue();
        assertThat(shown(robot, "nameError")).as("no rule shown before typing").isFalse();
        robot.clickOn("#functionNameField").write("my function");
        until(() -> shown(robot, "nameError"));
        assertThat(label(robot, "nameError"))
                .isEqualTo("must be 1 to 64 characters of letters, digits, hyphens and underscores");
        assertThat(createDisabled(robot)).isTrue();

        retype(robot, "functionNameField", "existing");
        until(() -> label(robot, "nameError").equals("a function with this name exists already"));
        retype(robot, "functionNameField", "my-function");
        until(() -> !shown(robot, "nameError"));

        robot.clickOn("#runtimeChoice");
        robot.clickOn("Python 3.12");
        until(() -> robot.lookup("#runtimeChoice").queryComboBox().getValue().toString().equals("python3.12"));
        assertThat(call(() -> robot.lookup("#handlerField").queryTextInputControl().getText()))
                .isEqualTo("lambda_function.lambda_handler");
        robot.clickOn("#architectureArm");
        retype(robot, "memoryField", "64");
        until(() -> shown(robot, "memoryError"));
        assertThat(label(robot, "memoryError")).isEqualTo("must be between 128 and 10240 MB");
        assertThat(createDisabled(robot)).isTrue();
        retype(robot, "memoryField", "256");
        until(() -> !createDisabled(robot));

        robot.clickOn("#createButton");
        until(() -> console.shellCalls.contains("open:my-function"));
        FunctionConfig created = console.runtime.workspace().read("my-function");
        assertThat(created.runtime()).isEqualTo("python3.12");
        assertThat(created.handler()).isEqualTo("lambda_function.lambda_handler");
        assertThat(created.memorySize()).isEqualTo(256);
        assertThat(created.architectures()).isEqualTo(List.of("arm64"));
        InvocationResult r = console.runtime.engine().invokeSync(InvocationRequest.of("my-function",
                "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.payloadText()).contains("Hello from Lambda!");
    }

    @Test
    void theSqsBlueprintCreatesAFunctionWithItsCode(FxRobot robot) {
        robot.clickOn("#optionBlueprint");
        until(() -> shown(robot, "blueprintList"));
        robot.clickOn("SQS batch with partial failures");
        until(() -> call(() -> robot.lookup("#blueprintPreview").queryAs(TextArea.class).getText())
                .contains("batchItemFailures"));
        robot.clickOn("#functionNameField").write("orders-batch");
        until(() -> !createDisabled(robot));
        robot.clickOn("#createButton");
        until(() -> console.shellCalls.contains("open:orders-batch"));
        assertThat(console.runtime.workspace().read("orders-batch").runtime()).isEqualTo("python3.13");
        assertThat(console.runtime.workspace().codeDir("orders-batch").resolve("lambda_function.py"))
                .content().contains("batchItemFailures");
    }

    @Test
    void aContainerImageFunctionNeedsAnImageUriInsteadOfRuntimeAndHandler(FxRobot robot) {
        robot.clickOn("#optionImage");
        until(() -> shown(robot, "imageUriField"));
        assertThat(shown(robot, "runtimeChoice")).isFalse();
        assertThat(shown(robot, "handlerField")).isFalse();
        robot.clickOn("#functionNameField").write("from-image");
        robot.clickOn("#imageUriField").write("x");
        run(() -> robot.lookup("#imageUriField").queryTextInputControl().clear());
        until(() -> shown(robot, "imageUriError"));
        assertThat(label(robot, "imageUriError")).isEqualTo("is required when PackageType is Image");
        robot.clickOn("#imageUriField").write("my-repo/my-image:1.0");
        until(() -> !createDisabled(robot));
        robot.clickOn("#createButton");
        until(() -> console.shellCalls.contains("open:from-image"));
        assertThat(console.runtime.workspace().read("from-image").imageUri()).isEqualTo("my-repo/my-image:1.0");
    }

    @Test
    void cancelGoesBackToTheFunctionsWithoutCreatingAnything(FxRobot robot) {
        robot.clickOn("#functionNameField").write("never-created");
        robot.clickOn("#cancelButton");
        assertThat(console.shellCalls).containsExactly("functions");
        assertThat(console.runtime.workspace().exists("never-created")).isFalse();
    }
}
