package dev.lambdaconsole.app.triggers;

import dev.lambdaconsole.app.FxSteps;
import dev.lambdaconsole.app.shell.Composition;
import dev.lambdaconsole.app.shell.FunctionPage;
import dev.lambdaconsole.app.shell.TestConsole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function page with an SQS mapping and an S3 notification: both in the overview and in Configuration →
 * Triggers; the mapping disabled, the S3 trigger deleted after a confirmation; a mapping added with the AWS CLI
 * shows up in the overview by itself.
 */
@ExtendWith(ApplicationExtension.class)
class FunctionOverviewUiTest {
    @TempDir Path workspace;
    @TempDir Path files;
    private TestConsole console;
    private FunctionPage page;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = new TestConsole(workspace);
        Aws.function(console, "orders");
    }

    @AfterEach
    void stop() {
        if (page != null) FxSteps.run(page::close);
        console.close();
    }

    private List<String> overviewTriggers(FxRobot robot) {
        return FxSteps.call(() -> robot.lookup("#overviewTriggers").queryAs(javafx.scene.layout.Pane.class).getChildren().stream()
                .filter(n -> n instanceof Hyperlink).map(n -> ((Hyperlink) n).getText()).toList());
    }

    private static Node dialogButton(FxRobot robot, ButtonType type) {
        return FxSteps.call(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(type));
    }

    @SuppressWarnings("unchecked")
    private TableView<TriggerRow> table(FxRobot robot) {
        return robot.lookup("#triggersTable").queryAs(TableView.class);
    }

    @Test
    void triggersShowInTheOverviewAndTheListAndFollowTheCli(FxRobot robot) throws Exception {
        Aws aws = new Aws(console);
        String arn = console.services.engine().settings().functionArn("orders");
        aws.call("lambda", "create-event-source-mapping", "--function-name", "orders", "--event-source-arn",
                aws.queue("jobs"), "--batch-size", "5");
        aws.bucketNotifying(files, "uploads", arn);
        page = FxSteps.call(() -> new FunctionPage(console.services, "orders", Composition.pages().functionTabs()));
        FxSteps.show(stage, page);
        FxSteps.run(() -> { stage.setWidth(1280); stage.setHeight(800); });

        FxSteps.until(() -> overviewTriggers(robot).equals(List.of("jobs", "uploads")));
        // each trigger shows its source's drawn icon (icons module), not a font glyph
        Hyperlink uploads = FxSteps.call(() -> robot.lookup("#overviewTriggers").queryAs(javafx.scene.layout.Pane.class)
                .getChildren().stream().filter(n -> n instanceof Hyperlink && ((Hyperlink) n).getText().equals("uploads"))
                .map(n -> (Hyperlink) n).findFirst().orElseThrow());
        assertThat(uploads.getGraphic()).isInstanceOf(javafx.scene.image.ImageView.class);
        javafx.scene.image.ImageView s3 = (javafx.scene.image.ImageView) uploads.getGraphic();
        assertThat(s3.getImage().getUrl()).endsWith("/dev/lambdaconsole/icons/sources/s3-16.png");
        assertThat(s3.getImage().isError()).isFalse();
        assertThat(s3.getImage().getWidth()).isEqualTo(16);
        assertThat(FxSteps.call(() -> s3.getBoundsInParent().getWidth())).isEqualTo(16);
        assertThat(s3.getImage().getPixelReader().getArgb(8, 1) >>> 24).as("the tile is opaque").isEqualTo(255);
        assertThat(FxSteps.text(robot, "#overviewFunctionName")).isEqualTo("orders");
        assertThat(FxSteps.text(robot, "#overviewLayers")).isEqualTo("Layers (0)");
        double overviewHeight = FxSteps.call(() -> robot.lookup("#functionOverview").query().getBoundsInParent().getHeight());
        assertThat(overviewHeight).isLessThanOrEqualTo(140);
        FxSteps.run(() -> dev.lambdaconsole.app.shell.Screenshots.save(stage.getScene(), "function-overview"));
        assertThat(FxSteps.shown(robot, "#overviewAddTrigger")).as("the composition wires Add trigger").isTrue();

        // a trigger opens Configuration → Triggers with it selected
        robot.clickOn("uploads");
        FxSteps.until(() -> "configurationTab".equals(robot.lookup("#functionTabs").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getId()));
        FxSteps.until(() -> table(robot).getSelectionModel().getSelectedItem() != null
                && table(robot).getSelectionModel().getSelectedItem().trigger().name().equals("uploads"));
        assertThat(FxSteps.call(() -> table(robot).getItems().stream().map(r -> r.trigger().name()).toList()))
                .containsExactly("jobs", "uploads");
        assertThat(FxSteps.shown(robot, "#triggerToggleButton")).isFalse(); // S3 notifications have no state

        // disable the mapping
        FxSteps.run(() -> table(robot).getSelectionModel().select(0));
        FxSteps.until(() -> table(robot).getItems().get(0).state().equals("Enabled"));
        FxSteps.run(() -> table(robot).getSelectionModel().select(0));
        assertThat(FxSteps.text(robot, "#triggerToggleButton")).isEqualTo("Disable");
        robot.clickOn("#triggerToggleButton");
        FxSteps.until(() -> table(robot).getItems().get(0).state().equals("Disabled"));
        FxSteps.until(() -> "Enable".equals(FxSteps.text(robot, "#triggerToggleButton")));

        // delete the S3 trigger, cancel first, then confirm
        FxSteps.run(() -> table(robot).getSelectionModel().select(1));
        robot.clickOn("#triggerDeleteButton");
        FxSteps.until(() -> robot.lookup("Cancel").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText())
                .contains("The bucket uploads keeps its other notifications.");
        robot.clickOn(dialogButton(robot, ButtonType.CANCEL));
        FxSteps.until(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(FxSteps.call(() -> table(robot).getItems().size())).isEqualTo(2);
        FxSteps.run(() -> table(robot).getSelectionModel().select(1));
        robot.clickOn("#triggerDeleteButton");
        FxSteps.until(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(dialogButton(robot, ButtonType.OK));
        FxSteps.until(() -> table(robot).getItems().size() == 1);
        FxSteps.until(() -> overviewTriggers(robot).equals(List.of("jobs")));
        assertThat(FxSteps.text(robot, "#triggersMessage")).isEqualTo("Deleted the S3 trigger uploads");

        // a mapping added with the AWS CLI shows up in the overview and the list
        aws.call("lambda", "create-event-source-mapping", "--function-name", "orders", "--event-source-arn",
                aws.queue("more"));
        FxSteps.until(() -> overviewTriggers(robot).equals(List.of("jobs", "more")), 20);
        FxSteps.until(() -> table(robot).getItems().size() == 2, 20);

        // a destination opens Asynchronous invocation
        robot.clickOn("#overviewAddDestination");
        FxSteps.until(() -> robot.lookup("#saveAsyncButton").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#saveAsyncButton").queryAs(Button.class).isVisible()).isTrue();
    }
}
