package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.simulators.mappings.Mapping;
import dev.lambdaconsole.simulators.streams.StreamInfo;
import dev.lambdaconsole.simulators.streams.StreamStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StreamFormViewModelTest {
    static final String KINESIS_ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/clicks";
    @TempDir Path workspace;
    TestConsole console;

    @BeforeEach
    void start() {
        console = FormConsole.start(workspace);
        ((StreamStore) console.simulators.streams()).create(new StreamStore.NewStream(KINESIS_ARN, "clicks",
                StreamInfo.Kind.KINESIS, 1, "PROVISIONED", null, null));
        console.simulators.dynamoDbStreams().createStream("orders", "NEW_AND_OLD_IMAGES", 1);
    }

    @AfterEach
    void stop() { console.close(); }

    private StreamFormViewModel form(StreamFormViewModel.Kind kind) {
        StreamFormViewModel vm = new StreamFormViewModel(console.simulators, console.runtime.engine().settings(),
                FormConsole.FUNCTION, kind, console.tasks);
        vm.load();
        return vm;
    }

    @Test
    void eachRuleOfAStreamMappingIsCheckedAsTyped() {
        StreamFormViewModel vm = form(StreamFormViewModel.Kind.KINESIS);
        assertThat(vm.streams()).extracting(StreamFormViewModel.StreamChoice::name).containsExactly("clicks");
        assertThat(vm.streamError().get()).isEqualTo("Choose a Kinesis stream.");
        vm.streamProperty().set("nope");
        assertThat(vm.streamError().get()).isEqualTo("There is no Kinesis stream nope in the local services.");
        vm.streamProperty().set("clicks");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.startingPositions()).containsExactly("LATEST", "TRIM_HORIZON", "AT_TIMESTAMP");

        vm.startingPositionProperty().set("AT_TIMESTAMP");
        assertThat(vm.timestampError().get()).startsWith("Enter the time to start reading from");
        vm.timestampProperty().set("yesterday");
        assertThat(vm.timestampError().get()).startsWith("Enter the time as ISO-8601");
        vm.timestampProperty().set("2026-12-01T10:00:00Z");
        assertThat(vm.timestampError().get()).isNull();

        vm.batchSizeProperty().set("10001");
        assertThat(vm.batchSizeError().get()).isEqualTo("Must be between 1 and 10000.");
        vm.batchWindowProperty().set("-1");
        assertThat(vm.batchWindowError().get()).isEqualTo("Must be between 0 and 300.");
        vm.retriesProperty().set("-2");
        assertThat(vm.retriesError().get()).isEqualTo("Must be between -1 and 10000.");
        vm.maxAgeProperty().set("30");
        assertThat(vm.maxAgeError().get()).isEqualTo("Must be -1 (infinite) or between 60 and 604800.");
        vm.maxAgeProperty().set("60");
        assertThat(vm.maxAgeError().get()).isNull();
        vm.parallelizationProperty().set("11");
        assertThat(vm.parallelizationError().get()).isEqualTo("Must be between 1 and 10.");
        vm.tumblingProperty().set("901");
        assertThat(vm.tumblingError().get()).isEqualTo("Must be between 0 and 900.");
        vm.onFailureProperty().set("my-queue");
        assertThat(vm.onFailureError().get()).isEqualTo("The on-failure destination must be the ARN of an SQS queue or an SNS topic.");
        vm.filtersProperty().set("{\"data\": 5}");
        assertThat(vm.filtersError().get()).startsWith("Invalid filter pattern definition.");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(form(StreamFormViewModel.Kind.DYNAMODB).startingPositions()).containsExactly("LATEST", "TRIM_HORIZON");
    }

    @Test
    void addCreatesTheMappingWithEveryValueAndTheServiceRefusesAMissingDestination() {
        StreamFormViewModel vm = form(StreamFormViewModel.Kind.KINESIS);
        vm.streamProperty().set("clicks");
        vm.startingPositionProperty().set("TRIM_HORIZON");
        vm.batchSizeProperty().set("25");
        vm.retriesProperty().set("3");
        vm.maxAgeProperty().set("3600");
        vm.bisectProperty().set(true);
        vm.parallelizationProperty().set("2");
        vm.tumblingProperty().set("30");
        vm.reportFailuresProperty().set(true);
        vm.filtersProperty().set("{\"data\": {\"page\": [\"home\"]}}");
        vm.onFailureProperty().set("arn:aws:sqs:us-east-1:000000000000:missing");
        assertThat(FormConsole.add(vm)).isEqualTo("failed: The destination queue does not exist: "
                + "arn:aws:sqs:us-east-1:000000000000:missing");
        assertThat(console.simulators.mappings().orElseThrow().list()).isEmpty();

        vm.onFailureProperty().set("");
        assertThat(FormConsole.add(vm)).startsWith("Kinesis stream clicks → greeter: event source mapping ");
        Mapping m = console.simulators.mappings().orElseThrow().list().get(0);
        assertThat(m.eventSourceArn()).isEqualTo(KINESIS_ARN);
        assertThat(m.startingPosition()).isEqualTo("TRIM_HORIZON");
        assertThat(m.batchSize()).isEqualTo(25);
        assertThat(m.maximumRetryAttempts()).isEqualTo(3);
        assertThat(m.maximumRecordAgeInSeconds()).isEqualTo(3600);
        assertThat(m.bisectBatchOnFunctionError()).isTrue();
        assertThat(m.parallelizationFactor()).isEqualTo(2);
        assertThat(m.tumblingWindowInSeconds()).isEqualTo(30);
        assertThat(m.functionResponseTypes()).containsExactly("ReportBatchItemFailures");

        StreamFormViewModel table = form(StreamFormViewModel.Kind.DYNAMODB);
        table.streamProperty().set("orders");
        assertThat(FormConsole.add(table)).startsWith("DynamoDB table orders → greeter: event source mapping ");
        assertThat(console.simulators.mappings().orElseThrow().list()).extracting(Mapping::eventSourceArn)
                .anySatisfy(arn -> assertThat(arn).contains(":table/orders/stream/"));
    }
}
