package dev.lambdaconsole.simulators.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queues (attributes, redrive policy, FIFO) and unreceived messages survive a restart of `serve` on the same
 * workspace, whether it was stopped (SIGTERM) or killed (SIGKILL, no shutdown hook).
 */
class SqsRestartTest {
    @TempDir Path files;

    @ParameterizedTest(name = "AWS CLI v{0}, {1}")
    @CsvSource({"1, kill", "2, kill", "2, stop"})
    void queuesAndMessagesSurviveARestart(int major, String how) throws Exception {
        Path workspace = Files.createDirectories(files.resolve("workspace"));
        ServeProcess first = new ServeProcess(workspace);
        String dlqArn;
        try {
            AwsCli cli = AwsCli.version(major, files).endpoint(first.url());
            String dlq = SqsCliTest.create(cli, "kept-dlq", null);
            dlqArn = cli.call("sqs", "get-queue-attributes", "--queue-url", dlq, "--attribute-names", "QueueArn")
                    .at("/Attributes/QueueArn").asText();
            String work = SqsCliTest.create(cli, "kept-work", "{\"VisibilityTimeout\":\"40\",\"RedrivePolicy\":"
                    + "\"{\\\"deadLetterTargetArn\\\":\\\"" + dlqArn + "\\\",\\\"maxReceiveCount\\\":\\\"3\\\"}\"}");
            String fifo = SqsCliTest.create(cli, "kept.fifo", "{\"FifoQueue\":\"true\"}");
            cli.call("sqs", "send-message", "--queue-url", work, "--message-body", "one", "--message-attributes",
                    "{\"color\":{\"DataType\":\"String\",\"StringValue\":\"red\"}}");
            cli.call("sqs", "send-message", "--queue-url", work, "--message-body", "two");
            for (String body : List.of("f1", "f2", "f3")) SqsCliTest.send(cli, fifo, body, "g", "d-" + body);
        } finally {
            if (how.equals("stop")) {
                first.process.destroy();
                assertThat(first.process.waitFor(60, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
            } else {
                first.close();
                first.process.waitFor(30, TimeUnit.SECONDS);
            }
        }

        ServeProcess second = new ServeProcess(workspace);
        try {
            AwsCli cli = AwsCli.version(major, files).endpoint(second.url());
            String base = second.url() + "/000000000000/";
            assertThat(cli.call("sqs", "list-queues").path("QueueUrls")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder(base + "kept-dlq", base + "kept-work", base + "kept.fifo");
            String work = base + "kept-work";
            assertThat(SqsCliTest.attribute(cli, work, "VisibilityTimeout")).isEqualTo("40");
            assertThat(SqsCliTest.attribute(cli, work, "RedrivePolicy")).contains(dlqArn).contains("3");
            assertThat(SqsCliTest.attribute(cli, base + "kept.fifo", "FifoQueue")).isEqualTo("true");

            JsonNode messages = SqsCliTest.receive(cli, work, "--wait-time-seconds", "5");
            List<JsonNode> all = new ArrayList<>();
            messages.forEach(all::add);
            if (all.size() < 2) SqsCliTest.receive(cli, work, "--wait-time-seconds", "5").forEach(all::add);
            assertThat(all).extracting(m -> m.get("Body").asText()).containsExactlyInAnyOrder("one", "two");
            assertThat(all).filteredOn(m -> m.get("Body").asText().equals("one")).singleElement()
                    .satisfies(m -> assertThat(m.at("/MessageAttributes/color/StringValue").asText()).isEqualTo("red"));

            List<String> fifo = new ArrayList<>();
            for (int i = 0; i < 5 && fifo.size() < 3; i++) {
                for (JsonNode m : SqsCliTest.receive(cli, base + "kept.fifo", "--wait-time-seconds", "1")) {
                    fifo.add(m.get("Body").asText());
                    cli.call("sqs", "delete-message", "--queue-url", base + "kept.fifo", "--receipt-handle",
                            m.get("ReceiptHandle").asText());
                }
            }
            assertThat(fifo).containsExactly("f1", "f2", "f3");
        } finally {
            second.close();
        }
        assertThat(workspace.resolve(".lambda-console/services/" + SqsService.DATABASE)).isRegularFile();
    }
}
