package dev.lambdaconsole.app.triggers.add;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.app.triggers.add.EventBridgeRuleFormViewModel.Mode;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class EventBridgeRuleFormViewModelTest {
    @TempDir static Path workspace;
    static TestConsole console;
    static EventBridgeService events;

    @BeforeAll
    static void start() {
        console = new TestConsole(workspace, "process", TaskRunner.synchronous());
        FormFunctions.create(console, "orders", FormFunctions.WEB);
        events = console.simulators.eventBridge().orElseThrow();
    }

    @AfterAll
    static void stop() { console.close(); }

    static EventBridgeRuleFormViewModel form() {
        EventBridgeRuleFormViewModel vm = new EventBridgeRuleFormViewModel("orders", FormFunctions.arn(console, "orders"),
                () -> console.simulators.eventBridge(), console.tasks);
        vm.load();
        return vm;
    }

    static String added(EventBridgeRuleFormViewModel vm) {
        AtomicReference<String> out = new AtomicReference<>();
        vm.add().onSuccess(out::set).onFailure(e -> out.set("failed: " + e.getMessage()));
        return out.get();
    }

    @Test
    void thePatternIsCheckedAsTypedWithTheEventBridgeDialectAndSaysWhereTheSyntaxErrorIs() {
        EventBridgeRuleFormViewModel vm = form();
        assertThat(vm.patternError().get()).startsWith("Enter an event pattern");
        vm.patternProperty().set("{\n  \"source\": [\"shop\"],\n  \"detail\": {\"amount\": [{\"numeric\": [\">\", 100]}]\n");
        assertThat(vm.patternError().get()).startsWith("Event pattern is not valid. Reason: Unexpected end-of-input")
                .endsWith("(line 4, column 1)");
        assertThat(vm.patternProblem().get().line()).isEqualTo(4);
        vm.patternProperty().set("{\"source\": [\"shop\"],, }");
        assertThat(vm.patternProblem().get().line()).isEqualTo(1);
        assertThat(vm.patternProblem().get().column()).isEqualTo(21);
        vm.patternProperty().set("{\"source\": \"shop\"}");
        assertThat(vm.patternError().get()).isEqualTo("Event pattern is not valid. Reason: \"source\" must be an object or an array");
        vm.patternProperty().set("{\"source\": []}");
        assertThat(vm.patternError().get()).isEqualTo("Event pattern is not valid. Reason: Empty arrays are not allowed");
        vm.patternProperty().set("{\"detail\": {\"amount\": [{\"numeric\": [\">\", 100]}]}, \"source\": [{\"prefix\": \"shop\"}]}");
        assertThat(vm.patternError().get()).isEmpty();
        assertThat(vm.patternProblem().get()).isNull();
    }

    @Test
    void nameDescriptionAndExistingRuleRules() {
        events.call("PutRule", Json.object().put("Name", "taken").put("EventPattern", "{\"source\":[\"x\"]}"));
        EventBridgeRuleFormViewModel vm = form();
        vm.patternProperty().set("{\"source\": [\"shop\"]}");
        assertThat(vm.ruleNameError().get()).startsWith("Enter a rule name");
        vm.ruleNameProperty().set("bad/name");
        assertThat(vm.ruleNameError().get()).isEqualTo("1 validation error detected: Value 'bad/name' at 'name' failed to "
                + "satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        vm.ruleNameProperty().set("taken");
        assertThat(vm.ruleNameError().get()).isEqualTo("Rule taken already exists on EventBus default: pick it under "
                + "Existing rule to add the function to it");
        vm.ruleNameProperty().set("fresh");
        assertThat(vm.validProperty().get()).isTrue();
        vm.descriptionProperty().set("x".repeat(513));
        assertThat(vm.descriptionError().get()).endsWith("Member must have length less than or equal to 512");
        assertThat(vm.validProperty().get()).isFalse();
        vm.descriptionProperty().set("");

        vm.modeProperty().set(Mode.EXISTING);
        assertThat(vm.existingRuleError().get()).isEqualTo("Choose a rule of EventBus default");
        assertThat(vm.rulesOfBus().get()).contains("taken");
        vm.existingRuleProperty().set("taken");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void aNewRuleOnACustomBusSendsAMatchingEventToTheFunction() {
        JsonNode bus = events.call("ListEventBuses", Json.object());
        assertThat(bus.get("EventBuses")).hasSize(1);
        // a custom bus, as `aws events create-event-bus` makes it
        callCreateBus("shop-bus");
        EventBridgeRuleFormViewModel vm = form();
        assertThat(vm.buses().get()).containsExactly("default", "shop-bus");
        vm.busProperty().set("shop-bus");
        vm.ruleNameProperty().set("big-orders");
        vm.patternProperty().set("{\"source\": [\"shop\"], \"detail\": {\"amount\": [{\"numeric\": [\">\", 100]}]}}");
        assertThat(added(vm)).isEqualTo("Rule big-orders on EventBus shop-bus sends matching events to orders");
        JsonNode rule = events.call("DescribeRule", Json.object().put("Name", "big-orders").put("EventBusName", "shop-bus"));
        assertThat(rule.get("State").asText()).isEqualTo("ENABLED");
        JsonNode targets = events.call("ListTargetsByRule", Json.object().put("Rule", "big-orders")
                .put("EventBusName", "shop-bus")).get("Targets");
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).get("Id").asText()).isEqualTo("orders");

        com.fasterxml.jackson.databind.node.ObjectNode put = Json.object();
        put.putArray("Entries").addObject().put("Source", "shop").put("DetailType", "Order Placed")
                .put("Detail", "{\"amount\": 250}").put("EventBusName", "shop-bus");
        assertThat(events.putEvents(put).get("FailedEntryCount").asInt()).isZero();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !console.runtime.logs().invocations("orders", 10).isEmpty());
    }

    @Test
    void anExistingRuleGetsTheFunctionAsASecondTarget() {
        events.call("PutRule", Json.object().put("Name", "audit").put("EventPattern", "{\"source\":[\"audit\"]}"));
        com.fasterxml.jackson.databind.node.ObjectNode t = Json.object().put("Rule", "audit");
        t.putArray("Targets").addObject().put("Id", "other").put("Arn", FormFunctions.arn(console, "orders") + "x");
        events.call("PutTargets", t);
        EventBridgeRuleFormViewModel vm = form();
        vm.modeProperty().set(Mode.EXISTING);
        vm.existingRuleProperty().set("audit");
        assertThat(added(vm)).isEqualTo("Rule audit on EventBus default sends matching events to orders");
        assertThat(events.call("ListTargetsByRule", Json.object().put("Rule", "audit")).get("Targets"))
                .extracting(n -> n.get("Id").asText()).containsExactly("other", "orders");
    }

    private static void callCreateBus(String name) {
        String reply = FormFunctions.events(console, "CreateEventBus", "{\"Name\":\"" + name + "\"}");
        assertThat(reply).startsWith("200 ");
    }
}
