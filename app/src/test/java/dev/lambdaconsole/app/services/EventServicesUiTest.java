package dev.lambdaconsole.app.services;

import dev.lambdaconsole.app.FxSteps;
import dev.lambdaconsole.app.services.apis.SentRequest;
import dev.lambdaconsole.app.services.events.EventBusesViewModel;
import dev.lambdaconsole.app.services.schedules.SchedulesViewModel;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.util.Json;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
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

/** The Services page's event buses, schedules, streams and APIs sections, used as a user would. */
@ExtendWith(ApplicationExtension.class)
class EventServicesUiTest {
    @TempDir Path workspace;
    private TestConsole console;
    private ServicesView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = new TestConsole(workspace);
    }

    /** Opens the page (after the test set up its services, as the CLI would have). */
    private void open() {
        FxSteps.run(() -> view = new ServicesView(console.services));
        FxSteps.show(stage, view);
    }

    @AfterEach
    void stop() {
        if (view != null) FxSteps.run(view::close);
        console.close();
    }

    private static <T> List<T> items(FxRobot robot, String tableId) {
        return FxSteps.call(() -> List.copyOf(robot.lookup(tableId).<TableView<T>>queryAs(castTable()).getItems()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Class<TableView<T>> castTable() { return (Class) TableView.class; }

    /** Clicks a tab of the page by its title (the sections' own headings may have the same words). */
    private static void tab(FxRobot robot, String title) {
        robot.clickOn(robot.lookup(".tab-header-area").lookup(title).<Node>query());
        FxSteps.until(() -> robot.lookup("#servicesTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getText().equals(title));
    }

    private static void setText(FxRobot robot, String id, String text) {
        FxSteps.run(() -> robot.lookup(id).queryAs(TextInputControl.class).setText(text));
    }

    @Test
    void anEventPutFromTheSectionIsReportedAsMatchingTheCustomBussRule(FxRobot robot) {
        ServiceFixtures.events(console).call("CreateEventBus", Json.object().put("Name", "orders"));
        ServiceFixtures.rule(console, "orders", "big-orders", "EventPattern",
                "{\"source\":[\"shop\"],\"detail\":{\"total\":[{\"numeric\":[\">\",100]}]}}", null);
        open();
        tab(robot, "Event buses");
        FxSteps.until(() -> robot.lookup("#busList").queryAs(ListView.class).getItems().size() == 2);
        robot.clickOn(robot.lookup("#busList").lookup("orders").<Node>query());
        FxSteps.until(() -> EventServicesUiTest.<EventBusesViewModel.RuleRow>items(robot, "#rulesTable").size() == 1);
        FxSteps.type(robot, "#sourceField", "shop");
        FxSteps.type(robot, "#detailTypeField", "OrderPlaced");
        setText(robot, "#detailArea", "{\"total\": 99");
        assertThat(FxSteps.text(robot, "#detailError")).startsWith("Detail is not valid JSON: ");
        setText(robot, "#detailArea", "{\"total\": 250}");
        assertThat(FxSteps.shown(robot, "#detailError")).isFalse();
        robot.clickOn("#putEventButton");
        FxSteps.until(() -> FxSteps.text(robot, "#putResult").startsWith("Event id "));
        assertThat(FxSteps.text(robot, "#putResult")).endsWith("1 of 1 rule matched");
        FxSteps.until(() -> robot.lookup("#matchesTable").lookup("Matched: delivered to (no targets)").tryQuery().isPresent());
        List<EventBusesViewModel.RuleMatch> matches = items(robot, "#matchesTable");
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.rule()).isEqualTo("big-orders");
            assertThat(m.matched()).isTrue();
        });
        assertThat(FxSteps.text(robot, "#builtEvent")).contains("\"source\" : \"shop\"", "\"region\" : \"us-east-1\"");
    }

    @Test
    void aScheduleShowsFiveNextTimesIsPausedAndFiredNow(FxRobot robot) {
        String fn = ServiceFixtures.function(console, "tick", ServiceFixtures.ECHO);
        String arn = ServiceFixtures.rule(console, "default", "hourly", "ScheduleExpression", "rate(1 hour)", fn);
        open();
        tab(robot, "Schedules");
        FxSteps.until(() -> EventServicesUiTest.<SchedulesViewModel.ScheduleRow>items(robot, "#schedulesTable").size() == 1);
        SchedulesViewModel.ScheduleRow row = EventServicesUiTest.<SchedulesViewModel.ScheduleRow>items(robot, "#schedulesTable").get(0);
        assertThat(row.nextText().split("\n")).hasSize(5);
        assertThat(robot.lookup("#schedulesTable").lookup(row.nextText()).tryQuery()).as("five times shown").isPresent();
        robot.clickOn(robot.lookup("#schedulesTable").lookup("hourly").<Node>query());
        robot.clickOn("#pauseScheduleButton");
        FxSteps.until(() -> robot.lookup("#schedulesTable").lookup("DISABLED").tryQuery().isPresent());
        assertThat(FxSteps.text(robot, "#schedulesMessage")).isEqualTo("Paused hourly");
        robot.clickOn("#fireNowButton");
        FxSteps.until(() -> FxSteps.text(robot, "#schedulesMessage").startsWith("Fired hourly at "));
        FxSteps.until(() -> console.simulators.push().recent(arn).stream().anyMatch(d -> d.source().equals("schedule")));
        FxSteps.until(() -> EventServicesUiTest.<SchedulesViewModel.ScheduleRow>items(robot, "#schedulesTable").get(0).lastFired()
                .contains("→ tick"));
        assertThat(EventServicesUiTest.<SchedulesViewModel.ScheduleRow>items(robot, "#schedulesTable").get(0).state()).isEqualTo("DISABLED");
    }

    @Test
    void aKinesisRecordPutFromTheSectionShowsItsSequenceNumber(FxRobot robot) {
        open();
        tab(robot, "Streams");
        FxSteps.type(robot, "#newStreamField", "clicks");
        FxSteps.type(robot, "#newShardsField", "2");
        robot.clickOn("#createStreamButton");
        FxSteps.until(() -> FxSteps.text(robot, "#kinesisMessage").equals("Created stream clicks with 2 shards"));
        FxSteps.type(robot, "#partitionKeyField", "user-1");
        FxSteps.type(robot, "#recordDataArea", "hello");
        robot.clickOn("#putRecordButton");
        FxSteps.until(() -> FxSteps.text(robot, "#putRecordResult").contains(" · sequence number 49"));
        String result = FxSteps.text(robot, "#putRecordResult");
        String sequence = result.substring(result.lastIndexOf(' ') + 1);
        FxSteps.until(() -> robot.lookup("#kinesisShardsTable").lookup(sequence).tryQuery().isPresent());
        String arn = console.simulators.kinesis().arn("clicks");
        String shard = result.substring(0, result.indexOf(' '));
        assertThat(console.simulators.streams().lastSequence(arn, shard)).isEqualTo(sequence);
    }

    @Test
    void aRequestSentToAnHttpApiRouteIsAnsweredByThePythonFunctionAndKept(FxRobot robot) throws Exception {
        String fn = ServiceFixtures.function(console, "web", ServiceFixtures.WEB);
        String api = ServiceFixtures.httpApi(console, "shop", fn, "GET /hello");
        open();
        tab(robot, "APIs");
        FxSteps.until(() -> robot.lookup("#endpointsTable").lookup("GET /hello").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#endpointsTable").lookup("GET /hello").<Node>query());
        String url = FxSteps.text(robot, "#requestUrlField");
        assertThat(url).matches("http://" + api + "\\.execute-api\\.localhost:\\d+/hello");
        robot.clickOn("#sendRequestButton");
        FxSteps.until(() -> FxSteps.text(robot, "#responseStatus").matches("200 · \\d+ ms"));
        assertThat(FxSteps.text(robot, "#responseBodyArea")).contains("\"method\" : \"GET\"", "\"path\" : \"/hello\"");
        assertThat(FxSteps.text(robot, "#responseHeadersArea")).contains("content-type: application/json");
        assertThat(FxSteps.text(robot, "#sentToLabel")).contains("/_aws/execute-api/" + api + "/hello", "a browser or curl uses " + url);
        List<SentRequest> history = FxSteps.call(() -> List.copyOf(robot.lookup("#historyList").<ListView<SentRequest>>queryAs(castList()).getItems()));
        assertThat(history).singleElement().satisfies(h -> assertThat(h.summary()).startsWith("GET " + url + " → 200"));
        assertThat(robot.lookup("#historyList").lookup(history.get(0).summary()).tryQuery()).isPresent();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Class<ListView<T>> castList() { return (Class) ListView.class; }
}
