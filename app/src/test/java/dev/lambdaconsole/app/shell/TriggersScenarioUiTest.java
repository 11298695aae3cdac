package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.FxSteps;
import dev.lambdaconsole.app.common.ConsoleSettings;
import dev.lambdaconsole.app.common.ProgressBoard;
import dev.lambdaconsole.app.services.queues.QueueRow;
import dev.lambdaconsole.app.services.buckets.BucketsView;
import dev.lambdaconsole.editor.concurrent.FxTaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.lambdaconsole.app.FxSteps.call;
import static dev.lambdaconsole.app.FxSteps.run;
import static dev.lambdaconsole.app.FxSteps.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triggers as a user meets them in the console, at the default window size (1280×800), on the Docker backend
 * (processes when no Docker answers outside CI): an SQS trigger added from its form and fed from the Services
 * page, one batch with one partial failure in its activity and the failed message in the dead-letter queue; an S3
 * trigger with a suffix fed by a file dropped on the bucket; an HTTP API trigger answered in the request sender; a
 * schedule with its next fire times; the overview with all of them, following a trigger added with the AWS CLI;
 * and the Test tab's response and log in view after Invoke. Screenshots of the overview, Add trigger, Services and
 * the activity are saved.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TriggersScenarioUiTest {
    private static final String FUNCTION = "orders";
    private static final String HANDLER = """
            import json

            def lambda_handler(event, context):
                records = event.get("Records") or []
                if records and records[0].get("eventSource") == "aws:sqs":
                    failed = [{"itemIdentifier": r["messageId"]} for r in records if "bad" in r["body"]]
                    print("batch of", len(records), "failed", len(failed))
                    return {"batchItemFailures": failed}
                if "rawPath" in event:
                    return {"statusCode": 200, "headers": {"content-type": "application/json"},
                            "body": json.dumps({"path": event["rawPath"], "answer": "from orders"})}
                print("event", json.dumps(event)[:300])
                return {"ok": True}
            """;

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
        shell = new ShellViewModel(settings, tasks, new ProgressBoard(tasks));
    }

    @AfterAll
    static void stop() {
        if (window != null) run(window::closeCurrentPage);
        shell.close();
        tasks.close();
    }

    @Start
    void start(Stage stage) {
        if (window == null) {
            ConsoleApp.applyTheme(false);
            window = new MainWindow(shell, tasks, new ProgressBoard(tasks), Composition.pages());
            shell.start();
            scene = new Scene(window, 1280, 800);
            scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
        }
        if (stage.getScene() != scene) stage.setScene(scene);
        stage.show();
    }

    @Test
    @Order(1)
    void anSqsTriggerFromItsFormGetsOneBatchFromTheServicesPageWithOnePartialFailure(FxRobot robot) throws Exception {
        until(() -> shell.stateProperty().get() == ShellViewModel.State.READY, 120);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(shell.runtimeProperty().get().backendDescription()).startsWith("docker backend");
        }
        shell.runtimeProperty().get().workspace().create(FunctionConfig.builder(FUNCTION).runtime("python3.13")
                .handler("lambda_function.lambda_handler").timeout(10).build(),
                CodeSource.files(Map.of("lambda_function.py", HANDLER)));
        // the queue and its dead-letter queue (one receive, then the DLQ), as a user would make them with the CLI
        aws("sqs", "create-queue", "--queue-name", "orders-dlq");
        aws("sqs", "create-queue", "--queue-name", "orders-queue", "--attributes",
                "{\"VisibilityTimeout\":\"10\",\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"arn:aws:sqs:us-east-1:"
                        + "000000000000:orders-dlq\\\",\\\"maxReceiveCount\\\":\\\"1\\\"}\"}");

        openTriggers(robot);
        Stage dialog = openAddTrigger(robot);
        robot.clickOn("#source-sqs");
        FxSteps.type(robot, robot.lookup("#sqsQueue").queryAs(ComboBox.class).getEditor(), "orders-queue");
        FxSteps.type(robot, "#sqsBatchWindow", "6");
        robot.clickOn("#sqsReportFailures");
        screenshotOf(dialog.getScene(), "add-trigger");
        until(() -> !robot.lookup("#addTriggerAdd").queryButton().isDisabled(), 10);
        robot.clickOn("#addTriggerAdd");
        until(() -> !dialog.isShowing(), 20);
        until(() -> triggersText(robot).contains("orders-queue"), 20);

        // three messages from the Services page, quickly enough to make one batch (a 6 s batching window)
        run(() -> shell.showServices());
        until(() -> robot.lookup("#servicesPage").tryQuery().isPresent(), 10);
        tab(robot, "Queues");
        until(() -> robot.lookup("#queueTable").lookup("orders-queue").tryQuery().isPresent(), 20);
        robot.clickOn(robot.lookup("#queueTable").lookup("orders-queue").<Node>query());
        tab(robot, "Send message");
        for (String body : List.of("order 1 ok", "order 2 bad", "order 3 ok")) {
            FxSteps.type(robot, "#sendBody", body);
            robot.clickOn("#sendMessageButton");
            until(() -> FxSteps.text(robot, "#sendResult").startsWith("Sent message "), 10);
        }
        screenshot("services");

        // the trigger's activity: one batch of three, one failed
        openTriggers(robot);
        selectTrigger(robot, "orders-queue");
        waitFor(() -> activityText(robot), t -> t.contains("Partial failure"), 90, "the SQS trigger's activity");
        assertThat(activityText(robot)).contains("1 of 3 failed");
        assertThat(activityText(robot)).as("one receive allowed: SQS moves it to the DLQ").contains("orders-dlq");
        run(() -> {
            // the activity sits below the list and the trigger's details: scroll the section to it
            Node activity = robot.lookup("#triggerActivity").query();
            for (Node n = activity; n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane sp) {
                    double y = sp.getContent().sceneToLocal(activity.localToScene(0, 0)).getY();
                    double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(room <= 0 ? 0 : Math.min(1, y / room) * sp.getVmax());
                    break;
                }
            }
        });
        Thread.sleep(500); // two pulses: the table lays out its rows where it now shows
        screenshot("trigger-activity");

        // the failed message moves to the dead-letter queue (one receive allowed)
        run(() -> shell.showServices());
        tab(robot, "Queues");
        until(() -> {
            robot.clickOn("#queuesRefreshButton");
            return dlqAvailable(robot) == 1;
        }, 60);
    }

    @Test
    @Order(2)
    void anS3TriggerWithASuffixInvokesTheFunctionForAFileDroppedOnTheBucket(FxRobot robot) throws Exception {
        openTriggers(robot);
        Stage dialog = openAddTrigger(robot);
        FxSteps.type(robot, "#triggerSearch", "s3");
        robot.clickOn("#source-s3");
        FxSteps.type(robot, robot.lookup("#s3Bucket").queryAs(ComboBox.class).getEditor(), "incoming");
        until(() -> FxSteps.shown(robot, "#s3NewBucket"), 10);
        FxSteps.type(robot, "#s3Suffix", ".csv");
        until(() -> !robot.lookup("#addTriggerAdd").queryButton().isDisabled(), 10);
        robot.clickOn("#addTriggerAdd");
        until(() -> !dialog.isShowing(), 20);

        run(() -> shell.showServices());
        until(() -> robot.lookup("#bucketList").tryQuery().isPresent(), 10);
        until(() -> texts(robot.lookup("#bucketList").query()).contains("incoming"), 20);
        robot.clickOn(robot.lookup("#bucketList .list-cell").<Labeled>match(c -> c.getText() != null
                && c.getText().startsWith("incoming")).queryLabeled());
        Path files = Files.createDirectories(dir.resolve("files"));
        Path csv = Files.writeString(files.resolve("orders-2026-12.csv"), "id,total\n1,25\n");
        Path txt = Files.writeString(files.resolve("notes.txt"), "not for the function");
        run(() -> robot.lookup("#bucketsView").queryAs(BucketsView.class).dropFiles(List.of(csv, txt)));
        until(() -> robot.lookup("orders-2026-12.csv").tryQuery().isPresent(), 20);

        openTriggers(robot);
        selectTrigger(robot, "incoming");
        until(() -> activityText(robot).contains("Success"), 90);
        assertThat(activityText(robot)).as("the suffix rule: only the .csv reaches the function")
                .doesNotContain("notes.txt");
    }

    @Test
    @Order(3)
    void anHttpApiTriggerAnswersTheRequestSender(FxRobot robot) {
        openTriggers(robot);
        Stage dialog = openAddTrigger(robot);
        FxSteps.type(robot, "#triggerSearch", "api");
        robot.clickOn("#source-apigateway");
        FxSteps.type(robot, "#apiName", "orders-api");
        FxSteps.type(robot, "#apiPath", "/orders");
        until(() -> !robot.lookup("#addTriggerAdd").queryButton().isDisabled(), 10);
        robot.clickOn("#addTriggerAdd");
        until(() -> !dialog.isShowing(), 20);

        run(() -> shell.showServices());
        tab(robot, "APIs");
        java.util.function.Predicate<Node> ordersRoute = n -> n instanceof Labeled l && l.getText() != null
                && l.getText().endsWith("/orders");
        until(() -> robot.lookup("#endpointsTable").lookup(ordersRoute).tryQuery().isPresent(), 20);
        robot.clickOn(robot.lookup("#endpointsTable").lookup(ordersRoute).<Node>query());
        robot.clickOn("#sendRequestButton");
        until(() -> FxSteps.text(robot, "#responseStatus").startsWith("200"), 90);
        assertThat(FxSteps.text(robot, "#responseBodyArea")).contains("from orders", "/orders");
    }

    @Test
    @Order(4)
    void aScheduleShowsItsNextFiveFireTimesAsTyped(FxRobot robot) {
        openTriggers(robot);
        Stage dialog = openAddTrigger(robot);
        FxSteps.type(robot, "#triggerSearch", "sched");
        robot.clickOn("#source-schedule");
        FxSteps.type(robot, "#scheduleRuleName", "nightly-report");
        FxSteps.type(robot, "#scheduleExpression", "cron(0 2 * * ? *)");
        until(() -> FxSteps.text(robot, "#scheduleNextTimes").split("\n").length == 5
                && FxSteps.text(robot, "#scheduleNextTimes").contains("02:00"), 10);
        robot.clickOn("#addTriggerAdd");
        waitFor(() -> dialog.isShowing() ? call(() -> texts(dialog.getScene().getRoot())) : "closed",
                t -> t.equals("closed"), 20, "the Add trigger dialog");
        String rules = shell.simulators().eventBridge().orElseThrow().ruleViews() + "; triggers: "
                + shell.simulators().triggers().triggersOf(FUNCTION);
        waitFor(() -> triggersText(robot), t -> t.contains("nightly-report"), 20, "the triggers list (rules: "
                + rules + ")");
    }

    @Test
    @Order(5)
    void theOverviewShowsEveryTriggerAndFollowsTheAwsCli(FxRobot robot) throws Exception {
        run(() -> shell.openFunction(FUNCTION, "configurationTab"));
        waitFor(() -> overviewText(robot), t -> t.contains("orders-queue") && t.contains("incoming")
                && t.contains("orders-api") && t.contains("nightly-report"), 20, "the overview (triggers: "
                + shell.simulators().triggers().triggersOf(FUNCTION) + ")");
        aws("lambda", "create-function-url-config", "--function-name", FUNCTION, "--auth-type", "NONE");
        until(() -> overviewText(robot).contains("lambda-url"), 20);
        screenshot("overview");
    }

    @Test
    @Order(6)
    void afterInvokeTheResponseAndTheLogAreInViewAtTheDefaultSize(FxRobot robot) {
        run(() -> shell.openFunction(FUNCTION, "testTab"));
        until(() -> robot.lookup("#invokeButton").tryQuery().isPresent(), 10);
        robot.clickOn("#invokeButton");
        until(() -> FxSteps.text(robot, "#responseArea").contains("ok"), 60);
        for (String id : List.of("#responseArea", "#logOutputArea")) {
            Bounds b = call(() -> {
                Node n = robot.lookup(id).query();
                return n.localToScene(n.getBoundsInLocal());
            });
            assertThat(b.getHeight()).as(id + " has room to read").isGreaterThan(60);
            assertThat(b.getMaxY()).as(id + " ends inside the 800 px window").isLessThanOrEqualTo(scene.getHeight());
            assertThat(b.getMaxX()).as(id + " ends inside the 1280 px window").isLessThanOrEqualTo(scene.getWidth());
        }
        assertThat(FxSteps.text(robot, "#logOutputArea")).contains("REPORT RequestId");
    }

    // --- steps

    /** Waits until {@code text} satisfies {@code wanted}; on timeout, fails with what was shown last. */
    private static void waitFor(java.util.function.Supplier<String> text, java.util.function.Predicate<String> wanted,
                                int seconds, String what) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String last = "";
        while (System.nanoTime() < end) {
            last = text.get();
            if (wanted.test(last)) return;
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(what + " did not show what was expected within " + seconds + " s; it showed:\n" + last);
    }

    private static void openTriggers(FxRobot robot) {
        run(() -> shell.openFunction(FUNCTION, "configurationTab"));
        until(() -> robot.lookup("#functionOverview").tryQuery().isPresent(), 10);
        until(() -> robot.lookup("#configSections .list-cell").<Labeled>match(c -> "Triggers".equals(c.getText()))
                .tryQuery().isPresent(), 10);
        robot.clickOn(robot.lookup("#configSections .list-cell").<Labeled>match(c -> "Triggers".equals(c.getText()))
                .queryLabeled());
        until(() -> robot.lookup("#triggersTable").tryQuery().filter(Node::isVisible).isPresent(), 10);
    }

    private static Stage openAddTrigger(FxRobot robot) {
        robot.clickOn("#addTriggerButton");
        until(() -> dialog() != null, 10);
        return call(TriggersScenarioUiTest::dialog);
    }

    private static Stage dialog() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getScene() != null && s.getScene().lookup("#addTrigger") != null)
                .map(w -> (Stage) w).findFirst().orElse(null);
    }

    private static void selectTrigger(FxRobot robot, String name) {
        until(() -> triggersText(robot).contains(name), 20);
        run(() -> {
            TableView<dev.lambdaconsole.app.triggers.TriggerRow> table = robot.lookup("#triggersTable").queryTableView();
            table.getItems().stream().filter(r -> r.trigger().name().contains(name)).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        });
        until(() -> robot.lookup("#triggerActivity").tryQuery().isPresent(), 10);
    }

    /** The rows of Configuration → Triggers (all of them, also those scrolled out of view). */
    private static String triggersText(FxRobot robot) {
        return call(() -> {
            StringBuilder sb = new StringBuilder();
            TableView<dev.lambdaconsole.app.triggers.TriggerRow> table = robot.lookup("#triggersTable").queryTableView();
            table.getItems().forEach(r -> sb.append(r.source()).append(' ').append(r.trigger().name()).append(' ')
                    .append(r.trigger().details()).append(' ').append(r.lastResult()).append('\n'));
            return sb.toString();
        });
    }

    private static String activityText(FxRobot robot) {
        return call(() -> texts(robot.lookup("#triggerActivity").query()));
    }

    private static String overviewText(FxRobot robot) {
        return call(() -> texts(robot.lookup("#functionOverview").query()));
    }

    private static String texts(Node root) {
        StringBuilder sb = new StringBuilder();
        if (root instanceof Labeled l && l.getText() != null) sb.append(l.getText()).append('\n');
        if (root instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) sb.append(texts(child));
        }
        return sb.toString();
    }

    private static int dlqAvailable(FxRobot robot) {
        return call(() -> {
            TableView<?> table = robot.lookup("#queueTable").queryAs(TableView.class);
            for (Object row : table.getItems()) {
                if (row instanceof QueueRow q && q.name().equals("orders-dlq")) return (int) q.available();
            }
            return -1;
        });
    }

    private static void tab(FxRobot robot, String title) {
        robot.clickOn(robot.lookup(".tab-label").<Labeled>match(l -> title.equals(l.getText()) && l.getScene() != null)
                .queryLabeled());
    }

    private static void screenshot(String name) {
        screenshotOf(scene, name);
    }

    private static void screenshotOf(Scene of, String name) {
        run(() -> Screenshots.save(of, name));
    }

    private static String aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", shell.endpointUrlProperty().get(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().put("AWS_CONFIG_FILE", dir.resolve("aws-config").toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("aws-credentials").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("aws %s: %s", String.join(" ", args), out).isZero();
        return out;
    }

    @SuppressWarnings("unused")
    private static TextArea area(FxRobot robot, String id) { return robot.lookup(id).queryAs(TextArea.class); }
}
