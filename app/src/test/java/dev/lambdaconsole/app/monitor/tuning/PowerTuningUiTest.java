package dev.lambdaconsole.app.monitor.tuning;

import dev.lambdaconsole.app.monitor.MonitorView;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Monitor → Power tuning in a real window, on a real engine (process backend). */
@ExtendWith(ApplicationExtension.class)
class PowerTuningUiTest {
    @TempDir Path workspace;
    TestConsole console;
    MonitorView view;

    @Start
    void start(Stage stage) {
        console = new TestConsole(workspace);
        console.runtime.workspace().create(FunctionConfig.builder("tuned").runtime("python3.12")
                .handler("app.handler").timeout(30).build(), CodeSource.files(Map.of("app.py", """
                import time
                def handler(event, context):
                    time.sleep(event.get("sleep", 0))
                    return {"ok": True}
                """)));
        console.runtime.workspace().events().save("tuned", "quick", "{}");
        console.runtime.workspace().events().save("tuned", "slow", "{\"sleep\": 3}");
        view = new MonitorView(console.services, "tuned");
        stage.setScene(new Scene(view, 1500, 950));
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(() -> view.close());
        WaitForAsyncUtils.waitForFxEvents();
        console.close();
    }

    private static <T> T fx(Callable<T> c) {
        T v = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
        WaitForAsyncUtils.waitForFxEvents();
        return v;
    }

    private static void until(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> fx(condition));
    }

    private void openTuningWith(FxRobot robot, int invocations, List<String> sizes) {
        robot.clickOn("Power tuning");
        until(() -> robot.lookup("#tuningEventChoice").queryComboBox().getItems().size() == 2);
        for (String size : List.of("128", "256", "512", "1024", "1536", "3008")) {
            CheckBox box = robot.lookup("#tuningSize" + size).queryAs(CheckBox.class);
            if (box.isSelected() != sizes.contains(size)) robot.clickOn(box);
        }
        Spinner<?> spinner = robot.lookup("#tuningInvocations").queryAs(Spinner.class);
        robot.doubleClickOn(spinner.getEditor()).eraseText(3).write(Integer.toString(invocations))
                .type(javafx.scene.input.KeyCode.ENTER);
        until(() -> spinner.getValue().equals(invocations));
    }

    @SuppressWarnings("unchecked")
    private static List<XYChart.Series<String, Number>> series(FxRobot robot, String chart) {
        return fx(() -> List.copyOf(robot.lookup(chart).queryAs(LineChart.class).getData()));
    }

    @Test
    void aRunOfTwoSizesDrawsBothChartsAndHighlightsTheRecommendation(FxRobot robot) {
        openTuningWith(robot, 3, List.of("128", "256"));
        assertThat(robot.lookup("#tuningBackendNotes").queryAs(Label.class).getText())
                .startsWith("The process backend cannot limit memory");
        robot.clickOn("#tuningRunButton");

        Label recommendation = robot.lookup("#tuningRecommendation").queryAs(Label.class);
        until(() -> recommendation.getText().startsWith("Recommended (cost): "));
        assertThat(recommendation.getText()).containsPattern("Recommended \\(cost\\): (128|256) MB \\S+: the lowest "
                + "average cost of 2 sizes");
        assertThat(recommendation.isVisible()).isTrue();
        assertThat(robot.lookup("#tuningArch-x86_64").queryAs(CheckBox.class).getText()).isEqualTo("x86_64");
        String best = recommendation.getText().substring("Recommended (cost): ".length()).split(" MB")[0] + " MB";
        for (String chart : List.of("#tuningDurationChart", "#tuningCostChart")) {
            List<XYChart.Series<String, Number>> series = series(robot, chart);
            LineChart<?, ?> drawn = robot.lookup(chart).queryAs(LineChart.class);
            assertThat(fx(() -> List.copyOf(((javafx.scene.chart.CategoryAxis) drawn.getXAxis()).getCategories())))
                    .containsExactly("128 MB", "256 MB");
            // the sizes are written under their points
            assertThat(fx(() -> drawn.getXAxis().getTickMarks().stream().filter(t -> t.isTextVisible())
                    .map(t -> String.valueOf(t.getValue())).toList())).containsExactly("128 MB", "256 MB");
            assertThat(series).hasSize(1);
            assertThat(series.get(0).getData()).extracting(XYChart.Data::getXValue).containsExactly("128 MB", "256 MB");
            assertThat(series.get(0).getData()).allMatch(d -> d.getYValue().doubleValue() > 0);
            assertThat(series.get(0).getData()).filteredOn(d -> "tuningRecommendedPoint".equals(d.getNode().getId()))
                    .extracting(XYChart.Data::getXValue).containsExactly(best);
        }
        List<Node> highlighted = fx(() -> List.copyOf(robot.lookup("#tuningRecommendedPoint").queryAll()));
        assertThat(highlighted).hasSize(2).allMatch(Node::isVisible) // one point in each chart
                .allMatch(n -> n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("recommended")));
        TableView<VariantRow> table = robot.lookup("#tuningResultsTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(VariantRow::memoryLabel).containsExactly("128 MB", "256 MB");
        assertThat(table.getItems()).filteredOn(VariantRow::recommended).extracting(VariantRow::memoryLabel)
                .containsExactly(best);
        assertThat(robot.lookup("#tuningHistory").queryAs(ListView.class).getItems()).hasSize(1);
        assertThat(robot.lookup("#tuningRunButton").queryAs(Button.class).isDisabled()).isFalse();
        fx(() -> dev.lambdaconsole.app.shell.Screenshots.save(view.getScene(), "power-tuning"));
    }

    @Test
    void cancelStopsARunUnderWay(FxRobot robot) {
        openTuningWith(robot, 5, List.of("128", "256"));
        robot.clickOn("#tuningEventChoice").clickOn("slow");
        robot.clickOn("#tuningRunButton");
        Label progress = robot.lookup("#tuningProgressLabel").queryAs(Label.class);
        until(() -> progress.isVisible() && progress.getText().startsWith("128 MB"));
        robot.clickOn("#tuningCancelButton");

        Label recommendation = robot.lookup("#tuningRecommendation").queryAs(Label.class);
        until(() -> recommendation.getText().startsWith("Cancelled after 0 sizes."));
        assertThat(recommendation.getText()).isEqualTo("Cancelled after 0 sizes. No recommendation: no size ran "
                + "without errors.");
        assertThat(robot.lookup("#tuningProgress").queryAs(javafx.scene.control.ProgressBar.class).isVisible()).isFalse();
        assertThat(robot.lookup("#tuningCancelButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#tuningHistory").queryAs(ListView.class).getItems()).hasSize(1);
    }
}
