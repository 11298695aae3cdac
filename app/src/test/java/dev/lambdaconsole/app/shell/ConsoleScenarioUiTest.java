package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.common.ProgressBoard;
import dev.lambdaconsole.app.common.ConsoleSettings;

import atlantafx.base.controls.Message;
import dev.lambdaconsole.editor.concurrent.FxTaskRunner;
import dev.lambdaconsole.app.functions.FunctionRow;
import dev.lambdaconsole.app.monitor.InvocationRow;
import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.files.EditorTab;
import dev.lambdaconsole.editor.files.MultiFileEditor;
import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.lambdaconsole.app.FxSteps.call;
import static dev.lambdaconsole.app.FxSteps.run;
import static dev.lambdaconsole.app.FxSteps.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as a user meets it: the real window, the real engine with the Docker backend (processes when no
 * Docker answers outside CI), and the issue's scenarios end to end — create with the wizard, edit and deploy,
 * save and run a test event, see the response and REPORT figures and an error result, change memory and an
 * environment variable, find the invocation's logs in Monitor, delete. Screenshots of each screen are saved.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleScenarioUiTest {
    @TempDir static Path dir;
    static FxTaskRunner tasks;
    static ShellViewModel shell;
    static MainWindow window;
    static Scene scene;

    @BeforeAll
    static void engine() {
        tasks = new FxTaskRunner();
        ConsoleSettings settings = ConsoleSettings.defaults().withWorkspace(dir.resolve("workspace"))
                .withBackend("docker").withEndpointPort(0);
        shell = new ShellViewModel(settings, tasks, new ProgressBoard(tasks),
                s -> s.save(dir.resolve("settings.properties")));
    }

    @AfterAll
    static void stop() {
        shell.close();
        tasks.close();
    }

    @Start
    void start(Stage stage) {
        if (window == null) {
            ConsoleApp.applyTheme(false);
            window = new MainWindow(shell, tasks, new ProgressBoard(tasks), Composition.pages());
            shell.start();
            scene = new Scene(window, 1360, 860);
            scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
        }
        if (stage.getScene() != scene) stage.setScene(scene);
        stage.show();
    }

    @Test
    @Order(1)
    void theEngineStartsBehindTheWindowAndTheStatusBarSaysWhichAndWhere(FxRobot robot) {
        until(() -> shell.stateProperty().get() == ShellViewModel.State.READY, 90);
        String engine = call(() -> text(robot, "engineStatus"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(engine).as("CI has a Docker engine; the console must use it").startsWith("docker backend");
        }
        assertThat(engine).matches("(docker|process) backend.*");
        assertThat(call(() -> text(robot, "endpointStatus"))).matches("Endpoint http://127\\.0\\.0\\.1:\\d+");
        until(() -> robot.lookup("#functionsTable").tryQuery().isPresent(), 30);
    }

    @Test
    @Order(2)
    void createAPythonFunctionWithTheWizard(FxRobot robot) {
        robot.clickOn("#createFunctionButton");
        until(() -> robot.lookup("#functionNameField").tryQuery().isPresent(), 10);
        robot.clickOn("#functionNameField").write("bad name!");
        until(() -> !text(robot, "nameError").isBlank(), 5);
        assertThat(call(() -> text(robot, "nameError"))).containsIgnoringCase("letters");
        run(() -> field(robot, "functionNameField").setText("hello-py"));
        run(() -> runtimeChoice(robot).getSelectionModel().select(LambdaRuntime.byId("python3.12").orElseThrow()));
        until(() -> text(robot, "nameError").isBlank(), 5);
        screenshot("create-function");
        robot.clickOn("#createButton");
        until(() -> "hello-py".equals(text(robot, "functionTitle")), 30);
        assertThat(Files.isRegularFile(dir.resolve("workspace/functions/hello-py/function.json"))).isTrue();
    }

    @Test
    @Order(3)
    void editDeployAndRunASavedTestEvent(FxRobot robot) {
        editAndDeploy(robot, """
                def lambda_handler(event, context):
                    print("greeting", event.get("key1"))
                    return {"greeting": "deployed " + str(event.get("key1"))}
                """);
        screenshot("code");
        selectTab(robot, "testTab");
        run(() -> field(robot, "eventNameField").setText("hello"));
        robot.clickOn("#saveEventButton");
        until(() -> Files.exists(dir.resolve("workspace/functions/hello-py/events/hello.json")), 10);
        robot.clickOn("#invokeButton");
        until(() -> header(robot).contains("succeeded"), 60);
        assertThat(call(() -> area(robot, "responseArea"))).contains("\"greeting\"").contains("deployed value1");
        String requestId = call(() -> text(robot, "requestIdLabel"));
        assertThat(requestId).matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*");
        assertThat(call(() -> text(robot, "durationLabel"))).contains("ms");
        assertThat(call(() -> text(robot, "billedDurationLabel"))).contains("ms");
        assertThat(call(() -> text(robot, "memorySizeLabel"))).contains("128 MB");
        assertThat(call(() -> text(robot, "maxMemoryLabel"))).contains("MB");
        assertThat(call(() -> text(robot, "initDurationLabel"))).containsIgnoringCase("cold start");
        assertThat(call(() -> area(robot, "logOutputArea"))).contains("START RequestId: ")
                .contains("greeting value1").contains("END RequestId: ").contains("REPORT RequestId: ");
        screenshot("test");
    }

    @Test
    @Order(4)
    void anErrorResultShowsTheErrorTypeAndMessage(FxRobot robot) {
        selectTab(robot, "codeTab");
        editAndDeploy(robot, """
                def lambda_handler(event, context):
                    raise KeyError("no such order")
                """);
        robot.press(KeyCode.F5).release(KeyCode.F5);
        until(() -> header(robot).contains("failed"), 60);
        assertThat(call(() -> area(robot, "responseArea"))).contains("\"errorType\"").contains("KeyError")
                .contains("no such order");
        screenshot("test-error");
    }

    @Test
    @Order(5)
    void memoryAndEnvironmentVariablesReachTheFunction(FxRobot robot) {
        selectTab(robot, "codeTab");
        editAndDeploy(robot, """
                import os
                def lambda_handler(event, context):
                    return {"greeting": os.environ.get("GREETING"), "memory": str(context.memory_limit_in_mb)}
                """);
        selectTab(robot, "configurationTab");
        until(() -> robot.lookup("#memoryField").tryQuery().isPresent(), 10);
        run(() -> field(robot, "memoryField").setText("256"));
        robot.clickOn("#saveGeneralButton");
        until(() -> Files.readString(dir.resolve("workspace/functions/hello-py/function.json")).contains("256"), 10);
        run(() -> {
            javafx.scene.control.ListView<Object> sections = robot.lookup("#configSections").queryListView();
            sections.getItems().stream().filter(o -> ((dev.lambdaconsole.app.config.SectionViewModel<?>) o).title()
                    .equals("Environment variables")).findFirst().ifPresent(o -> sections.getSelectionModel().select(o));
        });
        until(() -> robot.lookup("#envAddButton").tryQuery().isPresent(), 10);
        robot.clickOn("#envAddButton");
        run(() -> {
            ((TextField) robot.lookup(".env-key").query()).setText("GREETING");
            ((TextField) robot.lookup(".env-value").query()).setText("hi from the configuration tab");
        });
        robot.clickOn("#saveEnvButton");
        until(() -> Files.readString(dir.resolve("workspace/functions/hello-py/function.json")).contains("GREETING"), 10);
        screenshot("configuration");
        selectTab(robot, "testTab");
        robot.clickOn("#invokeButton");
        until(() -> area(robot, "responseArea").contains("hi from the configuration tab"), 60);
        assertThat(call(() -> area(robot, "responseArea"))).containsPattern("\"memory\"\\s*:\\s*\"256\"");
        assertThat(call(() -> text(robot, "memorySizeLabel"))).contains("256 MB");
    }

    @Test
    @Order(6)
    void theInvocationsLogsAreInMonitor(FxRobot robot) {
        String requestId = call(() -> text(robot, "requestIdLabel")).trim();
        selectTab(robot, "monitorTab");
        until(() -> table(robot).getItems().size() >= 3, 30);
        run(() -> {
            TableView<InvocationRow> t = table(robot);
            InvocationRow row = t.getItems().stream().filter(r -> requestId.contains(r.requestId())).findFirst()
                    .orElseThrow();
            t.getSelectionModel().select(row);
            t.requestFocus();
        });
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        until(() -> logLines(robot).stream().anyMatch(m -> m.startsWith("REPORT RequestId: ")), 30);
        assertThat(logLines(robot)).allMatch(m -> !m.startsWith("START") || requestId.contains(m.split(" ")[2]));
        screenshot("monitor");
    }

    @Test
    @Order(7)
    void nodeAndJavaFunctionsRunFromTheWizard(FxRobot robot) {
        for (String[] fn : new String[][] {{"hello-node", "nodejs22.x"}, {"hello-java", "java21"}}) {
            run(() -> shell.showCreateFunction());
            until(() -> robot.lookup("#functionNameField").tryQuery().isPresent(), 10);
            run(() -> {
                field(robot, "functionNameField").setText(fn[0]);
                runtimeChoice(robot).getSelectionModel().select(LambdaRuntime.byId(fn[1]).orElseThrow());
            });
            robot.clickOn("#createButton");
            until(() -> fn[0].equals(text(robot, "functionTitle")), 90);
            selectTab(robot, "testTab");
            robot.clickOn("#invokeButton");
            until(() -> header(robot).contains("succeeded"), 90);
            assertThat(call(() -> area(robot, "responseArea"))).contains("Hello from Lambda!");
            assertThat(call(() -> area(robot, "logOutputArea"))).contains("REPORT RequestId: ");
        }
    }

    @Test
    @Order(8)
    void deleteAFunctionFromTheList(FxRobot robot) {
        robot.clickOn("#navFunctions");
        until(() -> functions(robot).getItems().size() == 3, 20);
        screenshot("functions");
        run(() -> {
            TableView<FunctionRow> t = functions(robot);
            t.getSelectionModel().select(t.getItems().stream().filter(r -> r.name().equals("hello-py")).findFirst()
                    .orElseThrow());
        });
        robot.clickOn("#deleteFunctionButton");
        until(() -> robot.lookup("#confirmDeleteButton").tryQuery().isPresent(), 10);
        robot.clickOn("#confirmDeleteButton");
        until(() -> functions(robot).getItems().stream().noneMatch(r -> r.name().equals("hello-py")), 20);
        assertThat(dir.resolve("workspace/functions/hello-py")).doesNotExist();
        robot.clickOn("#navLayers");
        until(() -> robot.lookup("#layersTable").tryQuery().isPresent(), 10);
        robot.clickOn("#navSettings");
        until(() -> robot.lookup("#saveSettingsButton").tryQuery().isPresent(), 10);
        screenshot("settings");
    }

    // ---- steps -------------------------------------------------------------------------------------------

    private void editAndDeploy(FxRobot robot, String code) {
        until(() -> robot.lookup("#codeEditor").tryQuery().isPresent(), 20);
        MultiFileEditor files = call(() -> (MultiFileEditor) robot.lookup("#codeEditor").query());
        until(() -> files.selectedTab().map(EditorTab::isLoaded).orElse(false), 20);
        run(() -> {
            CodeEditor editor = files.selectedTab().orElseThrow().editor();
            editor.area().replaceText(code);
            editor.area().requestFocus();
        });
        until(() -> robot.lookup("#undeployedBanner").query().isVisible(), 10);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        until(() -> !robot.lookup("#undeployedBanner").query().isVisible()
                && text(robot, "deployStatus").contains("Deployed"), 60);
    }

    private static void selectTab(FxRobot robot, String id) {
        run(() -> ((FunctionPage) window.page()).select(id));
    }

    private static void screenshot(String name) {
        run(() -> Screenshots.save(scene, name));
    }

    private static String text(FxRobot robot, String id) {
        Node n = robot.lookup("#" + id).query();
        if (n instanceof Label l) return l.getText() == null ? "" : l.getText();
        if (n instanceof TextInputControl t) return t.getText();
        if (n instanceof Message m) return m.getTitle() + " " + m.getDescription();
        if (n instanceof javafx.scene.Parent p) {
            StringBuilder sb = new StringBuilder();
            p.lookupAll(".label").forEach(l -> sb.append(((Label) l).getText()).append(' '));
            return sb.toString();
        }
        return n.toString();
    }

    private static String header(FxRobot robot) {
        Message m = robot.lookup("#resultHeader").queryAs(Message.class);
        return (m.getTitle() + " " + m.getDescription()).toLowerCase();
    }

    private static String area(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TextArea.class).getText();
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TextField.class);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<LambdaRuntime> runtimeChoice(FxRobot robot) {
        return robot.lookup("#runtimeChoice").queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<InvocationRow> table(FxRobot robot) {
        return robot.lookup("#invocationsTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<FunctionRow> functions(FxRobot robot) {
        return robot.lookup("#functionsTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> logLines(FxRobot robot) {
        return call(() -> robot.lookup("#logList").queryAs(ListView.class).getItems().stream()
                .map(e -> ((LogEvent) e).message()).toList());
    }
}
