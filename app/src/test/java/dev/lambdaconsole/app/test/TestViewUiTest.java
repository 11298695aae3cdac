package dev.lambdaconsole.app.test;

import dev.lambdaconsole.app.FxSteps;
import atlantafx.base.controls.Message;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.simulators.events.EventType;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeView;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.lambdaconsole.app.FxSteps.call;
import static dev.lambdaconsole.app.FxSteps.run;
import static dev.lambdaconsole.app.FxSteps.until;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class TestViewUiTest {
    @TempDir static Path workspace;
    static TestConsole console;
    Stage stage;
    TestView view;

    @BeforeAll
    static void createFunctions() {
        console = new TestConsole(workspace);
        python("echo", """
                def handler(event, context):
                    print("echoing", event.get("key1"))
                    return {"echo": event.get("key1"), "keys": sorted(event)}
                """);
        python("broken", """
                def handler(event, context):
                    raise ValueError("cannot handle " + str(event.get("key1")))
                """);
        python("priced", """
                def handler(event, context):
                    return {"ok": True}
                """);
        python("events", """
                def handler(event, context):
                    return event
                """);
        console.runtime.workspace().create(FunctionConfig.builder("throttled").runtime("python3.12")
                .handler("app.handler").reservedConcurrentExecutions(0).build(),
                CodeSource.files(Map.of("app.py", "def handler(event, context):\n    return 1\n")));
    }

    private static void python(String name, String code) {
        console.runtime.workspace().create(FunctionConfig.builder(name).runtime("python3.12").handler("app.handler")
                .timeout(10).build(), CodeSource.files(Map.of("app.py", code)));
    }

    @AfterAll
    static void stop() { console.close(); }

    @Start
    void start(Stage stage) { this.stage = stage; }

    @AfterEach
    void closeView() {
        if (view != null) run(view::close);
    }

    private void open(String function) {
        view = call(() -> new TestView(console.services, function));
        FxSteps.show(stage, view);
    }

    private String editorText(FxRobot robot) {
        return call(() -> robot.lookup("#eventEditor").queryAs(CodeEditor.class).getText());
    }

    private String text(FxRobot robot, String id) {
        return call(() -> {
            Node node = robot.lookup("#" + id).query();
            return node instanceof Label l ? l.getText() : ((TextArea) node).getText();
        });
    }

    private Message header(FxRobot robot) {
        return robot.lookup("#resultHeader").queryAs(Message.class);
    }

    /** Opens Templates, searches, takes the first match with its defaults. */
    private void pickTemplate(FxRobot robot, String search) {
        openPicker(robot);
        FxSteps.type(robot, "#templateSearchField", search);
        robot.type(KeyCode.ENTER);
        until(() -> !robot.lookup("#useTemplateButton").queryButton().isDisabled());
        robot.clickOn("#useTemplateButton");
        until(() -> !pickerOpen(robot));
    }

    /** Read on the FX thread (inside until). */
    private static boolean pickerOpen(FxRobot robot) {
        return robot.lookup("#templateSearchField").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .orElse(false);
    }

    private void openPicker(FxRobot robot) {
        robot.clickOn("#templateButton");
        until(() -> pickerOpen(robot)
                && FxSteps.text(robot, "#templateStatus").matches("\\d+ templates? from \\d+ sources?"));
    }

    @Test
    void aTemplateSavedAsAnEventIsInvokedAndTheResultShowsResponseSummaryAndLog(FxRobot robot) {
        open("echo");
        pickTemplate(robot, "scheduled");
        until(() -> editorText(robot).contains("\"detail-type\": \"Scheduled Event\""));
        robot.clickOn("#newEventButton"); // back to Hello world
        until(() -> editorText(robot).contains("\"key1\": \"value1\""));
        robot.clickOn("#eventNameField").write("hello");
        robot.clickOn("#saveEventButton");
        until(() -> "hello".equals(robot.lookup("#savedEventsChoice").queryAs(ComboBox.class).getValue()));
        assertThat(console.runtime.workspace().events().read("echo", "hello")).contains("\"key1\": \"value1\"");
        assertThat(text(robot, "testMessageLabel")).isEqualTo("Saved test event hello.");

        robot.clickOn("#invokeButton");
        until(() -> header(robot).getTitle() != null);
        assertThat(header(robot).getTitle()).isEqualTo("Executing function: succeeded");
        assertThat(header(robot).getStyleClass()).contains("success");
        assertThat(text(robot, "responseArea")).contains("\"echo\" : \"value1\"");
        String requestId = text(robot, "requestIdLabel");
        assertThat(requestId).hasSize(36);
        assertThat(text(robot, "durationLabel")).matches("\\d+\\.\\d\\d ms");
        assertThat(text(robot, "billedDurationLabel")).matches("\\d+ ms");
        assertThat(text(robot, "memorySizeLabel")).isEqualTo("128 MB");
        assertThat(text(robot, "maxMemoryLabel")).matches("\\d+ MB");
        assertThat(text(robot, "initDurationLabel")).matches("\\d+\\.\\d\\d ms \\(cold start\\)");
        assertThat(text(robot, "logOutputArea")).contains("START RequestId: " + requestId, "echoing value1",
                "END RequestId: " + requestId, "REPORT RequestId: " + requestId);

        run(view::invoke); // what Ctrl+Enter and F5 do in the main window
        until(() -> !text(robot, "requestIdLabel").equals(requestId));
        assertThat(text(robot, "initDurationLabel")).startsWith("none (warm start");
        assertThat(text(robot, "logOutputArea")).doesNotContain(requestId);
    }

    @Test
    void theResultShowsTheInvocationsEstimatedCostLabelledWithThePriceTable(FxRobot robot) {
        open("priced");
        robot.clickOn("#invokeButton");
        until(() -> header(robot).getTitle() != null && !text(robot, "costLabel").isEmpty());
        long billed = Long.parseLong(text(robot, "billedDurationLabel").replace(" ms", ""));
        // billed s × 0.125 GB (128 MB) at the first x86_64 tier, plus one request
        String usd = dev.lambdaconsole.runtime.pricing.LambdaPricing.usd(billed / 8000.0 * 0.0000166667 + 0.0000002);
        assertThat(text(robot, "costLabel"))
                .isEqualTo("≈ " + usd + " — estimate, US East (N. Virginia) prices of 2026-08-01");
        assertThat(call(() -> robot.lookup("#costLabel").queryAs(Label.class).getTooltip().getText()))
                .contains(" GB-s: duration $", " + request $0.0000002");
        run(() -> dev.lambdaconsole.app.shell.Screenshots.save(stage.getScene(), "test-cost"));
    }

    @Test
    void theTemplatePickerSearchesTheLibraryAndAChangedParameterReachesTheFunction(FxRobot robot) {
        open("events");
        openPicker(robot);
        FxSteps.type(robot, "#templateSearchField", "cloudwatch scheduled");
        until(() -> FxSteps.text(robot, "#templateStatus").matches("\\d+ of \\d+ templates match"));
        assertThat(treeTexts(robot)).first().asString().startsWith("Amazon CloudWatch").endsWith("(cloudwatch)");
        assertThat(treeTexts(robot)).contains("logs", "scheduled-event").hasSize(3);
        robot.clickOn("scheduled-event");
        until(() -> robot.lookup("#param-rule-name").tryQuery().isPresent());
        assertThat(FxSteps.text(robot, "#param-rule-name")).isEqualTo("nightly-cleanup");
        assertThat(FxSteps.text(robot, "#templatePreview")).contains("rule/nightly-cleanup");
        FxSteps.type(robot, "#param-rule-name", "purge-old-orders");
        until(() -> FxSteps.text(robot, "#templatePreview").contains("rule/purge-old-orders"));
        robot.clickOn("#useTemplateButton");
        until(() -> editorText(robot).contains("rule/purge-old-orders"));
        assertThat(editorText(robot)).contains("\"detail-type\": \"Scheduled Event\"").doesNotContain("nightly-cleanup");
        assertThat(call(() -> pickerOpen(robot))).isFalse();

        robot.clickOn("#invokeButton"); // the function returns its event
        until(() -> header(robot).getTitle() != null);
        assertThat(header(robot).getTitle()).isEqualTo("Executing function: succeeded");
        assertThat(text(robot, "responseArea")).contains("rule/purge-old-orders");
    }

    private List<String> treeTexts(FxRobot robot) {
        return call(() -> {
            TreeView<?> tree = robot.lookup("#templateTree").queryAs(TreeView.class);
            List<String> texts = new ArrayList<>();
            for (int row = 0; row < tree.getExpandedItemCount(); row++) {
                Object value = tree.getTreeItem(row).getValue();
                texts.add(value instanceof TemplateGroup g ? g.description() + " (" + g.source() + ")"
                        : ((EventType) value).type());
            }
            return texts;
        });
    }

    @Test
    void aFunctionThatRaisesShowsTheFailedHeaderWithItsErrorObject(FxRobot robot) {
        open("broken");
        robot.clickOn("#invokeButton");
        until(() -> header(robot).getTitle() != null);
        assertThat(header(robot).getTitle()).isEqualTo("Executing function: failed (ValueError)");
        assertThat(header(robot).getStyleClass()).contains("danger").doesNotContain("success");
        assertThat(text(robot, "responseArea")).contains("\"errorType\" : \"ValueError\"",
                "\"errorMessage\" : \"cannot handle value1\"");
        assertThat(text(robot, "logOutputArea")).contains("REPORT RequestId: " + text(robot, "requestIdLabel"));
    }

    @Test
    void invalidJsonIsShownWithItsPositionAndIsNotInvoked(FxRobot robot) {
        open("echo");
        CodeEditor editor = robot.lookup("#eventEditor").queryAs(CodeEditor.class);
        run(() -> editor.area().replaceText("{\n  \"key1\": \"a\",\n}"));
        until(() -> robot.lookup("#jsonErrorLabel").query().isVisible());
        assertThat(text(robot, "jsonErrorLabel"))
                .startsWith("Invalid JSON at line 3, column 1: Unexpected character ('}'");
        assertThat(robot.lookup("#invokeButton").queryAs(Button.class).isDisabled()).isTrue();
        run(view::invoke);
        assertThat(text(robot, "testMessageLabel")).startsWith("The event is not valid JSON: line 3, column 1");
        assertThat(robot.lookup("#resultHeader").tryQuery()).isEmpty();

        robot.clickOn("#formatButton");
        assertThat(editorText(robot)).isEqualTo("{\n  \"key1\": \"a\",\n}");
        run(() -> editor.area().replaceText("{\"key1\":\"a\",\"n\":[1,2]}"));
        until(() -> !robot.lookup("#jsonErrorLabel").query().isVisible());
        robot.clickOn("#formatButton");
        assertThat(editorText(robot)).isEqualTo("{\n  \"key1\": \"a\",\n  \"n\": [\n    1,\n    2\n  ]\n}\n");
        assertThat(robot.lookup("#invokeButton").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void savedEventsAreDuplicatedRenamedDeletedAndReopened(FxRobot robot) {
        open("events");
        run(() -> robot.lookup("#eventEditor").queryAs(CodeEditor.class).area().replaceText("{\"n\": 1}"));
        robot.clickOn("#eventNameField").write("first");
        robot.clickOn("#saveEventButton");
        until(() -> console.runtime.workspace().events().names("events").contains("first"));

        robot.clickOn("#duplicateEventButton");
        until(() -> "first-copy".equals(choice(robot).getValue()));
        robot.clickOn("#renameEventButton");
        robot.lookup("#renameEventField").queryTextInputControl().clear();
        robot.clickOn("#renameEventField").write("second").type(KeyCode.ENTER);
        until(() -> "second".equals(choice(robot).getValue()));
        assertThat(console.runtime.workspace().events().names("events")).containsExactly("first", "second");

        robot.clickOn("#deleteEventButton");
        robot.clickOn("Delete");
        until(() -> choice(robot).getValue() == null && choice(robot).getItems().size() == 1);
        assertThat(console.runtime.workspace().events().names("events")).containsExactly("first");

        robot.clickOn("#newEventButton");
        until(() -> editorText(robot).contains("key1"));
        robot.clickOn("#savedEventsChoice");
        robot.clickOn("first");
        until(() -> editorText(robot).equals("{\"n\": 1}"));
        assertThat(call(() -> robot.lookup("#eventNameField").queryTextInputControl().getText())).isEqualTo("first");
    }

    @Test
    void anAsynchronousInvocationIsQueued(FxRobot robot) {
        open("events");
        robot.clickOn(robot.lookup("#asyncToggle .thumb").queryAs(Node.class));
        robot.clickOn("#invokeButton");
        until(() -> header(robot).getTitle() != null);
        assertThat(header(robot).getTitle()).isEqualTo("Queued asynchronous invocation");
        assertThat(header(robot).getDescription()).contains("appear in Monitor");
        assertThat(robot.lookup("#logOutputArea").tryQuery()).isEmpty();
    }

    @Test
    void aThrottledInvocationIsShownAsRefusedWithTheReason(FxRobot robot) {
        open("throttled");
        robot.clickOn("#invokeButton");
        until(() -> header(robot).getTitle() != null);
        assertThat(header(robot).getTitle())
                .isEqualTo("Invocation refused: throttled (ReservedFunctionConcurrentInvocationLimitExceeded)");
        assertThat(header(robot).getStyleClass()).contains("warning");
        assertThat(header(robot).getDescription()).startsWith("Rate Exceeded.").contains("reserved concurrency");
        assertThat(robot.lookup("#responseArea").tryQuery()).isEmpty();
        assertThat(call(() -> robot.lookup("#invokeButton").queryAs(Button.class).isDisabled())).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> choice(FxRobot robot) {
        return robot.lookup("#savedEventsChoice").queryAs(ComboBox.class);
    }
}
