package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.app.FxSteps;
import dev.lambdaconsole.app.shell.TestConsole;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Each form in a window: typed into as a user does, its rules shown beside the fields, its results on screen. */
@ExtendWith(ApplicationExtension.class)
class TriggerFormsUiTest {
    @TempDir Path workspace;
    private TestConsole console;
    private Stage stage;
    private TriggerForm form;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = new TestConsole(workspace);
        FormFunctions.create(console, "greeter", FormFunctions.WEB);
    }

    @AfterEach
    void stop() {
        if (form != null) FxSteps.run(form::close);
        console.close();
    }

    private void show(TriggerForm f) {
        form = f;
        FxSteps.show(stage, new StackPane(new ScrollPane(FxSteps.call(f::node))));
    }

    @Test
    void scheduleShowsItsRulesAndTheNextFiveFireTimesAsYouType(FxRobot robot) {
        show(FxSteps.call(() -> new ScheduleForm(console.services, "greeter")));
        FxSteps.type(robot, "#scheduleRuleName", "every five");
        assertThat(FxSteps.text(robot, "#scheduleRuleNameError")).startsWith("1 validation error detected: Value 'every five'");
        FxSteps.type(robot, "#scheduleRuleName", "every-five");
        FxSteps.until(() -> !FxSteps.shown(robot, "#scheduleRuleNameError"));
        FxSteps.type(robot, "#scheduleExpression", "rate(5 minute)");
        FxSteps.until(() -> FxSteps.text(robot, "#scheduleExpressionError").endsWith("takes the plural unit (rate(5 minutes))"));
        assertThat(FxSteps.call(() -> form.validProperty().get())).isFalse();
        FxSteps.type(robot, "#scheduleExpression", "rate(5 minutes)");
        FxSteps.until(() -> FxSteps.text(robot, "#scheduleNextTimes").lines().count() == 5);
        List<LocalDateTime> times = FxSteps.text(robot, "#scheduleNextTimes").lines()
                .map(l -> LocalDateTime.parse(l.substring(4, 20), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).toList();
        for (int i = 1; i < 5; i++) assertThat(times.get(i)).isEqualTo(times.get(i - 1).plusMinutes(5));
        assertThat(FxSteps.call(() -> form.validProperty().get())).isTrue();

        FxSteps.type(robot, "#scheduleExpression", "cron(0 12 * * ? *)");
        FxSteps.run(() -> robot.lookup("#scheduleZone").queryAs(ComboBox.class).setValue("Europe/Paris"));
        FxSteps.until(() -> FxSteps.text(robot, "#scheduleZoneNote").equals(
                "EventBridge rules read cron() in UTC; the times are shown in Europe/Paris."));
        FxSteps.until(() -> FxSteps.text(robot, "#scheduleNextTimes").lines()
                .allMatch(l -> l.matches(".* (13:00 CET|14:00 CEST)")));
    }

    @Test
    void theEventPatternSaysWhereItsSyntaxErrorIs(FxRobot robot) {
        show(FxSteps.call(() -> new EventBridgeRuleForm(console.services, "greeter")));
        FxSteps.type(robot, "#ruleName", "orders");
        FxSteps.type(robot, "#rulePattern", "{\"source\": [\"shop\"]]");
        FxSteps.until(() -> FxSteps.text(robot, "#rulePatternError").startsWith("Event pattern is not valid. Reason: "));
        assertThat(FxSteps.text(robot, "#rulePatternError")).isEqualTo("Event pattern is not valid. Reason: Unexpected close marker ']': expected '}' "
                + "(for Object starting at line 1, column 1) (line 1, column 20)");
        FxSteps.type(robot, "#rulePattern", "{\"source\": \"shop\"}");
        assertThat(FxSteps.text(robot, "#rulePatternError")).isEqualTo(
                "Event pattern is not valid. Reason: \"source\" must be an object or an array");
        FxSteps.type(robot, "#rulePattern", "{\"source\": [\"shop\"]}");
        FxSteps.until(() -> !FxSteps.shown(robot, "#rulePatternError"));
        assertThat(FxSteps.call(() -> form.validProperty().get())).isTrue();
    }

    @Test
    void theApiGatewayRouteIsCheckedAsTyped(FxRobot robot) {
        show(FxSteps.call(() -> new ApiGatewayForm(console.services, "greeter")));
        FxSteps.until(() -> FxSteps.text(robot, "#apiPath").equals("/greeter"));
        FxSteps.type(robot, "#apiPath", "orders");
        assertThat(FxSteps.text(robot, "#apiPathError")).startsWith("Invalid route key ANY orders");
        FxSteps.type(robot, "#apiPath", "/orders/{proxy+}");
        FxSteps.until(() -> !FxSteps.shown(robot, "#apiPathError"));
        AtomicReference<String> summary = new AtomicReference<>();
        FxSteps.run(() -> form.add().onSuccess(summary::set).onFailure(e -> summary.set("failed: " + e)));
        FxSteps.until(() -> FxSteps.shown(robot, "#apiInvokeUrl") && FxSteps.text(robot, "#apiInvokeUrl")
                .endsWith("/orders/{proxy+}"));
        assertThat(summary.get()).contains("ANY /orders/{proxy+} invokes greeter");
    }

    @Test
    void theFunctionUrlIsShownWithCopyOnceCreated(FxRobot robot) {
        show(FxSteps.call(() -> new FunctionUrlForm(console.services, "greeter")));
        assertThat(FxSteps.call(() -> robot.lookup("#urlBox").query().isVisible())).isFalse();
        robot.clickOn("#urlCors");
        FxSteps.type(robot, "#urlMaxAge", "90000");
        assertThat(FxSteps.text(robot, "#urlMaxAgeError")).endsWith("Member must have value less than or equal to 86400");
        FxSteps.type(robot, "#urlMaxAge", "600");
        FxSteps.until(() -> form.validProperty().get());
        FxSteps.run(() -> form.add());
        FxSteps.until(() -> robot.lookup("#urlBox").query().isVisible() && !FxSteps.text(robot, "#urlValue").isEmpty());
        String url = FxSteps.text(robot, "#urlValue");
        assertThat(url).matches("http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:\\d+/");
        robot.clickOn("#urlCopy");
        assertThat(FxSteps.call(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(url);
        FxSteps.until(() -> !robot.lookup("#urlOpen").queryAs(Button.class).getTooltip().getText().startsWith("Looking"));
        Button open = robot.lookup("#urlOpen").queryAs(Button.class);
        assertThat(FxSteps.call(() -> open.isDisabled() == open.getTooltip().getText().startsWith("No browser"))).isTrue();
        assertThat(FxSteps.call(() -> form.validProperty().get())).as("a second URL is refused").isFalse();
        assertThat(FxSteps.shown(robot, "#urlUpdate")).isTrue();
    }
}
