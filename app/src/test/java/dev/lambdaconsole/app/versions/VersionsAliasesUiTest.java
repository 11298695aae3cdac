package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.app.FxSteps;
import dev.lambdaconsole.app.monitor.InvocationRow;
import dev.lambdaconsole.app.shell.Composition;
import dev.lambdaconsole.app.shell.FunctionPage;
import dev.lambdaconsole.app.shell.Screenshots;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.app.triggers.Aws;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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
import java.util.List;
import java.util.Map;

import static dev.lambdaconsole.app.FxSteps.call;
import static dev.lambdaconsole.app.FxSteps.run;
import static dev.lambdaconsole.app.FxSteps.text;
import static dev.lambdaconsole.app.FxSteps.until;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions and aliases as a user meets them on the function page (real window, real engine, process backend):
 * publish two versions from the Versions tab, create an alias that sends 40 % to the second, invoke through the
 * alias from the Test tab, and see both versions in the alias's traffic chart and in Monitor's filter; deleting a
 * version the alias uses is refused in Lambda's words.
 */
@ExtendWith(ApplicationExtension.class)
class VersionsAliasesUiTest {
    static final int INVOCATIONS = 20;
    @TempDir static Path workspace;
    static TestConsole console;
    Stage stage;
    FunctionPage page;

    @BeforeAll
    static void createFunction() {
        console = new TestConsole(workspace);
        console.runtime.workspace().create(FunctionConfig.builder("orders").runtime("python3.12")
                .handler("app.handler").timeout(10).build(), CodeSource.files(Map.of("app.py", """
                def handler(event, context):
                    return {"version": context.function_version}
                """)));
    }

    @AfterAll
    static void stop() { console.close(); }

    @Start
    void start(Stage stage) { this.stage = stage; }

    @AfterEach
    void closePage() {
        if (page != null) run(page::close);
    }

    private void tab(FxRobot robot, String id) {
        run(() -> page.select(id));
        until(() -> id.equals(robot.lookup("#functionTabs").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getId()));
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(TableView.class);
    }

    private static boolean dialogShown(FxRobot robot, String id) {
        return robot.lookup("#" + id).tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .orElse(false);
    }

    private void publish(FxRobot robot, String description, int expectedRows) {
        robot.clickOn("#publishVersionButton");
        until(() -> dialogShown(robot, "versionDescriptionField"));
        robot.clickOn("#versionDescriptionField").write(description);
        robot.clickOn("#publishVersionConfirmButton");
        until(() -> table(robot, "versionsTable").getItems().size() == expectedRows);
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishTwoVersionsRouteAnAliasByWeightAndSeeWhereItsInvocationsLanded(FxRobot robot) {
        page = call(() -> new FunctionPage(console.services, "orders", Composition.pages().functionTabs()));
        FxSteps.show(stage, page);
        run(() -> {
            stage.setWidth(1360);
            stage.setHeight(900);
        });

        // Versions: publish $LATEST as version 1, change it, publish version 2
        tab(robot, "versionsTab");
        until(() -> table(robot, "versionsTable").getItems().size() == 1);
        publish(robot, "first cut", 2);
        assertThat(text(robot, "#versionsMessage")).startsWith("Published version 1 (CodeSha256 ");
        console.runtime.workspace().updateConfiguration("orders", b -> b.memorySize(256));
        publish(robot, "more memory", 3);
        assertThat(call(() -> table(robot, "versionsTable").getItems().stream()
                .map(r -> ((VersionRow) r).name() + " " + ((VersionRow) r).description()).toList()))
                .containsExactly("$LATEST ", "1 first cut", "2 more memory");

        // Aliases: live → 1, with 40 % on 2
        tab(robot, "aliasesTab");
        robot.clickOn("#createAliasButton");
        until(() -> dialogShown(robot, "aliasNameField"));
        assertThat(text(robot, "#aliasProblemLabel")).isEqualTo("Enter a name for the alias.");
        robot.clickOn("#aliasNameField").write("live");
        robot.clickOn("#aliasDescriptionField").write("production");
        run(() -> robot.lookup("#aliasVersionChoice").queryAs(ComboBox.class).setValue("1"));
        run(() -> robot.lookup("#aliasAdditionalVersionChoice").queryAs(ComboBox.class).setValue("2"));
        assertThat(text(robot, "#aliasSplitLabel")).isEqualTo("100 % → 1, 0 % → 2");
        run(() -> robot.lookup("#aliasWeightSlider").queryAs(Slider.class).setValue(40));
        until(() -> "60 % → 1, 40 % → 2".equals(text(robot, "#aliasSplitLabel")));
        robot.clickOn("#aliasSaveButton");
        until(() -> !dialogShown(robot, "aliasNameField"));
        until(() -> table(robot, "aliasesTable").getItems().size() == 1);
        AliasRow live = (AliasRow) call(() -> table(robot, "aliasesTable").getItems().get(0));
        assertThat(List.of(live.name(), live.version(), live.additional(), live.description()))
                .containsExactly("live", "1", "2 at 40 %", "production");
        assertThat(text(robot, "#aliasesMessage")).isEqualTo("Created alias live: 1 (60 %), 2 (40 %).");

        // Test: invoke through the alias
        tab(robot, "testTab");
        ComboBox<Qualifier> qualifier = robot.lookup("#testQualifierChoice").queryAs(ComboBox.class);
        until(() -> qualifier.getItems().stream().anyMatch(q -> "live".equals(q.value())));
        assertThat(call(() -> qualifier.getItems().stream().map(Qualifier::label).toList()))
                .containsExactly("$LATEST", "Version 1 · first cut", "Version 2 · more memory",
                        "Alias live → 1 (60 %), 2 (40 %)");
        run(() -> qualifier.setValue(qualifier.getItems().get(3)));
        for (int i = 0; i < INVOCATIONS; i++) {
            robot.clickOn("#invokeButton");
            until(() -> !robot.lookup("#invokeButton").queryAs(Button.class).isDisabled()
                    && text(robot, "#testMessageLabel").startsWith("Ran version "));
            assertThat(text(robot, "#testMessageLabel")).matches("Ran version [12] \\(through alias live\\)\\.");
        }

        run(() -> Screenshots.save(stage.getScene(), "test-qualifier"));

        // Aliases: the chart shows where the invocations landed, both versions
        tab(robot, "aliasesTab");
        run(() -> table(robot, "aliasesTable").getSelectionModel().select(0));
        until(() -> text(robot, "#aliasTrafficSummary").startsWith(INVOCATIONS + " invocations through live"), 30);
        StackedBarChart<String, Number> chart = robot.lookup("#aliasTrafficChart").queryAs(StackedBarChart.class);
        Map<String, Long> landed = call(() -> {
            Map<String, Long> m = new java.util.TreeMap<>();
            for (XYChart.Series<String, Number> s : chart.getData()) {
                m.put(s.getName(), s.getData().stream().mapToLong(d -> d.getYValue().longValue()).sum());
            }
            return m;
        });
        assertThat(landed).hasSize(2);
        List<String> names = List.copyOf(landed.keySet());
        assertThat(names.get(0)).startsWith("Version 1 (");
        assertThat(names.get(1)).startsWith("Version 2 (");
        assertThat(landed.values()).allMatch(n -> n > 0);
        assertThat(landed.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(INVOCATIONS);
        long onTwo = landed.get(names.get(1));
        assertThat(text(robot, "#aliasTrafficSummary")).contains("version 2: " + onTwo + " (");
        assertThat(call(() -> chart.lookupAll(".chart-bar").stream().filter(Node::isVisible).count()))
                .as("bars are drawn").isGreaterThan(0);
        // the time axis labels every bucket once, in order, under its bar
        List<String> buckets = call(() -> page.lookupAll("#aliasesView").stream().findFirst()
                .map(n -> ((AliasesView) n).viewModel().trafficProperty().get().buckets()).orElseThrow());
        assertThat(call(() -> chart.getXAxis().getTickMarks().stream().map(t -> t.getValue()).toList()))
                .isEqualTo(buckets);
        run(() -> Screenshots.save(stage.getScene(), "aliases"));

        // Monitor: only what version 2 ran, each called through live
        tab(robot, "monitorTab");
        ComboBox<Qualifier> filter = robot.lookup("#monitorQualifierChoice").queryAs(ComboBox.class);
        until(() -> filter.getItems().stream().anyMatch(q -> "2".equals(q.value())));
        until(() -> table(robot, "invocationsTable").getItems().size() == INVOCATIONS);
        run(() -> filter.setValue(filter.getItems().stream().filter(q -> "2".equals(q.value())).findFirst().orElseThrow()));
        until(() -> table(robot, "invocationsTable").getItems().size() == onTwo);
        assertThat(call(() -> table(robot, "invocationsTable").getItems().stream()
                .map(r -> ((InvocationRow) r).record().executedVersion() + " " + ((InvocationRow) r).record().qualifier())
                .distinct().toList())).containsExactly("2 live");
        run(() -> Screenshots.save(stage.getScene(), "monitor-qualifier"));

        // Versions: version 2 is used by live, so Lambda refuses to delete it and the tab says why
        tab(robot, "versionsTab");
        run(() -> table(robot, "versionsTable").getSelectionModel().select(2));
        robot.clickOn("#deleteVersionButton");
        until(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane confirm = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(call(confirm::getHeaderText)).isEqualTo("Delete version 2?");
        robot.clickOn(call(() -> confirm.getButtonTypes().stream()
                .filter(b -> b.getText().equals("Delete")).map(confirm::lookupButton).findFirst().orElseThrow()));
        until(() -> text(robot, "#versionsMessage").startsWith("Version 2 was not deleted."));
        assertThat(text(robot, "#versionsMessage")).isEqualTo("Version 2 was not deleted. ResourceConflictException: "
                + "Unable to delete version because the following aliases reference it: [live]");
        assertThat(call(() -> table(robot, "versionsTable").getItems().size())).isEqualTo(3);
        run(() -> Screenshots.save(stage.getScene(), "versions"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void versionsAndAliasesChangedWithTheAwsCliShowUpInTheTabsAndChoosers(FxRobot robot) throws Exception {
        Aws aws = new Aws(console);
        console.runtime.workspace().create(FunctionConfig.builder("billing").runtime("python3.12")
                .handler("app.handler").build(), CodeSource.files(Map.of("app.py", "def handler(e, c):\n    return 1\n")));
        page = call(() -> new FunctionPage(console.services, "billing", Composition.pages().functionTabs()));
        FxSteps.show(stage, page);
        tab(robot, "versionsTab");
        until(() -> table(robot, "versionsTable").getItems().size() == 1);

        aws.call("lambda", "publish-version", "--function-name", "billing", "--description", "from the CLI");
        until(() -> table(robot, "versionsTable").getItems().size() == 2);
        VersionRow one = (VersionRow) call(() -> table(robot, "versionsTable").getItems().get(1));
        assertThat(List.of(one.name(), one.description())).containsExactly("1", "from the CLI");
        aws.call("lambda", "update-function-configuration", "--function-name", "billing", "--timeout", "7");
        aws.call("lambda", "publish-version", "--function-name", "billing");
        until(() -> table(robot, "versionsTable").getItems().size() == 3);

        tab(robot, "aliasesTab");
        aws.call("lambda", "create-alias", "--function-name", "billing", "--name", "canary", "--function-version", "1",
                "--routing-config", "{\"AdditionalVersionWeights\": {\"2\": 0.25}}");
        until(() -> table(robot, "aliasesTable").getItems().size() == 1);
        assertThat(((AliasRow) call(() -> table(robot, "aliasesTable").getItems().get(0))).additional())
                .isEqualTo("2 at 25 %");
        aws.call("lambda", "update-alias", "--function-name", "billing", "--name", "canary",
                "--routing-config", "{\"AdditionalVersionWeights\": {\"2\": 0.5}}");
        until(() -> "2 at 50 %".equals(((AliasRow) table(robot, "aliasesTable").getItems().get(0)).additional()));

        tab(robot, "testTab");
        ComboBox<Qualifier> qualifier = robot.lookup("#testQualifierChoice").queryAs(ComboBox.class);
        until(() -> qualifier.getItems().stream().map(Qualifier::label).toList().contains("Alias canary → 1 (50 %), 2 (50 %)"));
        run(() -> qualifier.setValue(qualifier.getItems().stream().filter(q -> "canary".equals(q.value())).findFirst()
                .orElseThrow()));
        aws.call("lambda", "delete-alias", "--function-name", "billing", "--name", "canary");
        until(() -> qualifier.getItems().size() == 3);
        assertThat(call(() -> qualifier.getValue().value())).as("a deleted alias falls back to $LATEST")
                .isEqualTo("$LATEST");
    }
}
