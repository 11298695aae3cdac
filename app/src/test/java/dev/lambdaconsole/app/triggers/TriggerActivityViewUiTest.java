package dev.lambdaconsole.app.triggers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.app.FxSteps;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.simulators.sqs.SqsAccess;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity of an SQS trigger on a real engine (process backend): a Python function reports one message of a
 * three-message batch as failed; the view shows the batch as a partial failure naming that message, and the
 * request id opens the invocation.
 */
@ExtendWith(ApplicationExtension.class)
class TriggerActivityViewUiTest {
    @TempDir Path workspace;
    TestConsole console;
    Stage stage;
    TriggerActivityView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = new TestConsole(workspace);
        console.runtime.workspace().create(FunctionConfig.builder("worker").runtime("python3.12")
                .handler("app.handler").build(), CodeSource.files(Map.of("app.py", """
                def handler(event, context):
                    failed = [{"itemIdentifier": r["messageId"]}
                              for r in event["Records"] if "fail" in r["body"]]
                    return {"batchItemFailures": failed}
                """)));
    }

    @AfterEach
    void stop() {
        if (view != null) FxSteps.run(view::close);
        console.close();
    }

    @Test
    void aPartialFailureShowsTheFailedMessageAndItsInvocationOpensInMonitor(FxRobot robot) {
        SqsAccess sqs = console.simulators.sqs().orElseThrow();
        ObjectNode create = Json.object().put("QueueName", "orders");
        create.putObject("Attributes").put("VisibilityTimeout", "60");
        String url = sqs.call("CreateQueue", create).path("QueueUrl").asText();
        ObjectNode get = Json.object().put("QueueUrl", url);
        get.putArray("AttributeNames").add("QueueArn");
        String queue = sqs.call("GetQueueAttributes", get).path("Attributes").path("QueueArn").asText();
        List<String> ids = List.of("first order", "please fail this one", "third order").stream()
                .map(body -> sqs.call("SendMessage", Json.object().put("QueueUrl", url).put("MessageBody", body))
                        .path("MessageId").asText()).toList();

        view = FxSteps.call(() -> new TriggerActivityView(console.services, "worker", queue, "sqs"));
        FxSteps.show(stage, view);
        assertThat(FxSteps.text(robot, "#activitySummary"))
                .isEqualTo("No deliveries yet: worker has not been triggered by this source.");

        ObjectNode mapping = Json.object().put("EventSourceArn", queue).put("FunctionName", "worker")
                .put("BatchSize", 10).put("MaximumBatchingWindowInSeconds", 1);
        mapping.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
        console.simulators.mappings().orElseThrow().create(mapping);

        @SuppressWarnings("unchecked")
        TableView<ActivityRow> table = robot.lookup("#activityTable").queryAs(TableView.class);
        FxSteps.until(() -> !table.getItems().isEmpty());
        ActivityRow row = FxSteps.call(() -> table.getItems().get(0));
        assertThat(FxSteps.call(() -> table.getItems().size())).isEqualTo(1);
        assertThat(row.result()).isEqualTo("Partial failure: 1 of 3 failed");
        assertThat(row.batchSize()).isEqualTo("3");
        assertThat(robot.lookup(".activity-warning").tryQuery()).isPresent();
        assertThat(robot.lookup("Partial failure: 1 of 3 failed").tryQuery()).isPresent();
        assertThat(FxSteps.text(robot, "#activitySummary")).isEqualTo("1 delivery (3 records): 1 failed (1 partial failure)");

        robot.clickOn("Partial failure: 1 of 3 failed");
        String details = FxSteps.call(() -> robot.lookup("#activityDetails").queryAs(TextArea.class).getText());
        assertThat(details).contains("Failed items: 1\n  " + ids.get(1) + "\n");
        assertThat(details).contains("Records: 3");

        Hyperlink link = robot.lookup(".activity-invocation-link").queryAs(Hyperlink.class);
        assertThat(FxSteps.call(link::getText)).isEqualTo(row.requestId()).isNotBlank();
        robot.clickOn(link);
        FxSteps.until(() -> console.shellCalls.contains("invocation:worker:" + row.requestId()));
    }
}
