package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.invoke.EnvironmentInfo;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConcurrencyViewModelTest {
    @TempDir static Path workspace;
    static TestConsole console;

    @BeforeAll
    static void start() { console = new TestConsole(workspace, "process", TaskRunner.synchronous()); }

    @AfterAll
    static void stop() { console.close(); }

    private ConcurrencyViewModel open(String name) {
        return Functions.configuration(console, name).concurrency();
    }

    @Test
    void reservedIsNoneOrAWholeNumberUpToTheEnginesLimit() {
        ConcurrencyViewModel vm = open("limits");
        int limit = console.services.engine().settings().concurrencyLimit();
        assertThat(vm.reservedProperty().get()).isEmpty();
        assertThat(vm.reservedError().get()).isEmpty();
        vm.reservedProperty().set(String.valueOf(limit + 1));
        assertThat(vm.reservedError().get()).isEqualTo("must be between 0 and " + limit + " (the engine's concurrency limit)");
        vm.reservedProperty().set("-1");
        assertThat(vm.reservedError().get()).startsWith("must be between 0 and");
        vm.reservedProperty().set("ten");
        assertThat(vm.reservedError().get()).isEqualTo("must be a whole number");
        vm.reservedProperty().set("0");
        assertThat(vm.reservedError().get()).isEmpty();
        assertThat(vm.reservedHint().get()).isEqualTo("0 throttles every invocation of this function");
        vm.reservedProperty().set("5");
        assertThat(vm.unreservedProperty().get()).isEqualTo("Unreserved concurrency: " + (limit - 5)
                + " of the engine's " + limit);
        vm.provisionedProperty().set("6");
        assertThat(vm.provisionedError().get()).isEqualTo("must not exceed the reserved concurrency (5)");
        vm.save();
        assertThat(vm.messageProperty().get())
                .isEqualTo("Not saved: Provisioned concurrency must not exceed the reserved concurrency (5)");
        vm.provisionedProperty().set("-2");
        assertThat(vm.provisionedError().get()).isEqualTo("must be 0 or more");
    }

    @Test
    void reservedConcurrencyIsStoredAsPutFunctionConcurrencyStoresItAndTheEngineThrottles() {
        ConcurrencyViewModel vm = open("throttled");
        vm.reservedProperty().set("0");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved");
        assertThat(console.services.workspace().read("throttled").reservedConcurrentExecutions()).isZero();
        assertThat(Functions.call(console, "GET", "/2019-09-30/functions/throttled/concurrency", null))
                .isEqualTo("200 {\"ReservedConcurrentExecutions\":0}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Functions.invoke(console, "throttled"))
                .hasMessageContaining("Rate Exceeded");

        vm.reservedProperty().set("");
        vm.save();
        assertThat(console.services.workspace().read("throttled").reservedConcurrentExecutions()).isNull();
        assertThat(Functions.invoke(console, "throttled").functionError()).isNull();
    }

    @Test
    void otherFunctionsReservationsAndOutsideChangesShowUp() {
        ConcurrencyViewModel vm = open("shared");
        int limit = console.services.engine().settings().concurrencyLimit();
        Functions.create(console, "neighbour");
        assertThat(Functions.call(console, "PUT", "/2017-10-31/functions/neighbour/concurrency",
                "{\"ReservedConcurrentExecutions\": 100}")).startsWith("200 ");
        assertThat(vm.unreservedProperty().get()).startsWith("Unreserved concurrency: " + (limit - 100));
        Functions.call(console, "PUT", "/2017-10-31/functions/shared/concurrency", "{\"ReservedConcurrentExecutions\": 7}");
        assertThat(vm.reservedProperty().get()).isEqualTo("7");
    }

    @Test
    void provisionedEnvironmentsAreStartedAheadAndInvocationsSkipInit() {
        ConcurrencyViewModel vm = open("provisioned");
        vm.provisionedProperty().set("1");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved");
        assertThat(console.services.workspace().functionDir("provisioned").resolve("function.json")).content()
                .contains("\"ProvisionedConcurrentExecutions\" : 1");
        await().atMost(Duration.ofSeconds(20)).until(() -> console.services.engine().environments("provisioned")
                .stream().anyMatch(e -> e.provisioned() && e.state() == EnvironmentInfo.State.IDLE));
        InvocationResult result = Functions.invoke(console, "provisioned");
        assertThat(result.coldStart()).as("no Init Duration on a provisioned environment").isFalse();
        assertThat(result.logLines()).anyMatch(l -> l.contains("\"AWS_LAMBDA_INITIALIZATION_TYPE\": \"provisioned-concurrency\""));

        vm.provisionedProperty().set("0");
        vm.save();
        assertThat(console.services.workspace().read("provisioned").provisionedConcurrentExecutions()).isNull();
        assertThat(vm.provisionedProperty().get()).isEmpty();
    }
}
