package dev.lambdaconsole.app.services.schedules;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.ServiceFixtures;
import dev.lambdaconsole.app.shell.TestConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SchedulesViewModelTest {
    @TempDir Path workspace;
    TestConsole console;
    SchedulesViewModel vm;

    @BeforeEach
    void start() {
        console = new TestConsole(workspace, "process", TaskRunner.synchronous());
        vm = new SchedulesViewModel(console.simulators::eventBridge, console.simulators::push, console.tasks);
    }

    @AfterEach
    void stop() { console.close(); }

    @Test
    void everyScheduleRuleWithItsNextTimesPauseResumeAndFireNow() {
        String fn = ServiceFixtures.function(console, "tick", ServiceFixtures.ECHO);
        String arn = ServiceFixtures.rule(console, "default", "hourly", "ScheduleExpression", "rate(1 hour)", fn);
        ServiceFixtures.rule(console, "default", "pattern", "EventPattern", "{\"source\":[\"x\"]}", fn);
        vm.refresh();
        assertThat(vm.schedules()).hasSize(1);
        SchedulesViewModel.ScheduleRow row = vm.schedules().get(0);
        assertThat(row.arn()).isEqualTo(arn);
        assertThat(row.expression()).isEqualTo("rate(1 hour)");
        assertThat(row.timeZone()).isEqualTo("UTC");
        assertThat(row.state()).isEqualTo("ENABLED");
        assertThat(row.targets()).isEqualTo(fn);
        assertThat(row.nextFireTimes()).hasSize(5);
        assertThat(row.nextText().split("\n")).hasSize(5);
        assertThat(row.lastFired()).isEmpty();
        var next = row.nextFireTimes().get(0);

        vm.setEnabled(row, false);
        assertThat(vm.schedules().get(0).state()).isEqualTo("DISABLED");
        assertThat(vm.message().get()).isEqualTo("Paused hourly");

        vm.fireNow(vm.schedules().get(0));
        assertThat(vm.message().get()).startsWith("Fired hourly at ");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            vm.refresh();
            return vm.schedules().get(0).lastFired().contains("→ tick (SUCCESS)");
        });
        assertThat(console.simulators.push().recent(arn)).singleElement()
                .satisfies(d -> assertThat(d.source()).isEqualTo("schedule"));
        assertThat(vm.schedules().get(0).nextFireTimes().get(0)).as("fire now leaves the next time alone").isEqualTo(next);

        vm.setEnabled(vm.schedules().get(0), true);
        assertThat(vm.schedules().get(0).state()).isEqualTo("ENABLED");
    }

    @Test
    void aDeliveryOfAScheduleRefreshesOnTheNextDrain() throws Exception {
        String fn = ServiceFixtures.function(console, "tick", ServiceFixtures.ECHO);
        ServiceFixtures.rule(console, "default", "hourly", "ScheduleExpression", "rate(1 hour)", fn);
        try (AutoCloseable watching = vm.watch()) {
            vm.drain();
            assertThat(vm.schedules()).as("nothing delivered: no refresh").isEmpty();
            ServiceFixtures.events(console).fireNow(console.simulators.eventBridge().orElseThrow().ruleArns().get(0));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                vm.drain();
                return !vm.schedules().isEmpty();
            });
        }
    }
}
