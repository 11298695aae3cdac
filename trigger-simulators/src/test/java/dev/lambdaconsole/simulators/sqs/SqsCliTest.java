package dev.lambdaconsole.simulators.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SQS on the shared endpoint of a real `serve`, through the AWS CLI v1 (JSON protocol) and Debian's v2.9 (query
 * protocol): queues, attributes, delays, long polls, visibility, redrive to a DLQ, purge, batches, FIFO, errors.
 */
class SqsCliTest {
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
        serve.url();
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    static AwsCli cli(int major) throws Exception {
        return AwsCli.version(major, files).endpoint(serve.url());
    }

    static String create(AwsCli cli, String name, String attributesJson) throws Exception {
        List<String> args = new ArrayList<>(List.of("create-queue", "--queue-name", name));
        if (attributesJson != null) args.addAll(List.of("--attributes", attributesJson));
        return cli.call("sqs", args.toArray(String[]::new)).get("QueueUrl").asText();
    }

    static JsonNode receive(AwsCli cli, String url, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("receive-message", "--queue-url", url, "--attribute-names", "All",
                "--message-attribute-names", "All", "--max-number-of-messages", "10"));
        args.addAll(List.of(extra));
        return cli.call("sqs", args.toArray(String[]::new)).path("Messages");
    }

    static String attribute(AwsCli cli, String url, String name) throws Exception {
        return cli.call("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All")
                .path("Attributes").path(name).asText();
    }

    @Test
    void serveListsSqsAndKeepsElasticMqQuiet() throws Exception {
        assertThat(serve.output).anyMatch(line -> line.startsWith("Services on this endpoint:") && line.contains("sqs"));
        assertThat(serve.output).noneMatch(line -> line.contains("elasticmq") || line.contains("pekko")
                || line.contains("Started SQS rest server"));
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void queueUrlsPointAtTheEndpointAndArnsAtTheConsolesRegion(int major) throws Exception {
        AwsCli cli = cli(major);
        String url = create(cli, "plain-v" + major, "{\"VisibilityTimeout\":\"45\"}");
        assertThat(url).isEqualTo(serve.url() + "/000000000000/plain-v" + major);
        assertThat(attribute(cli, url, "QueueArn")).isEqualTo("arn:aws:sqs:us-east-1:000000000000:plain-v" + major);
        assertThat(attribute(cli, url, "VisibilityTimeout")).isEqualTo("45");
        assertThat(cli.call("sqs", "get-queue-url", "--queue-name", "plain-v" + major).get("QueueUrl").asText())
                .isEqualTo(url);
        assertThat(cli.call("sqs", "list-queues").path("QueueUrls")).extracting(JsonNode::asText).contains(url);
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void delayedMessageWithAttributesArrivesInALongPollAndComesBackAfterItsVisibilityTimeout(int major) throws Exception {
        AwsCli cli = cli(major);
        String url = create(cli, "delays-v" + major, null);
        cli.call("sqs", "send-message", "--queue-url", url, "--message-body", "hello", "--delay-seconds", "2",
                "--message-attributes", "{\"color\":{\"DataType\":\"String\",\"StringValue\":\"blue\"},"
                        + "\"size\":{\"DataType\":\"Number\",\"StringValue\":\"3\"}}");
        assertThat(receive(cli, url)).as("delayed: nothing yet").isEmpty();
        long started = System.nanoTime();
        JsonNode messages = receive(cli, url, "--wait-time-seconds", "10", "--visibility-timeout", "2");
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(messages).hasSize(1);
        assertThat(waitedMs).as("the long poll waited for the delay").isGreaterThan(500);
        JsonNode message = messages.get(0);
        assertThat(message.get("Body").asText()).isEqualTo("hello");
        assertThat(message.at("/MessageAttributes/color/StringValue").asText()).isEqualTo("blue");
        assertThat(message.at("/MessageAttributes/size/DataType").asText()).isEqualTo("Number");
        assertThat(message.get("MD5OfMessageAttributes").asText()).hasSize(32);
        assertThat(message.at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("1");

        assertThat(receive(cli, url)).as("hidden for its visibility timeout").isEmpty();
        JsonNode again = receive(cli, url, "--wait-time-seconds", "10");
        assertThat(again).hasSize(1);
        assertThat(again.get(0).get("MessageId").asText()).isEqualTo(message.get("MessageId").asText());
        assertThat(again.get(0).at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("2");
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void redrivePolicyMovesAMessageToTheDeadLetterQueueAfterMaxReceiveCount(int major) throws Exception {
        AwsCli cli = cli(major);
        String dlq = create(cli, "dead-v" + major, null);
        String dlqArn = attribute(cli, dlq, "QueueArn");
        String source = create(cli, "work-v" + major, Json.MAPPER.writeValueAsString(Json.object().put("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}")));
        assertThat(attribute(cli, source, "RedrivePolicy")).contains(dlqArn).contains("2");
        cli.call("sqs", "send-message", "--queue-url", source, "--message-body", "poison");
        for (int receives = 1; receives <= 2; receives++) {
            JsonNode got = receive(cli, source, "--wait-time-seconds", "5", "--visibility-timeout", "1");
            assertThat(got).as("receive " + receives).hasSize(1);
            Thread.sleep(1200);
        }
        assertThat(receive(cli, source, "--wait-time-seconds", "2")).as("moved away after 2 receives").isEmpty();
        JsonNode dead = receive(cli, dlq, "--wait-time-seconds", "5");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).get("Body").asText()).isEqualTo("poison");
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void batchesAndPurge(int major) throws Exception {
        AwsCli cli = cli(major);
        String url = create(cli, "batch-v" + major, null);
        JsonNode sent = cli.call("sqs", "send-message-batch", "--queue-url", url, "--entries",
                "[{\"Id\":\"a\",\"MessageBody\":\"1\"},{\"Id\":\"b\",\"MessageBody\":\"2\"},"
                        + "{\"Id\":\"c\",\"MessageBody\":\"3\",\"DelaySeconds\":0}]");
        assertThat(sent.path("Successful")).extracting(n -> n.get("Id").asText()).containsExactlyInAnyOrder("a", "b", "c");
        List<JsonNode> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            receive(cli, url, "--wait-time-seconds", "1").forEach(received::add);
            return received.size() >= 3;
        });
        assertThat(received).extracting(m -> m.get("Body").asText()).containsExactlyInAnyOrder("1", "2", "3");
        var entries = Json.MAPPER.createArrayNode();
        for (int i = 0; i < received.size(); i++) {
            entries.addObject().put("Id", "e" + i).put("ReceiptHandle", received.get(i).get("ReceiptHandle").asText());
        }
        JsonNode deleted = cli.call("sqs", "delete-message-batch", "--queue-url", url, "--entries", entries.toString());
        assertThat(deleted.path("Successful")).hasSize(3);
        assertThat(attribute(cli, url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("0");

        cli.call("sqs", "send-message", "--queue-url", url, "--message-body", "x");
        cli.call("sqs", "send-message", "--queue-url", url, "--message-body", "y");
        assertThat(attribute(cli, url, "ApproximateNumberOfMessages")).isEqualTo("2");
        cli.call("sqs", "purge-queue", "--queue-url", url);
        assertThat(attribute(cli, url, "ApproximateNumberOfMessages")).isEqualTo("0");
        assertThat(receive(cli, url, "--wait-time-seconds", "1")).isEmpty();
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void fifoDeduplicatesAndKeepsEachGroupsOrder(int major) throws Exception {
        AwsCli cli = cli(major);
        String url = create(cli, "orders-v" + major + ".fifo", "{\"FifoQueue\":\"true\"}");
        assertThat(attribute(cli, url, "FifoQueue")).isEqualTo("true");
        String first = send(cli, url, "a1", "A", "d1");
        assertThat(send(cli, url, "a1 again", "A", "d1")).as("deduplicated").isEqualTo(first);
        send(cli, url, "b1", "B", "d2");
        send(cli, url, "a2", "A", "d3");
        send(cli, url, "b2", "B", "d4");
        send(cli, url, "a3", "A", "d5");
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode m : receive(cli, url, "--wait-time-seconds", "1")) {
                (m.at("/Attributes/MessageGroupId").asText().equals("A") ? a : b).add(m.get("Body").asText());
                cli.call("sqs", "delete-message", "--queue-url", url, "--receipt-handle", m.get("ReceiptHandle").asText());
            }
            return a.size() + b.size() >= 5;
        });
        assertThat(a).containsExactly("a1", "a2", "a3");
        assertThat(b).containsExactly("b1", "b2");
        assertThat(receive(cli, url, "--wait-time-seconds", "1")).as("the duplicate was dropped").isEmpty();
    }

    static String send(AwsCli cli, String url, String body, String group, String dedup) throws Exception {
        return cli.call("sqs", "send-message", "--queue-url", url, "--message-body", body, "--message-group-id", group,
                "--message-deduplication-id", dedup).get("MessageId").asText();
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void aMissingQueueIsSqsNonExistentQueueError(int major) throws Exception {
        AwsCli cli = cli(major);
        assertThat(cli.fails("sqs", "get-queue-url", "--queue-name", "nowhere"))
                .contains("AWS.SimpleQueueService.NonExistentQueue").contains("The specified queue does not exist");
        assertThat(cli.fails("sqs", "send-message", "--queue-url", serve.url() + "/000000000000/nowhere",
                "--message-body", "x")).contains("AWS.SimpleQueueService.NonExistentQueue");
    }
}
