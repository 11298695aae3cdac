package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.app.FxSteps;
import dev.lambdaconsole.app.shell.Screenshots;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.pricing.LambdaPricing;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
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

import static dev.lambdaconsole.app.FxSteps.call;
import static dev.lambdaconsole.app.FxSteps.run;
import static dev.lambdaconsole.app.FxSteps.text;
import static dev.lambdaconsole.app.FxSteps.until;
import static org.assertj.core.api.Assertions.assertThat;

/** Monitor's Traces and Cost sub-tabs in a real window, on invocations of a real function. */
@ExtendWith(ApplicationExtension.class)
class MonitorTracesAndCostUiTest {
    @TempDir Path workspace;
    TestConsole console;
    Stage stage;
    MonitorView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (view != null) run(view::close);
        console.close();
    }

    private void open(String function, int memory) {
        console = new TestConsole(workspace);
        console.runtime.workspace().create(FunctionConfig.builder(function).runtime("python3.12")
                .handler("app.handler").memorySize(memory).build(), CodeSource.files(Map.of("app.py", """
                import os
                def handler(event, context):
                    if event.get("fail"):
                        raise ValueError("failing on purpose")
                    return {"trace": os.environ["_X_AMZN_TRACE_ID"]}
                """)));
        view = call(() -> new MonitorView(console.services, function));
        FxSteps.show(stage, view);
    }

    private InvocationResult invoke(String function, String json) {
        return console.services.engine().invokeSync(InvocationRequest.of(function, json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The bars of the timeline shown, by segment name. */
    private Map<String, Region> bars(FxRobot robot) {
        return call(() -> {
            Map<String, Region> out = new java.util.LinkedHashMap<>();
            for (Node n : robot.lookup(".trace-bar").queryAll()) {
                TraceSegment s = (TraceSegment) n.getUserData();
                out.putIfAbsent(s.depth() == 1 && s.origin().equals("AWS::Lambda::Function") ? "function" : s.name(),
                        (Region) n);
            }
            return out;
        });
    }

    private List<String> timelineTexts(FxRobot robot) {
        return call(() -> robot.from(robot.lookup("#traceTimeline").queryAs(Node.class)).lookup(".label")
                .queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    @Test
    void anInvocationsTraceIsListedWithTheIdTheFunctionSawAndItsSegmentsAreDrawnToScale(FxRobot robot) {
        open("traced", 128);
        InvocationResult cold = invoke("traced", "{}");
        String seen = call(() -> Json.MAPPER.readTree(cold.payload()).get("trace").asText());
        String root = seen.substring("Root=".length(), seen.indexOf(';'));

        robot.clickOn("Traces");
        TableView<?> table = robot.lookup("#tracesTable").queryAs(TableView.class);
        until(() -> table.getItems().size() == 1);
        assertThat(text(robot, "#tracesCount")).isEqualTo("1 of 1 recent trace");
        robot.clickOn(root);
        until(() -> text(robot, "#traceHeading").startsWith("Timeline: "));
        assertThat(text(robot, "#traceIds")).isEqualTo("Trace " + seen + " · request " + cold.requestId());
        List<String> texts = timelineTexts(robot);
        assertThat(texts).contains("traced", "AWS::Lambda", "AWS::Lambda::Function", "Initialization", "Invocation",
                String.format(java.util.Locale.ROOT, "%.2f ms", cold.initDurationMs()),
                String.format(java.util.Locale.ROOT, "%.2f ms", cold.durationMs()));

        Map<String, Region> bars = bars(robot);
        Region service = bars.get("traced");
        Region init = bars.get("Initialization");
        Region invocation = bars.get("Invocation");
        double track = call(() -> ((Region) service.getParent()).getWidth());
        assertThat(track).isGreaterThan(100);
        assertThat(call(service::getWidth)).as("the service segment spans the trace").isCloseTo(track, org.assertj.core.data.Offset.offset(1.0));
        double total = cold.initDurationMs() + cold.durationMs();
        double initShare = call(init::getWidth) / track;
        assertThat(initShare).as("Initialization drawn in proportion").isLessThanOrEqualTo(cold.initDurationMs() / total + 0.01);
        assertThat(call(invocation::getLayoutX)).as("Invocation starts where Initialization ends")
                .isCloseTo(call(() -> init.getLayoutX() + init.getWidth()), org.assertj.core.data.Offset.offset(2.5));
        String tip = call(() -> ((Tooltip) invocation.getProperties().get("javafx.scene.control.Tooltip")).getText());
        assertThat(tip).startsWith(String.format(java.util.Locale.ROOT, "Invocation: %.2f ms, from ", cold.durationMs()));
        run(() -> Screenshots.save(stage.getScene(), "monitor-traces"));

        robot.clickOn("#traceShowLogsButton");
        until(() -> robot.lookup("#monitorSubTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId().equals("monitorInvocationsTab")
                && text(robot, "#shownInvocationLabel").equals("Showing invocation " + cold.requestId()));
        robot.clickOn("Traces");

        InvocationResult warm = invoke("traced", "{}");
        InvocationResult failed = invoke("traced", "{\"fail\": true}");
        until(() -> table.getItems().size() == 3);
        robot.clickOn("#tracesColdOnly");
        until(() -> table.getItems().size() == 1);
        assertThat(text(robot, "#tracesCount")).isEqualTo("1 of 3 recent traces: cold starts");
        robot.clickOn("#tracesColdOnly");
        robot.clickOn("#tracesErrorsOnly");
        until(() -> table.getItems().size() == 1 && ((TraceRow) table.getItems().get(0)).requestId().equals(failed.requestId()));
        assertThat(((TraceRow) table.getItems().get(0)).status()).isEqualTo("ValueError");
        assertThat(warm.coldStart()).isFalse();
    }

    @Test
    void theInvocationsTableAndTheCostTabShowEstimatesAndAMonthlyProjection(FxRobot robot) {
        open("priced", 1024);
        InvocationResult first = invoke("priced", "{}");
        InvocationResult second = invoke("priced", "{}");
        TableView<?> invocations = robot.lookup("#invocationsTable").queryAs(TableView.class);
        until(() -> invocations.getItems().size() == 2);
        // 1024 MB: billed s × 1 GB at the first x86_64 tier, plus the request
        String firstCost = LambdaPricing.usd(first.billedDurationMs() / 1000.0 * 0.0000166667 + 0.0000002);
        assertThat(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(c -> c.getText()).toList()).contains(firstCost);
        assertThat(text(robot, "#costColumnHeader")).isEqualTo("Est. cost · 2026-08-01");

        robot.clickOn("Cost");
        until(() -> text(robot, "#costInvocationsLabel").equals("2 invocations (1 cold start, 0 errors)"));
        double usd = (first.billedDurationMs() + second.billedDurationMs()) / 1000.0 * 0.0000166667 + 0.0000004;
        assertThat(text(robot, "#costTotalLabel")).isEqualTo("≈ " + LambdaPricing.usd(usd));
        assertThat(text(robot, "#costDetailLabel")).endsWith("(estimate, US East (N. Virginia) prices of 2026-08-01).");

        FxSteps.type(robot, "#monthlyInvocationsField", "5,000,000");
        FxSteps.type(robot, "#averageDurationField", "50");
        // 5e6 × 0.05 s × 1 GB = 250,000 GB-s: $4.17 of duration and $1.00 of requests; the free tier leaves
        // 4 M requests ($0.80) and no duration
        until(() -> text(robot, "#withoutFreeTierLabel").equals("≈ $5.17 a month"));
        assertThat(text(robot, "#withFreeTierLabel")).isEqualTo("≈ $0.80 a month");
        run(() -> Screenshots.save(stage.getScene(), "monitor-cost"));
        assertThat(text(robot, "#projectionBasisLabel")).isEqualTo("5,000,000 invocations a month of 50 ms at 1024 MB, "
                + "x86_64, 512 MB ephemeral storage, no provisioned concurrency");

        FxSteps.type(robot, "#averageDurationField", "slow");
        until(() -> FxSteps.shown(robot, "#projectionProblemLabel"));
        assertThat(text(robot, "#projectionProblemLabel"))
                .isEqualTo("Average duration must be a number of milliseconds, e.g. 120 (got \"slow\").");
        assertThat(text(robot, "#withFreeTierLabel")).isEmpty();
        assertThat(call(() -> robot.lookup("#withFreeTierLabel").query().getParent().getParent().isVisible())).isFalse();

        invoke("priced", "{}");
        until(() -> text(robot, "#costInvocationsLabel").equals("3 invocations (1 cold start, 0 errors)"));
    }
}
