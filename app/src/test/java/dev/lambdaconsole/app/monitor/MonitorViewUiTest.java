package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(ApplicationExtension.class)
class MonitorViewUiTest {
    @TempDir Path workspace;
    TestConsole console;
    MonitorView view;

    @Start
    void start(Stage stage) {
        console = new TestConsole(workspace);
        console.runtime.workspace().create(FunctionConfig.builder("hello").runtime("python3.12")
                .handler("app.handler").build(), CodeSource.files(Map.of("app.py", """
                def handler(event, context):
                    print("hello from monitor", event.get("n"))
                    return {"ok": True}
                """)));
        view = new MonitorView(console.services, "hello");
        stage.setScene(new Scene(view, 1300, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(() -> view.close());
        WaitForAsyncUtils.waitForFxEvents();
        console.close();
    }

    private InvocationResult invoke(int n) {
        return console.services.engine().invokeSync(InvocationRequest.of("hello",
                ("{\"n\": " + n + "}").getBytes(StandardCharsets.UTF_8)));
    }

    private static <T> T fx(Callable<T> c) {
        T v = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
        WaitForAsyncUtils.waitForFxEvents();
        return v;
    }

    private static void until(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> fx(condition));
    }

    /** The text of the log rows on screen (time and message). */
    private List<String> rows(FxRobot robot) {
        return fx(() -> robot.lookup(".log-cell").queryAll().stream().filter(Node::isVisible)
                .flatMap(cell -> robot.from(cell).lookup(".label").queryAllAs(Label.class).stream())
                .map(Label::getText).filter(t -> t != null && !t.isEmpty()).toList());
    }

    @Test
    void anInvocationAppearsAndChoosingItShowsItsLinesWhichTheFilterNarrows(FxRobot robot) {
        InvocationResult first = invoke(1);
        TableView<?> table = robot.lookup("#invocationsTable").queryAs(TableView.class);
        until(() -> table.getItems().size() == 1);
        robot.clickOn(first.requestId());

        until(() -> rows(robot).stream().anyMatch(t -> t.startsWith("REPORT RequestId: " + first.requestId())));
        assertThat(rows(robot)).anyMatch(t -> t.equals("START RequestId: " + first.requestId() + " Version: $LATEST"))
                .anyMatch(t -> t.equals("hello from monitor 1"))
                .anyMatch(t -> t.equals("END RequestId: " + first.requestId()));
        assertThat(robot.lookup("#shownInvocationLabel").queryAs(Label.class).getText())
                .isEqualTo("Showing invocation " + first.requestId());

        robot.clickOn("#logFilterField").write("hello from");
        until(() -> robot.lookup("#logList").queryAs(ListView.class).getItems().size() == 1);
        assertThat(rows(robot)).contains("hello from monitor 1").noneMatch(t -> t.startsWith("REPORT"));

        robot.clickOn("#logList").clickOn("hello from monitor 1");
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        until(() -> Clipboard.getSystemClipboard().getString() != null
                && Clipboard.getSystemClipboard().getString().endsWith("\thello from monitor 1\n"));
    }

    @Test
    void liveTailShowsANewInvocationsLines(FxRobot robot) {
        invoke(1);
        until(() -> robot.lookup("#invocationsTable").queryAs(TableView.class).getItems().size() == 1);
        assertThat(robot.lookup("#liveTailToggle").queryAs(ToggleButton.class).isSelected()).isTrue();
        until(() -> rows(robot).contains("hello from monitor 1"));

        InvocationResult second = invoke(2);
        until(() -> rows(robot).contains("hello from monitor 2")
                && rows(robot).stream().anyMatch(t -> t.startsWith("REPORT RequestId: " + second.requestId())));
        until(() -> robot.lookup("#invocationsTable").queryAs(TableView.class).getItems().size() == 2);

        robot.clickOn("#logFilterField").write("monitor 2");
        until(() -> robot.lookup("#logList").queryAs(ListView.class).getItems().size() == 1);
        assertThat(rows(robot)).contains("hello from monitor 2").doesNotContain("hello from monitor 1");
    }

    @Test
    void aFilterPatternNarrowsTheLinesAndAnInvalidOneSaysWhatIsWrongBesideTheField(FxRobot robot) {
        invoke(1);
        invoke(2);
        until(() -> rows(robot).contains("hello from monitor 2"));
        robot.clickOn("#filterModeChoice").clickOn("Filter pattern");
        robot.clickOn("#logFilterField").write("[w1, w2, w3, n = 2*]");
        until(() -> robot.lookup("#logList").queryAs(ListView.class).getItems().size() == 1);
        assertThat(rows(robot)).contains("hello from monitor 2").doesNotContain("hello from monitor 1");
        Label problem = robot.lookup("#filterProblemLabel").queryAs(Label.class);
        assertThat(fx(problem::isVisible)).isFalse();

        robot.clickOn("#logFilterField").eraseText(20).write("[w1, w2 > x]");
        until(problem::isVisible);
        assertThat(problem.getText()).isEqualTo("Operator > needs a number, not 'x' at column 11");
        assertThat(robot.lookup("#logList").queryAs(ListView.class).getItems()).hasSize(1); // the last search stays
    }
}
