package dev.lambdaconsole.app.monitor.metrics;

import dev.lambdaconsole.app.monitor.MonitorView;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Monitor → Metrics in a real window: invocations made show in the Invocations chart, live, with hover values. */
@ExtendWith(ApplicationExtension.class)
class MetricsViewUiTest {
    @TempDir Path workspace;
    TestConsole console;
    MonitorView view;

    @Start
    void start(Stage stage) {
        console = new TestConsole(workspace);
        console.runtime.workspace().create(FunctionConfig.builder("hello").runtime("python3.12")
                .handler("app.handler").build(), CodeSource.files(Map.of("app.py", """
                def handler(event, context):
                    return {"ok": True}
                """)));
        view = new MonitorView(console.services, "hello");
        stage.setScene(new Scene(view, 1300, 900));
        stage.show();
    }

    @AfterEach
    void stop() {
        WaitForAsyncUtils.asyncFx(() -> view.close());
        WaitForAsyncUtils.waitForFxEvents();
        console.close();
    }

    private void invoke() {
        console.services.engine().invokeSync(InvocationRequest.of("hello", "{}".getBytes(StandardCharsets.UTF_8)));
    }

    private static <T> T fx(Callable<T> c) {
        T v = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
        WaitForAsyncUtils.waitForFxEvents();
        return v;
    }

    private static void until(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> fx(condition));
    }

    @SuppressWarnings("unchecked")
    private static double plotted(FxRobot robot, String id) {
        LineChart<Number, Number> chart = robot.lookup("#metricsChart-" + id).queryAs(LineChart.class);
        return fx(() -> chart.getData().get(0).getData().stream().mapToDouble(d -> d.getYValue().doubleValue()).sum());
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void theInvocationsChartShowsTheInvocationsMadeAndFollowsNewOnes(FxRobot robot) {
        for (int i = 0; i < 3; i++) invoke();
        robot.clickOn("Metrics");
        until(() -> "Total 3".equals(robot.lookup("#metricsCaption-Invocations").queryAs(Label.class).getText()));
        assertThat(plotted(robot, "Invocations")).isEqualTo(3);
        assertThat(text(robot, "#metricsCaption-Errors")).isEqualTo("Errors 0, success rate 100.0 %");
        assertThat(text(robot, "#metricsCaption-ConcurrentExecutions")).isEqualTo("Max 1");

        invoke();
        invoke();
        until(() -> "Total 5".equals(robot.lookup("#metricsCaption-Invocations").queryAs(Label.class).getText()));
        assertThat(plotted(robot, "Invocations")).isEqualTo(5);

        robot.clickOn("#metricsRange-15m");
        until(() -> "Total 5".equals(robot.lookup("#metricsCaption-Invocations").queryAs(Label.class).getText()));

        // the pointer over the right end of the plot (now) shows the minute's value
        LineChart<?, ?> chart = robot.lookup("#metricsChart-Invocations").queryAs(LineChart.class);
        Bounds plot = fx(() -> chart.lookup(".chart-plot-background").localToScreen(
                chart.lookup(".chart-plot-background").getBoundsInLocal()));
        robot.moveTo(new javafx.geometry.Point2D(plot.getMaxX() - 3, plot.getCenterY()));
        until(() -> !robot.lookup("#metricsHover-Invocations").queryAs(Label.class).getText().isEmpty());
        assertThat(text(robot, "#metricsHover-Invocations")).contains("Invocations");
    }
}
