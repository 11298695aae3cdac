package dev.lambdaconsole.app.triggers.add;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleFormViewModelTest {
    @TempDir static Path workspace;
    static TestConsole console;
    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-03T10:02:30Z"), ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        console = new TestConsole(workspace, "process", TaskRunner.synchronous());
        FormFunctions.create(console, "ticker", FormFunctions.WEB);
    }

    @AfterAll
    static void stop() { console.close(); }

    static ScheduleFormViewModel form() {
        ScheduleFormViewModel vm = new ScheduleFormViewModel("ticker", FormFunctions.arn(console, "ticker"),
                () -> console.simulators.eventBridge(), console.tasks, NOW, Duration.ZERO);
        vm.load();
        return vm;
    }

    @Test
    void rateShowsFiveTimesFiveMinutesApart() {
        ScheduleFormViewModel vm = form();
        vm.expressionProperty().set("rate(5 minutes)");
        assertThat(vm.expressionError().get()).isEmpty();
        assertThat(vm.nextTimes().get()).containsExactly("Thu 2026-12-03 10:07 UTC", "Thu 2026-12-03 10:12 UTC",
                "Thu 2026-12-03 10:17 UTC", "Thu 2026-12-03 10:22 UTC", "Thu 2026-12-03 10:27 UTC");
        assertThat(vm.zoneNote().get()).isEmpty();
    }

    @Test
    void cronIsReadInUtcAndShownInTheChosenZone() {
        ScheduleFormViewModel vm = form();
        vm.expressionProperty().set("cron(0 12 * * ? *)");
        vm.zoneProperty().set("Europe/Paris");
        // a rule's cron() fires at 12:00 UTC, which is 13:00 in Paris in December
        assertThat(vm.nextTimes().get()).containsExactly("Thu 2026-12-03 13:00 CET", "Fri 2026-12-04 13:00 CET",
                "Sat 2026-12-05 13:00 CET", "Sun 2026-12-06 13:00 CET", "Mon 2026-12-07 13:00 CET");
        assertThat(vm.zoneNote().get()).isEqualTo("EventBridge rules read cron() in UTC; the times are shown in Europe/Paris.");
        vm.zoneProperty().set("UTC");
        assertThat(vm.nextTimes().get().get(0)).isEqualTo("Thu 2026-12-03 12:00 UTC");
        assertThat(vm.zoneNote().get()).isEmpty();
    }

    @Test
    void everyRuleOfTheFormIsShownAsTyped() {
        ScheduleFormViewModel vm = form();
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.ruleNameError().get()).isEqualTo("Enter a rule name: 1 to 64 letters, digits, '.', '-' or '_'");
        assertThat(vm.expressionError().get()).startsWith("Enter a schedule expression");
        vm.ruleNameProperty().set("every five");
        assertThat(vm.ruleNameError().get()).isEqualTo("1 validation error detected: Value 'every five' at 'name' failed "
                + "to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        vm.ruleNameProperty().set("r".repeat(65));
        assertThat(vm.ruleNameError().get()).contains("at 'name' failed to satisfy constraint");
        vm.ruleNameProperty().set("every-five");
        assertThat(vm.ruleNameError().get()).isEmpty();

        vm.expressionProperty().set("rate(5 minute)");
        assertThat(vm.expressionError().get()).isEqualTo("Parameter ScheduleExpression is not valid: a rate above 1 "
                + "takes the plural unit (rate(5 minutes))");
        assertThat(vm.nextTimes().get()).isEmpty();
        vm.expressionProperty().set("cron(61 12 * * ? *)");
        assertThat(vm.expressionError().get()).isEqualTo("Parameter ScheduleExpression is not valid: the minutes field "
                + "'61' is not valid: outside 0-59");
        vm.expressionProperty().set("cron(0 12 * * * *)");
        assertThat(vm.expressionError().get()).endsWith("exactly one of day-of-month and day-of-week must be '?'");
        vm.expressionProperty().set("at(2027-01-01T09:00:00)");
        assertThat(vm.expressionError().get()).endsWith("at() is a one-time schedule of EventBridge Scheduler; a rule "
                + "takes rate() or cron()");
        vm.expressionProperty().set("every 5 minutes");
        assertThat(vm.expressionError().get()).startsWith("Parameter ScheduleExpression is not valid: a schedule is rate(");
        assertThat(vm.validProperty().get()).isFalse();
        vm.descriptionProperty().set("d".repeat(513));
        assertThat(vm.descriptionError().get()).endsWith("Member must have length less than or equal to 512");
        vm.descriptionProperty().set("");
        vm.expressionProperty().set("rate(1 hour)");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(ScheduleFormViewModel.zones().get(0)).isEqualTo("UTC");
        assertThat(ScheduleFormViewModel.zones()).contains("Europe/Paris", "America/New_York");
    }

    @Test
    void addCreatesTheRuleWithTheFunctionAsTargetAndRefusesItsNameAfterwards() {
        ScheduleFormViewModel vm = form();
        vm.ruleNameProperty().set("nightly");
        vm.expressionProperty().set("cron(0 2 * * ? *)");
        vm.descriptionProperty().set("Nightly clean-up");
        AtomicReference<String> summary = new AtomicReference<>();
        vm.add().onSuccess(summary::set).onFailure(e -> summary.set("failed: " + e.getMessage()));
        assertThat(summary.get()).startsWith("Rule nightly (cron(0 2 * * ? *)) invokes ticker; next at Fri 2026-12-04 02:00 UTC");
        var events = console.simulators.eventBridge().orElseThrow();
        JsonNode rule = events.call("DescribeRule", Json.object().put("Name", "nightly"));
        assertThat(rule.get("ScheduleExpression").asText()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(rule.get("State").asText()).isEqualTo("ENABLED");
        assertThat(rule.get("Description").asText()).isEqualTo("Nightly clean-up");
        JsonNode target = events.call("ListTargetsByRule", Json.object().put("Rule", "nightly")).get("Targets").get(0);
        assertThat(target.get("Id").asText()).isEqualTo("ticker");
        assertThat(target.get("Arn").asText()).isEqualTo(FormFunctions.arn(console, "ticker"));

        ScheduleFormViewModel again = form();
        again.ruleNameProperty().set("nightly");
        assertThat(again.ruleNameError().get()).isEqualTo("Rule nightly already exists on EventBus default: choose another name");
    }
}
