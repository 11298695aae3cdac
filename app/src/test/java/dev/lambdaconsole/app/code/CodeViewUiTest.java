package dev.lambdaconsole.app.code;

import atlantafx.base.controls.Message;
import dev.lambdaconsole.app.create.Blueprints;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.editor.files.EditorTab;
import dev.lambdaconsole.editor.files.MultiFileEditor;
import dev.lambdaconsole.editor.problems.Diagnostic;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.lambdaconsole.app.FxSteps.call;
import static dev.lambdaconsole.app.FxSteps.run;
import static dev.lambdaconsole.app.FxSteps.until;
import static org.assertj.core.api.Assertions.assertThat;

/** The Code tab in a window: a real engine (process backend), typing with the robot, deploying, invoking. */
@ExtendWith(ApplicationExtension.class)
class CodeViewUiTest {
    static final String PYTHON = """
            def lambda_handler(event, context):
                return {"version": "v" + str(VERSION)}


            VERSION = 1
            """;
    static final AtomicInteger COUNT = new AtomicInteger();
    @TempDir static Path root;
    static TestConsole console;
    CodeView view;
    String function;

    @BeforeAll
    static void engine() {
        console = new TestConsole(root);
    }

    @AfterAll
    static void stop() { console.close(); }

    @Start
    void start(Stage stage) {
        function = "ui-code-" + COUNT.incrementAndGet();
        console.services.workspace().create(FunctionConfig.builder(function).runtime("python3.12")
                .handler("lambda_function.lambda_handler").build(), CodeSource.files(Map.of("lambda_function.py", PYTHON)));
        view = new CodeView(console.services, function);
        stage.setScene(new Scene(view, 1100, 750));
        stage.show();
    }

    @AfterEach
    void close() { run(() -> view.close()); }

    @Test
    void typingShowsChangesNotDeployedAndCtrlSDeploysWhatTheNextInvokeRuns(FxRobot robot) {
        assertThat(invoke(function)).contains("v1");
        EditorTab tab = loadedTab();
        assertThat(visible(robot, "#undeployedBanner")).isFalse();

        typeAtEnd(robot, tab, "VERSION = 2");
        until(() -> visible(robot, "#undeployedBanner"));
        assertThat(call(view::hasUndeployedChanges)).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);

        until(() -> !visible(robot, "#undeployedBanner") && visible(robot, "#deployStatus"));
        assertThat(call(view::hasUndeployedChanges)).isFalse();
        assertThat(call(() -> robot.lookup("#deployStatus").queryAs(Message.class).getTitle())).startsWith("Deployed ");
        assertThat(invoke(function)).contains("v2");
        assertThat(console.services.workspace().codeDir(function).resolve("lambda_function.py")).content()
                .endsWith("VERSION = 2");
    }

    @Test
    void editsAreSavedToTheDraftNotTheCodeUntilDeployIsClicked(FxRobot robot) {
        EditorTab tab = loadedTab();
        typeAtEnd(robot, tab, "VERSION = 3");
        Path draftFile = console.services.stateDir().resolve("drafts").resolve(function).resolve("lambda_function.py");
        until(() -> Files.readString(draftFile).endsWith("VERSION = 3") && !tab.isModified());
        assertThat(visible(robot, "#undeployedBanner")).as("the saved draft is not deployed yet").isTrue();
        assertThat(console.services.workspace().codeDir(function).resolve("lambda_function.py")).hasContent(PYTHON);
        assertThat(invoke(function)).contains("v1");

        robot.clickOn("#deployButton");
        until(() -> !visible(robot, "#undeployedBanner"));
        assertThat(invoke(function)).contains("v3");
    }

    @Test
    void closingTheTabKeepsUnsavedTypingInTheDraft(FxRobot robot) {
        EditorTab tab = loadedTab();
        typeAtEnd(robot, tab, "VERSION = 5");
        run(() -> view.close());
        Path draftFile = console.services.stateDir().resolve("drafts").resolve(function).resolve("lambda_function.py");
        until(() -> Files.readString(draftFile).endsWith("VERSION = 5"));
        assertThat(invoke(function)).contains("v1");
    }

    @Test
    void aBrokenHandlerShowsItsRuleAndCannotBeSaved(FxRobot robot) {
        loadedTab();
        robot.doubleClickOn("#handlerField");
        run(() -> robot.lookup("#handlerField").queryTextInputControl().clear());
        robot.write("nodot");
        until(() -> visible(robot, "#handlerError"));
        assertThat(call(() -> robot.lookup("#handlerError").queryAs(Label.class).getText()))
                .startsWith("for python3.12 must be module.function");
        assertThat(call(() -> robot.lookup("#saveRuntimeButton").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(console.services.workspace().read(function).handler()).isEqualTo("lambda_function.lambda_handler");
    }

    @Test
    void aJavaCompileErrorIsShownWithItsLineAndMarkedInTheEditor(FxRobot robot) {
        String java = "ui-java-" + COUNT.incrementAndGet();
        console.services.workspace().create(FunctionConfig.builder(java).runtime("java17")
                .handler("example.Handler::handleRequest").timeout(30).build(),
                JavaBuild.source(LambdaRuntime.JAVA_17, Blueprints.HELLO_WORLD_JAVA.codeFor(LambdaRuntime.JAVA_17).files()));
        run(() -> {
            Scene scene = view.getScene();
            view.close();
            view = new CodeView(console.services, java);
            scene.setRoot(view);
        });
        EditorTab tab = loadedTab();
        assertThat(tab.getFile().toString()).endsWith("src/main/java/example/Handler.java");
        int line = call(() -> tab.editor().getText().lines().toList().indexOf("        return response;"));
        robot.clickOn(tab.editor().area());
        run(() -> tab.editor().area().moveTo(line, 8));
        robot.write("int broken = missing; ");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);

        until(() -> visible(robot, "#deployStatus"));
        Message status = call(() -> robot.lookup("#deployStatus").queryAs(Message.class));
        assertThat(call(status::getTitle)).isEqualTo("Not deployed: the Java code did not compile");
        assertThat(call(status::getDescription)).contains("src/main/java/example/Handler.java:" + (line + 1)
                + ": cannot find symbol");
        until(() -> tab.editor().problems().getDiagnostics().stream().map(Diagnostic::line).toList().contains(line + 1));
        assertThat(visible(robot, "#undeployedBanner")).isTrue();
        assertThat(invoke(java)).contains("Hello from Lambda!");
    }

    @Test
    void unsavedWorkFromACrashedSessionIsOfferedAndRestored(FxRobot robot) throws Exception {
        loadedTab();
        Path draftFile = console.services.stateDir().resolve("drafts").resolve(function).resolve("lambda_function.py");
        Path copy = console.services.stateDir().resolve("recovery").resolve(function).resolve("lambda_function.py");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, PYTHON + "VERSION = 4\n");
        Files.setLastModifiedTime(draftFile, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        run(() -> {
            Scene scene = view.getScene();
            view.close();
            view = new CodeView(console.services, function);
            scene.setRoot(view);
        });
        until(() -> visible(robot, "#recoveryBanner"));
        robot.clickOn("#restoreRecoveryButton");
        until(() -> !visible(robot, "#recoveryBanner") && visible(robot, "#undeployedBanner"));
        EditorTab tab = loadedTab();
        until(() -> tab.editor().getText().endsWith("VERSION = 4\n"));
        assertThat(draftFile).hasContent(PYTHON + "VERSION = 4\n");
        assertThat(copy).doesNotExist();
        robot.clickOn("#deployButton");
        until(() -> !visible(robot, "#undeployedBanner"));
        assertThat(invoke(function)).contains("v4");
    }

    private EditorTab loadedTab() {
        MultiFileEditor editor = call(() -> (MultiFileEditor) view.lookup("#codeEditor"));
        until(() -> editor.selectedTab().map(EditorTab::isLoaded).orElse(false));
        return call(() -> editor.selectedTab().orElseThrow());
    }

    private static void typeAtEnd(FxRobot robot, EditorTab tab, String text) {
        robot.clickOn(tab.editor().area());
        run(() -> tab.editor().area().moveTo(tab.editor().area().getLength()));
        robot.write(text);
    }

    private static boolean visible(FxRobot robot, String query) {
        return call(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    private static String invoke(String name) {
        return console.services.engine().invokeSync(InvocationRequest.of(name, "{}".getBytes(StandardCharsets.UTF_8)))
                .payloadText();
    }
}
