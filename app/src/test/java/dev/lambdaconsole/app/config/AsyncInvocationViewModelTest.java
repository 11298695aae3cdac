package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.workspace.EventInvokeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncInvocationViewModelTest {
    @TempDir static Path workspace;
    static TestConsole console;

    @BeforeAll
    static void start() { console = new TestConsole(workspace, "process", TaskRunner.synchronous()); }

    @AfterAll
    static void stop() { console.close(); }

    private ConfigurationViewModel open(String name) {
        return Functions.configuration(console, name);
    }

    private static String arn(String name) { return console.services.engine().settings().functionArn(name); }

    @Test
    void showsLambdasDefaultsAndChecksTheAgeAsTyped() {
        AsyncInvocationViewModel vm = open("defaults").async();
        assertThat(vm.retryChoices()).containsExactly(0, 1, 2);
        assertThat(vm.retriesProperty().get()).isEqualTo(2);
        assertThat(vm.maxAgeProperty().get()).isEqualTo("21600");
        assertThat(vm.maxAgeHint().get()).isEqualTo("6 h 0 min");
        assertThat(vm.onSuccessProperty().get()).isEmpty();
        vm.maxAgeProperty().set("59");
        assertThat(vm.maxAgeError().get()).isEqualTo("must be between 60 and 21600 seconds (1 minute to 6 hours)");
        assertThat(vm.maxAgeHint().get()).isEmpty();
        vm.maxAgeProperty().set("21601");
        assertThat(vm.maxAgeError().get()).startsWith("must be between 60 and 21600 seconds");
        vm.maxAgeProperty().set("an hour");
        assertThat(vm.maxAgeError().get()).isEqualTo("must be a whole number");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Not saved: Maximum age of event must be a whole number");
        assertThat(console.services.workspace().functionDir("defaults").resolve("event-invoke-config.json")).doesNotExist();
        vm.maxAgeProperty().set("5430");
        assertThat(vm.maxAgeHint().get()).isEqualTo("1 h 30 min 30 s");
    }

    @Test
    void savedAsPutFunctionEventInvokeConfigSavesItAndTheEndpointReturnsIt() {
        ConfigurationViewModel config = open("queued");
        Functions.create(console, "audit");
        config.async().load();
        AsyncInvocationViewModel vm = config.async();
        assertThat(vm.destinations()).contains("", arn("audit")).doesNotContain(arn("queued"));
        vm.retriesProperty().set(0);
        vm.maxAgeProperty().set("120");
        vm.onFailureProperty().set(arn("audit"));
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved");
        EventInvokeConfig saved = console.services.workspace().eventInvokeConfig("queued");
        assertThat(saved.maximumRetryAttempts()).isZero();
        assertThat(saved.maximumEventAgeInSeconds()).isEqualTo(120);
        assertThat(saved.destinationConfig().onFailure().destination()).isEqualTo(arn("audit"));
        assertThat(saved.destinationConfig().onSuccess()).isNull();
        assertThat(Functions.call(console, "GET", "/2019-09-25/functions/queued/event-invoke-config", null))
                .startsWith("200 ").contains("\"MaximumRetryAttempts\":0", "\"MaximumEventAgeInSeconds\":120",
                        "\"OnFailure\":{\"Destination\":\"" + arn("audit") + "\"}");
        assertThat(AsyncInvocationViewModel.label(arn("audit"))).isEqualTo("Function audit");
        assertThat(AsyncInvocationViewModel.label("")).isEqualTo("None");
    }

    @Test
    void aDestinationSetThroughTheCliIsShownAndKept() {
        AsyncInvocationViewModel vm = open("cli").async();
        String queue = "arn:aws:sqs:us-east-1:000000000000:failures";
        assertThat(Functions.call(console, "PUT", "/2019-09-25/functions/cli/event-invoke-config",
                "{\"MaximumRetryAttempts\": 1, \"DestinationConfig\": {\"OnFailure\": {\"Destination\": \"" + queue
                        + "\"}}}")).startsWith("200 ");
        assertThat(vm.retriesProperty().get()).isEqualTo(1);
        assertThat(vm.onFailureProperty().get()).isEqualTo(queue);
        assertThat(vm.destinations()).contains(queue);
        assertThat(AsyncInvocationViewModel.label(queue)).isEqualTo(queue + " (not delivered locally)");
        vm.maxAgeProperty().set("600");
        vm.save();
        assertThat(console.services.workspace().eventInvokeConfig("cli").destinationConfig().onFailure().destination())
                .isEqualTo(queue);
    }
}
