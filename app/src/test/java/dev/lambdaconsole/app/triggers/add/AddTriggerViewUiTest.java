package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.app.FxSteps;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.simulators.mappings.Mapping;
import dev.lambdaconsole.simulators.s3.BucketNotification;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class AddTriggerViewUiTest {
    @TempDir Path workspace;
    private TestConsole console;
    private Stage stage;
    private final List<Boolean> finished = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = new TestConsole(workspace);
        FormConsole.function(console, FormConsole.FUNCTION);
        stage.show();
    }

    @AfterEach
    void stop() { console.close(); }

    private void openDialog() {
        FxSteps.run(() -> {
            AddTriggerView view = new AddTriggerView(console.services, FormConsole.FUNCTION,
                    TriggerForms.all(console.services, FormConsole.FUNCTION));
            view.setOnFinished(finished::add);
            FxSteps.show(stage, view);
        });
    }

    private boolean addEnabled(FxRobot robot) {
        return FxSteps.call(() -> !robot.lookup("#addTriggerAdd").queryAs(Button.class).isDisabled());
    }

    @Test
    void anSqsTriggerWithItsRulesThenAnS3TriggerOnANewBucketAndThePatternTestersReason(FxRobot robot) {
        openDialog();
        robot.clickOn("#source-sqs");
        FxSteps.type(robot, robot.lookup("#sqsQueue").queryAs(ComboBox.class).getEditor(), "orders");
        FxSteps.type(robot, "#sqsBatchSize", "100");
        FxSteps.until(() -> FxSteps.shown(robot, "#sqsBatchSizeError"));
        assertThat(FxSteps.text(robot, "#sqsBatchSizeError")).isEqualTo("Maximum batch window in seconds must be "
                + "greater than 0 if maximum batch size is greater than 10.");
        assertThat(addEnabled(robot)).isFalse();
        FxSteps.type(robot, "#sqsBatchSize", "20000");
        assertThat(FxSteps.text(robot, "#sqsBatchSizeError")).isEqualTo("Must be between 1 and 10000.");
        FxSteps.type(robot, "#sqsBatchSize", "10");
        assertThat(FxSteps.shown(robot, "#sqsBatchSizeError")).isFalse();

        // the filter's pattern in the tester, against the library's SQS batch (status PAID)
        FxSteps.run(() -> robot.lookup("#sqsFilters").queryAs(TextArea.class)
                .setText("{\"body\": {\"status\": [\"SHIPPED\"]}}"));
        robot.clickOn("#testPatternButton");
        FxSteps.until(() -> "Not matched".equals(FxSteps.text(robot, "#verdictSummary")));
        assertThat(FxSteps.text(robot, "#patternText")).isEqualTo("{\"body\": {\"status\": [\"SHIPPED\"]}}");
        assertThat(FxSteps.text(robot, "#eventText")).contains("PAID");
        assertThat(FxSteps.call(() -> robot.lookup("#samplePicker").queryAs(ComboBox.class).getValue()))
                .isEqualTo("sqs receive-message");
        assertThat(FxSteps.text(robot, "#verdictReason")).contains("body.status");
        FxSteps.run(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && "Test pattern".equals(s.getTitle()))
                .toList().forEach(w -> ((Stage) w).close()));

        FxSteps.until(() -> addEnabled(robot));
        robot.clickOn("#addTriggerAdd");
        FxSteps.until(() -> finished.contains(true));
        List<Mapping> mappings = console.simulators.mappings().orElseThrow().list();
        assertThat(mappings).singleElement().satisfies(m -> {
            assertThat(m.eventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:orders");
            assertThat(m.batchSize()).isEqualTo(10);
            assertThat(m.filterCriteria().toString()).contains("SHIPPED");
        });

        openDialog();
        FxSteps.type(robot, "#triggerSearch", "s3");
        robot.clickOn("#source-s3");
        FxSteps.type(robot, robot.lookup("#s3Bucket").queryAs(ComboBox.class).getEditor(), "reports");
        FxSteps.until(() -> FxSteps.shown(robot, "#s3NewBucket"));
        FxSteps.type(robot, "#s3Suffix", ".csv");
        FxSteps.until(() -> addEnabled(robot));
        robot.clickOn("#addTriggerAdd");
        FxSteps.until(() -> finished.size() == 2);
        assertThat(console.simulators.s3().orElseThrow().notifications("reports")).singleElement()
                .extracting(BucketNotification::suffix).isEqualTo(".csv");
    }

    @Test
    void theServicesErrorIsShownAndTheDialogStaysOpen(FxRobot robot) {
        console.simulators.s3().orElseThrow().createBucket("photos");
        console.simulators.s3().orElseThrow().addFunctionNotification("photos",
                "arn:aws:lambda:us-east-1:000000000000:function:greeter", List.of("s3:ObjectCreated:*"), null, null);
        openDialog();
        robot.clickOn("#source-s3");
        FxSteps.type(robot, robot.lookup("#s3Bucket").queryAs(ComboBox.class).getEditor(), "photos");
        FxSteps.until(() -> FxSteps.shown(robot, "#s3EventsError"));
        assertThat(FxSteps.text(robot, "#s3EventsError")).startsWith(BucketNotification.OVERLAP);
        assertThat(addEnabled(robot)).isFalse();
        // another trigger source is refused by the service: the message as S3 words it, the form kept
        FxSteps.type(robot, "#s3Prefix", "in/");
        assertThat(FxSteps.text(robot, "#s3EventsError")).startsWith(BucketNotification.OVERLAP);
        robot.clickOn("#s3Event0");
        robot.clickOn("#s3Event5");
        FxSteps.until(() -> addEnabled(robot));
        console.simulators.s3().orElseThrow().addFunctionNotification("photos",
                "arn:aws:lambda:us-east-1:000000000000:function:greeter", List.of("s3:ObjectRemoved:Delete"), "in/", null);
        robot.clickOn("#addTriggerAdd");
        FxSteps.until(() -> FxSteps.shown(robot, "#addTriggerError"));
        assertThat(FxSteps.text(robot, "#addTriggerError")).isEqualTo(BucketNotification.OVERLAP);
        assertThat(finished).isEmpty();
        assertThat(FxSteps.text(robot, "#s3Prefix")).isEqualTo("in/");
    }
}
