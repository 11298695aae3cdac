package dev.lambdaconsole.app.triggers;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.simulators.triggers.Destination;
import dev.lambdaconsole.simulators.triggers.TriggerKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Configuration → Triggers and the overview's model on a real engine, sources made with the AWS CLI. */
class TriggersViewModelTest {
    @TempDir Path workspace;
    @TempDir Path files;
    TestConsole console;
    Aws aws;

    @BeforeEach
    void start() {
        console = new TestConsole(workspace, "process", TaskRunner.synchronous());
        aws = new Aws(console);
        Aws.function(console, "orders");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    String arn(String function) { return console.services.engine().settings().functionArn(function); }

    TriggersViewModel triggers() {
        return new TriggersViewModel("orders", console.simulators.triggers(), console.tasks, ZoneOffset.UTC);
    }

    @Test
    void listsTheTriggersWithStateAndDisablesAndDeletesThem() throws Exception {
        String queue = aws.queue("jobs");
        aws.call("lambda", "create-event-source-mapping", "--function-name", "orders", "--event-source-arn", queue,
                "--batch-size", "5");
        aws.bucketNotifying(files, "uploads", arn("orders"));
        TriggersViewModel vm = triggers();
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.trigger().kind()).containsExactly(TriggerKind.SQS, TriggerKind.S3);
        TriggerRow sqs = vm.rows().get(0);
        assertThat(sqs.source()).isEqualTo("SQS");
        assertThat(sqs.trigger().name()).isEqualTo("jobs");
        assertThat(sqs.trigger().details()).isEqualTo("Batch size: 5");
        assertThat(sqs.lastResult()).isEqualTo("—");
        TriggerRow s3 = vm.rows().get(1);
        assertThat(s3.state()).isEqualTo("—");
        assertThat(TriggersViewModel.deleteQuestion(s3)).isEqualTo("Delete the S3 trigger uploads of orders? "
                + "The bucket uploads keeps its other notifications.");

        vm.select(sqs.trigger().id());
        assertThat(vm.selectedProperty().get()).isEqualTo(sqs);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            vm.refresh();
            return "Enabled".equals(vm.rows().get(0).state());
        });
        vm.setEnabled(vm.rows().get(0), false);
        assertThat(vm.messageProperty().get()).isEqualTo("Disabled jobs");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            vm.refresh();
            return "Disabled".equals(vm.rows().get(0).state());
        });
        assertThat(vm.selectedProperty().get().trigger().id()).isEqualTo(sqs.trigger().id());

        vm.delete(vm.rows().get(1));
        assertThat(vm.messageProperty().get()).isEqualTo("Deleted the S3 trigger uploads");
        assertThat(vm.rows()).extracting(r -> r.trigger().kind()).containsExactly(TriggerKind.SQS);
        assertThat(aws.call("s3api", "get-bucket-notification-configuration", "--bucket", "uploads")
                .path("LambdaFunctionConfigurations")).isEmpty();
    }

    @Test
    void aServiceErrorIsShownAsTheServiceWordsIt() throws Exception {
        aws.call("sns", "create-topic", "--name", "alerts");
        String topic = "arn:aws:sns:us-east-1:" + console.services.engine().settings().accountId() + ":alerts";
        aws.call("sns", "subscribe", "--topic-arn", topic, "--protocol", "lambda", "--notification-endpoint", arn("orders"));
        TriggersViewModel vm = triggers();
        vm.refresh();
        TriggerRow row = vm.rows().get(0);
        aws.call("sns", "unsubscribe", "--subscription-arn", row.trigger().id().substring("sns|".length()));
        vm.delete(row);
        assertThat(vm.messageProperty().get()).isEqualTo("Subscription does not exist");
        assertThat(vm.rows()).hasSize(1); // not reloaded after a failure: the list says what it knew
    }

    @Test
    void theOverviewShowsLayersDestinationsAndFollowsTheCli() throws Exception {
        String failures = aws.queue("failed");
        aws.call("lambda", "put-function-event-invoke-config", "--function-name", "orders", "--destination-config",
                "{\"OnFailure\":{\"Destination\":\"" + failures + "\"}}");
        FunctionOverviewViewModel vm = new FunctionOverviewViewModel("orders", console.simulators.triggers(),
                console.services.workspace(), console.tasks);
        vm.refresh();
        assertThat(vm.layersProperty().get()).isEqualTo("Layers (0)");
        assertThat(vm.triggers()).isEmpty();
        assertThat(vm.destinations()).extracting(FunctionOverviewViewModel::label).containsExactly("On failure: failed");
        assertThat(vm.destinations().get(0).kind()).isEqualTo(Destination.Kind.SQS);

        vm.start();
        String queue = aws.queue("jobs");
        aws.call("lambda", "create-event-source-mapping", "--function-name", "orders", "--event-source-arn", queue);
        await().atMost(Duration.ofSeconds(10)).until(() -> vm.triggers().size() == 1);
        assertThat(vm.triggers().get(0).name()).isEqualTo("jobs");
        vm.close();
    }
}
