package dev.lambdaconsole.app.services;

import dev.lambdaconsole.app.FxSteps;
import dev.lambdaconsole.app.services.buckets.BucketsView;
import dev.lambdaconsole.app.services.queues.QueueMessagesViewModel;
import dev.lambdaconsole.app.services.queues.QueuesView;
import dev.lambdaconsole.app.services.topics.TopicsView;
import dev.lambdaconsole.app.shell.TestConsole;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class StorageServicesUiTest {
    @TempDir Path workspace;
    @TempDir Path files;
    private TestConsole console;
    private ServicesView view;
    private final List<String> confirmed = new CopyOnWriteArrayList<>();
    private volatile List<Path> chosen = List.of();

    /** Answers the page's dialogs as a user would: yes to confirmations, the files of {@link #chosen}. */
    private final ServiceDialogs dialogs = new ServiceDialogs() {
        @Override public boolean confirm(String title, String message, String action) {
            confirmed.add(title);
            return true;
        }

        @Override public List<Path> chooseFiles(String title) { return chosen; }

        @Override public Path chooseSaveTarget(String title, String suggested) { return null; }
    };

    @Start
    void start(Stage stage) {
        console = new TestConsole(workspace);
        view = new ServicesView(console.services);
        FxSteps.show(stage, view);
    }

    @AfterEach
    void stop() {
        FxSteps.run(view::close);
        console.close();
    }

    private boolean shows(FxRobot robot, String text) {
        return robot.lookup(text).tryQuery().filter(n -> n.isVisible() && n.getScene() != null).isPresent();
    }

    /** Clicks a tab's header (a button may have the same text). */
    private static void tab(FxRobot robot, String title) {
        robot.clickOn(robot.lookup(".tab-label").<javafx.scene.control.Labeled>match(l -> title.equals(l.getText()))
                .queryLabeled());
    }

    @Test
    void bucketsQueuesAndTopicsWorkFromThePage(FxRobot robot) throws Exception {
        FxSteps.run(() -> {
            robot.lookup("#bucketsView").queryAs(BucketsView.class).setDialogs(dialogs);
            robot.lookup("#queuesView").queryAs(QueuesView.class).setDialogs(dialogs);
            robot.lookup("#topicsView").queryAs(TopicsView.class).setDialogs(dialogs);
        });

        // --- buckets: the name rule as typed, create, upload by the button and by a drop, open a folder
        FxSteps.type(robot, "#newBucketField", "ab");
        assertThat(FxSteps.text(robot, "#newBucketError")).startsWith("Not a valid bucket name: it has 2 characters");
        FxSteps.type(robot, "#newBucketField", "ui-bucket");
        assertThat(FxSteps.shown(robot, "#newBucketError")).isFalse();
        robot.clickOn("#createBucketButton");
        FxSteps.until(() -> "Created bucket ui-bucket".equals(FxSteps.text(robot, "#bucketsMessage")));
        ListView<?> buckets = robot.lookup("#bucketList").queryAs(ListView.class);
        FxSteps.until(() -> buckets.getItems().size() == 1);
        robot.clickOn(robot.lookup("#bucketList .list-cell").nth(0).queryLabeled());
        Path hello = files.resolve("hello.txt");
        Files.writeString(hello, "hello bucket");
        chosen = List.of(hello);
        robot.clickOn("#uploadButton");
        FxSteps.until(() -> shows(robot, "hello.txt"));
        Path folder = files.resolve("docs");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("readme.md"), "# read me");
        FxSteps.run(() -> robot.lookup("#bucketsView").queryAs(BucketsView.class).dropFiles(List.of(folder)));
        FxSteps.until(() -> shows(robot, "docs/"));
        assertThat(FxSteps.text(robot, "#bucketsMessage")).isEqualTo("Uploaded 1 file to s3://ui-bucket/");
        robot.doubleClickOn("docs/");
        FxSteps.until(() -> shows(robot, "readme.md"));
        assertThat(shows(robot, "hello.txt")).as("inside docs/ now").isFalse();
        robot.clickOn("readme.md");
        FxSteps.until(() -> shows(robot, "#detail-S3-URI"));
        assertThat(FxSteps.text(robot, "#detail-S3-URI")).isEqualTo("s3://ui-bucket/docs/readme.md");
        robot.clickOn(".bucket-crumb");
        FxSteps.until(() -> shows(robot, "hello.txt"));

        // --- queues: create, send with an attribute, peek, purge
        tab(robot, "Queues");
        FxSteps.type(robot, "#newQueueField", "ui-queue");
        robot.clickOn("#createQueueButton");
        FxSteps.until(() -> "Created queue ui-queue".equals(FxSteps.text(robot, "#queuesMessage")));
        tab(robot, "Send message");
        FxSteps.type(robot, "#sendBody", "hello queue");
        robot.clickOn("#sendAddAttributeButton");
        FxSteps.type(robot, ".attribute-name", "colour");
        FxSteps.type(robot, ".attribute-value", "blue");
        robot.clickOn("#sendMessageButton");
        FxSteps.until(() -> FxSteps.text(robot, "#sendResult").startsWith("Sent message "));
        tab(robot, "Messages");
        robot.clickOn("#peekButton");
        FxSteps.until(() -> shows(robot, "hello queue"));
        assertThat(shows(robot, "colour (String: blue)")).isTrue();
        assertThat(FxSteps.text(robot, "#messagesMessage")).isEqualTo("1 message peeked in ui-queue");
        robot.clickOn("#purgeButton");
        FxSteps.until(() -> "Purged ui-queue".equals(FxSteps.text(robot, "#messagesMessage")));
        assertThat(confirmed).contains("Purge ui-queue?");
        assertThat(FxSteps.call(() -> robot.lookup("#peekedMessages").queryAs(TableView.class).getItems().isEmpty()))
                .as("the purged message is no longer listed").isTrue();

        // --- topics: create, a queue subscribed through the service, publish, the envelope in the queue
        tab(robot, "Topics");
        FxSteps.type(robot, "#newTopicField", "ui-topic");
        robot.clickOn("#createTopicButton");
        FxSteps.until(() -> "Created topic ui-topic".equals(FxSteps.text(robot, "#topicsMessage")));
        console.simulators.sns().orElseThrow().subscribe("arn:aws:sns:us-east-1:000000000000:ui-topic", "sqs",
                "arn:aws:sqs:us-east-1:000000000000:ui-queue", Map.of());
        robot.clickOn("#topicsRefreshButton");
        FxSteps.until(() -> shows(robot, "arn:aws:sqs:us-east-1:000000000000:ui-queue"));
        FxSteps.type(robot, "#publishMessage", "hello topic");
        robot.clickOn("#publishButton");
        FxSteps.until(() -> FxSteps.text(robot, "#publishResult").endsWith(": sent to queue ui-queue"));

        tab(robot, "Queues");
        TableView<?> peeked = robot.lookup("#peekedMessages").queryAs(TableView.class);
        FxSteps.until(() -> {
            robot.clickOn("#peekButton");
            return FxSteps.call(() -> !peeked.getItems().isEmpty());
        });
        FxSteps.run(() -> peeked.getSelectionModel().select(0));
        String body = FxSteps.text(robot, "#peekedBody");
        assertThat(body).contains("\"Type\":\"Notification\"").contains("\"Message\":\"hello topic\"")
                .contains("\"TopicArn\":\"arn:aws:sns:us-east-1:000000000000:ui-topic\"");
        assertThat(shows(robot, QueueMessagesViewModel.PEEK_NOTE)).as("the page says peeking counts as a receive").isTrue();
    }
}
