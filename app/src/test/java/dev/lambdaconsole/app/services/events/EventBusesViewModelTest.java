package dev.lambdaconsole.app.services.events;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.ServiceFixtures;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EventBusesViewModelTest {
    @TempDir Path workspace;
    TestConsole console;
    EventBusesViewModel vm;

    @BeforeEach
    void start() {
        console = new TestConsole(workspace, "process", TaskRunner.synchronous());
        vm = new EventBusesViewModel(console.simulators::eventBridge, console.tasks);
        vm.refresh();
    }

    @AfterEach
    void stop() { console.close(); }

    @Test
    void aBusNameIsCheckedAsTypedAndANewBusIsListedAndSelected() {
        assertThat(vm.buses()).extracting(EventBusesViewModel.BusRow::name).containsExactly("default");
        vm.newBusNameProperty().set("orders!");
        assertThat(vm.newBusError().get()).isEqualTo("a bus name is 1-256 letters, digits and . - _ /");
        vm.newBusNameProperty().set("aws.mine");
        assertThat(vm.newBusError().get()).isEqualTo("names starting with aws. are reserved for AWS");
        vm.newBusNameProperty().set("orders");
        assertThat(vm.newBusError().get()).isEmpty();
        vm.createBus();
        assertThat(vm.buses()).extracting(EventBusesViewModel.BusRow::name).containsExactly("default", "orders");
        assertThat(vm.selectedBusProperty().get()).isEqualTo("orders");
        assertThat(vm.message().get()).isEqualTo("Created event bus orders");
        vm.newBusNameProperty().set("orders");
        vm.createBus();
        assertThat(vm.message().get()).isEqualTo("ResourceAlreadyExistsException: Event bus orders already exists.");
    }

    @Test
    void theSelectedBusShowsItsRulesWithPatternStateAndTargets() {
        ServiceFixtures.events(console).call("CreateEventBus", Json.object().put("Name", "orders"));
        String fn = ServiceFixtures.function(console, "sink", ServiceFixtures.ECHO);
        ServiceFixtures.rule(console, "orders", "big", "EventPattern", "{\"source\":[\"shop\"]}", fn);
        ServiceFixtures.rule(console, "default", "nightly", "ScheduleExpression", "cron(0 3 * * ? *)", null);
        vm.refresh();
        assertThat(vm.rules()).extracting(EventBusesViewModel.RuleRow::name).containsExactly("nightly");
        assertThat(vm.rules().get(0).targets()).isEqualTo("(no targets)");
        vm.selectedBusProperty().set("orders");
        assertThat(vm.rules()).hasSize(1);
        EventBusesViewModel.RuleRow big = vm.rules().get(0);
        assertThat(big.patternOrSchedule()).isEqualTo("{\"source\":[\"shop\"]}");
        assertThat(big.state()).isEqualTo("ENABLED");
        assertThat(big.targets()).isEqualTo(fn);
    }

    @Test
    void putEventReportsTheEventIdAndWhichRulesMatched() {
        ServiceFixtures.events(console).call("CreateEventBus", Json.object().put("Name", "orders"));
        ServiceFixtures.rule(console, "orders", "big", "EventPattern",
                "{\"source\":[\"shop\"],\"detail\":{\"total\":[{\"numeric\":[\">\",100]}]}}", null);
        ServiceFixtures.rule(console, "orders", "eur", "EventPattern", "{\"detail\":{\"currency\":[\"EUR\"]}}", null);
        ServiceFixtures.rule(console, "orders", "paused", "EventPattern", "{\"source\":[\"shop\"]}", null);
        ServiceFixtures.events(console).call("DisableRule", Json.object().put("Name", "paused").put("EventBusName", "orders"));
        vm.selectedBusProperty().set("orders");
        vm.sourceProperty().set("shop");
        vm.detailTypeProperty().set("OrderPlaced");
        vm.detailProperty().set("{\"total\": 250, \"currency\": \"USD\"}");
        vm.resourcesProperty().set("arn:aws:s3:::a\narn:aws:s3:::b");
        vm.putEvent();
        assertThat(vm.putResult().get()).startsWith("Event id ").endsWith(" · 1 of 3 rules matched");
        assertThat(vm.matches()).extracting(EventBusesViewModel.RuleMatch::rule, EventBusesViewModel.RuleMatch::verdict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("big", "Matched: delivered to (no targets)"),
                        org.assertj.core.groups.Tuple.tuple("eur", "Not matched"),
                        org.assertj.core.groups.Tuple.tuple("paused", "Matches, but the rule is disabled: not delivered"));
        assertThat(vm.builtEvent().get()).contains("\"account\" : \"", "\"region\" : \"us-east-1\"", "\"time\" : \"",
                "\"arn:aws:s3:::b\"", "\"detail-type\" : \"OrderPlaced\"");
    }

    @Test
    void theFormIsValidatedAsTypedAndNothingIsSentWhileInvalid() {
        vm.detailProperty().set("{\"a\": ");
        assertThat(vm.detailError().get()).startsWith("Detail is not valid JSON: ");
        vm.detailProperty().set("[1, 2]");
        assertThat(vm.detailError().get()).isEqualTo("Detail must be a JSON object ({…}), not array");
        vm.sourceProperty().set("x");
        vm.sourceProperty().set(" ");
        assertThat(vm.sourceError().get()).isEqualTo("Source is required");
        vm.putEvent();
        assertThat(vm.putResult().get()).isEqualTo("Not sent: fix the fields marked above");
        assertThat(vm.detailTypeError().get()).isEqualTo("Detail type is required");
        assertThat(vm.matches()).isEmpty();
    }

    @Test
    void aSampleFromTheLibraryPrefillsTheForm() {
        vm.loadSamples();
        assertThat(vm.samples()).extracting(EventBusesViewModel.Sample::toString).contains("eventbridge / custom-event");
        vm.pick(vm.samples().stream().filter(s -> s.type().equals("custom-event")).findFirst().orElseThrow());
        assertThat(vm.sourceProperty().get()).isEqualTo("com.example.orders");
        assertThat(vm.detailTypeProperty().get()).isEqualTo("OrderPlaced");
        assertThat(vm.detailProperty().get()).contains("\"orderId\" : 42");
        assertThat(vm.detailError().get()).isEmpty();
    }
}
