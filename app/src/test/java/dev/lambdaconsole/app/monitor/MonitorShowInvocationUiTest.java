package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.app.FxSteps;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitor opened on one invocation by request id (what the trigger activity's links do): a Monitor tab just
 * created selects that invocation once its rows are read and shows its log lines only.
 */
@ExtendWith(ApplicationExtension.class)
class MonitorShowInvocationUiTest {
    @TempDir Path workspace;
    TestConsole console;
    Stage stage;
    MonitorView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = new TestConsole(workspace);
        console.runtime.workspace().create(FunctionConfig.builder("hello").runtime("python3.12")
                .handler("app.handler").build(), CodeSource.files(Map.of("app.py", """
                def handler(event, context):
                    print("handling order", event.get("n"))
                    return {"ok": True}
                """)));
    }

    @AfterEach
    void stop() {
        if (view != null) FxSteps.run(view::close);
        console.close();
    }

    private InvocationResult invoke(int n) {
        return console.services.engine().invokeSync(InvocationRequest.of("hello",
                ("{\"n\": " + n + "}").getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> lines(FxRobot robot) {
        return FxSteps.call(() -> robot.lookup(".log-cell").queryAll().stream().filter(Node::isVisible)
                .flatMap(cell -> robot.from(cell).lookup(".label").queryAllAs(Label.class).stream())
                .map(Label::getText).filter(t -> t != null && !t.isEmpty()).toList());
    }

    @Test
    void showInvocationSelectsThatInvocationAndShowsItsLogs(FxRobot robot) {
        InvocationResult first = invoke(1);
        InvocationResult second = invoke(2);
        invoke(3);
        console.services.logs().flush();

        view = FxSteps.call(() -> {
            MonitorView v = new MonitorView(console.services, "hello");
            v.showInvocation(second.requestId()); // at once, as the function page does: the rows are still loading
            return v;
        });
        FxSteps.show(stage, view);
        TableView<?> table = robot.lookup("#invocationsTable").queryAs(TableView.class);
        FxSteps.until(() -> table.getItems().size() == 3 && table.getSelectionModel().getSelectedItem() != null);
        assertThat(FxSteps.call(() -> ((InvocationRow) table.getSelectionModel().getSelectedItem()).requestId()))
                .isEqualTo(second.requestId());
        FxSteps.until(() -> lines(robot).contains("handling order 2"));
        assertThat(lines(robot)).doesNotContain("handling order 1", "handling order 3");
        assertThat(FxSteps.text(robot, "#shownInvocationLabel")).isEqualTo("Showing invocation " + second.requestId());

        FxSteps.run(() -> view.showInvocation(first.requestId()));
        FxSteps.until(() -> lines(robot).contains("handling order 1"));
        assertThat(FxSteps.call(() -> ((InvocationRow) table.getSelectionModel().getSelectedItem()).requestId()))
                .isEqualTo(first.requestId());
        assertThat(lines(robot)).doesNotContain("handling order 2");
    }
}
