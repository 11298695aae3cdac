package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.simulators.mappings.Mapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SqsFormViewModelTest {
    @TempDir Path workspace;
    TestConsole console;
    SqsFormViewModel vm;

    @BeforeEach
    void start() {
        console = FormConsole.start(workspace);
        vm = new SqsFormViewModel(console.simulators, console.runtime.engine().settings(), FormConsole.FUNCTION,
                console.tasks);
    }

    @AfterEach
    void stop() { console.close(); }

    @Test
    void eachRuleIsWordedAtItsField() {
        assertThat(vm.queueError().get()).isEqualTo("Choose a queue or enter the name of a new one.");
        assertThat(vm.validProperty().get()).isFalse();
        vm.queueProperty().set("bad name");
        assertThat(vm.queueError().get()).startsWith("Queue names can only include alphanumeric characters");
        vm.queueProperty().set("orders");
        assertThat(vm.queueError().get()).isNull();
        assertThat(vm.validProperty().get()).isTrue();

        vm.batchSizeProperty().set("0");
        assertThat(vm.batchSizeError().get()).isEqualTo("Must be between 1 and 10000.");
        vm.batchSizeProperty().set("ten");
        assertThat(vm.batchSizeError().get()).isEqualTo("Must be a whole number between 1 and 10000.");
        vm.batchSizeProperty().set("100");
        assertThat(vm.batchSizeError().get()).isEqualTo("Maximum batch window in seconds must be greater than 0 if "
                + "maximum batch size is greater than 10.");
        assertThat(vm.validProperty().get()).isFalse();
        vm.batchWindowProperty().set("5");
        assertThat(vm.batchSizeError().get()).isNull();
        vm.batchWindowProperty().set("301");
        assertThat(vm.batchWindowError().get()).isEqualTo("Must be between 0 and 300.");
        vm.batchWindowProperty().set("5");

        vm.queueProperty().set("orders.fifo");
        assertThat(vm.batchSizeError().get()).isEqualTo("Batch size for FIFO queues must be between 1 and 10.");
        assertThat(vm.batchWindowError().get()).isEqualTo("A batch window is not supported for FIFO queues.");
        vm.queueProperty().set("orders");

        vm.maxConcurrencyProperty().set("1");
        assertThat(vm.maxConcurrencyError().get()).isEqualTo("Must be between 2 and 1000.");
        vm.maxConcurrencyProperty().set("");
        assertThat(vm.maxConcurrencyError().get()).isNull();

        vm.filtersProperty().set("{\"body\": \"PAID\"}");
        assertThat(vm.filtersError().get()).startsWith("Invalid filter pattern definition.").contains("body");
        vm.filtersProperty().set("{\"body\": {\"status\": [\"PAID\"]}}\n{\"body\": {\"x\": 1}}");
        assertThat(vm.filtersError().get()).startsWith("Filter 2: Invalid filter pattern definition.");
        vm.filtersProperty().set("[{\"body\": {\"status\": [\"PAID\"]}}]");
        assertThat(vm.filtersError().get()).isNull();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void addCreatesTheQueueAndTheMappingAsCreateEventSourceMappingWouldThenTheServiceRefusesASecond() {
        vm.queueProperty().set("orders");
        vm.batchSizeProperty().set("50");
        vm.batchWindowProperty().set("2");
        vm.reportFailuresProperty().set(true);
        vm.maxConcurrencyProperty().set("5");
        vm.filtersProperty().set("{\"body\": {\"status\": [\"PAID\"]}}");
        vm.enabledProperty().set(false);
        String summary = FormConsole.add(vm);
        assertThat(summary).startsWith("SQS queue orders (new) → greeter: event source mapping ");

        Mapping m = console.simulators.mappings().orElseThrow().list().get(0);
        assertThat(m.eventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:orders");
        assertThat(m.functionArn()).endsWith(":function:greeter");
        assertThat(m.batchSize()).isEqualTo(50);
        assertThat(m.maximumBatchingWindowInSeconds()).isEqualTo(2);
        assertThat(m.functionResponseTypes()).containsExactly("ReportBatchItemFailures");
        assertThat(m.scalingConfig().path("MaximumConcurrency").asInt()).isEqualTo(5);
        assertThat(m.filterCriteria().path("Filters").get(0).path("Pattern").asText()).contains("PAID");
        assertThat(m.isEnabled()).isFalse();

        vm.load();
        assertThat(vm.queues()).containsExactly("orders");
        assertThat(FormConsole.add(vm)).startsWith("failed: An event source mapping with SQS arn (\" "
                + "arn:aws:sqs:us-east-1:000000000000:orders \") and function (\" greeter \") already exists.");
    }
}
