package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
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
 * SQS queues mapped to a function through a real `serve`, driven by the AWS CLI v1 and v2 as a user would: partial
 * batch failures and the dead-letter queue, filters, FIFO order, disable and enable, and the API's answers.
 */
class SqsMappingCliTest {
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

    static String queueArn(AwsCli cli, String url) throws Exception {
        return cli.call("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn")
                .at("/Attributes/QueueArn").asText();
    }

    static int visibleAndInFlight(AwsCli cli, String url) throws Exception {
        JsonNode a = cli.call("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names",
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible").get("Attributes");
        return a.get("ApproximateNumberOfMessages").asInt() + a.get("ApproximateNumberOfMessagesNotVisible").asInt();
    }

    static List<String> bodies(AwsCli cli, String url) throws Exception {
        JsonNode r = cli.call("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                "--wait-time-seconds", "1");
        List<String> out = new ArrayList<>();
        for (JsonNode m : r.path("Messages")) out.add(m.get("Body").asText());
        return out;
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void partialFailureEndsInTheDeadLetterQueueAndTheRestIsDeleted(int major) throws Exception {
        AwsCli cli = cli(major);
        String fn = "partial" + major;
        Path out = files.resolve(fn + ".jsonl");
        MappingFixture.createFunction(cli, fn, out);
        String dlq = cli.call("sqs", "create-queue", "--queue-name", fn + "-dlq").get("QueueUrl").asText();
        String url = cli.call("sqs", "create-queue", "--queue-name", fn + "-jobs", "--attributes",
                "{\"VisibilityTimeout\":\"3\",\"RedrivePolicy\":\"{\\\"deadLetterTargetArn\\\":\\\"" + queueArn(cli, dlq)
                        + "\\\",\\\"maxReceiveCount\\\":\\\"1\\\"}\"}").get("QueueUrl").asText();
        cli.call("sqs", "send-message-batch", "--queue-url", url, "--entries",
                "[{\"Id\":\"a\",\"MessageBody\":\"ok one\",\"MessageAttributes\":{\"kind\":{\"DataType\":\"String\","
                        + "\"StringValue\":\"job\"}}},{\"Id\":\"b\",\"MessageBody\":\"please fail\"},"
                        + "{\"Id\":\"c\",\"MessageBody\":\"ok two\"}]");

        JsonNode mapping = cli.lambda("create-event-source-mapping", "--function-name", fn, "--event-source-arn",
                queueArn(cli, url), "--batch-size", "10", "--maximum-batching-window-in-seconds", "1",
                "--function-response-types", "ReportBatchItemFailures");
        assertThat(mapping.get("State").asText()).isEqualTo("Creating");
        assertThat(mapping.get("BatchSize").asInt()).isEqualTo(10);
        assertThat(mapping.get("FunctionArn").asText()).endsWith(":function:" + fn);
        assertThat(mapping.get("FunctionResponseTypes").get(0).asText()).isEqualTo("ReportBatchItemFailures");
        String uuid = mapping.get("UUID").asText();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(bodies(cli, dlq)).containsExactly("please fail"));
        assertThat(visibleAndInFlight(cli, url)).isZero();
        List<JsonNode> got = MappingFixture.received(out);
        assertThat(got).extracting(n -> n.get("payload").asText()).containsOnly("ok one", "please fail", "ok two");
        assertThat(got.stream().filter(n -> n.get("payload").asText().startsWith("ok")).count()).isEqualTo(2);
        JsonNode first = got.stream().filter(n -> n.get("payload").asText().equals("ok one")).findFirst().orElseThrow().get("record");
        assertThat(first.get("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(first.get("eventSourceARN").asText()).isEqualTo(queueArn(cli, url));
        assertThat(first.at("/attributes/ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(first.at("/attributes/SentTimestamp").asText()).matches("\\d{13}");
        assertThat(first.at("/messageAttributes/kind/stringValue").asText()).isEqualTo("job");
        assertThat(first.at("/messageAttributes/kind/dataType").asText()).isEqualTo("String");
        assertThat(first.get("md5OfBody").asText()).isEqualTo(md5("ok one"));
        assertThat(cli.lambda("get-event-source-mapping", "--uuid", uuid).get("State").asText()).isEqualTo("Enabled");
    }

    @Test
    void filtersKeepAndDropAndDroppedMessagesAreDeleted() throws Exception {
        AwsCli cli = cli(1);
        Path out = files.resolve("filtered.jsonl");
        MappingFixture.createFunction(cli, "filtered", out);
        String url = cli.call("sqs", "create-queue", "--queue-name", "orders").get("QueueUrl").asText();
        cli.lambda("create-event-source-mapping", "--function-name", "filtered", "--event-source-arn",
                queueArn(cli, url), "--filter-criteria",
                "{\"Filters\":[{\"Pattern\":\"{\\\"body\\\":{\\\"kind\\\":[\\\"keep\\\"]}}\"}]}");
        cli.call("sqs", "send-message", "--queue-url", url, "--message-body", "{\"kind\":\"drop\",\"n\":1}");
        cli.call("sqs", "send-message", "--queue-url", url, "--message-body", "{\"kind\":\"keep\",\"n\":2}");
        cli.call("sqs", "send-message", "--queue-url", url, "--message-body", "not json at all");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(MappingFixture.payloads(out)).containsExactly("{\"kind\":\"keep\",\"n\":2}");
            assertThat(visibleAndInFlight(cli, url)).isZero();
        });
    }

    @Test
    void fifoKeepsTheOrderOfAGroup() throws Exception {
        AwsCli cli = cli(2);
        Path out = files.resolve("fifo.jsonl");
        MappingFixture.createFunction(cli, "fifo", out);
        String url = cli.call("sqs", "create-queue", "--queue-name", "steps.fifo", "--attributes",
                "{\"FifoQueue\":\"true\",\"ContentBasedDeduplication\":\"true\"}").get("QueueUrl").asText();
        String arn = queueArn(cli, url);
        String refused = cli.fails("lambda", "create-event-source-mapping", "--function-name", "fifo",
                "--event-source-arn", arn, "--batch-size", "20", "--maximum-batching-window-in-seconds", "1");
        assertThat(refused).contains("InvalidParameterValueException");
        cli.lambda("create-event-source-mapping", "--function-name", "fifo", "--event-source-arn", arn, "--batch-size", "3");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            cli.call("sqs", "send-message", "--queue-url", url, "--message-body", "step " + i, "--message-group-id", "g1");
            expected.add("step " + i);
        }
        cli.call("sqs", "send-message", "--queue-url", url, "--message-body", "step 1", "--message-group-id", "g1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(MappingFixture.payloads(out)).containsExactlyElementsOf(expected));
        JsonNode rec = MappingFixture.received(out).get(0).get("record");
        assertThat(rec.at("/attributes/MessageGroupId").asText()).isEqualTo("g1");
        assertThat(rec.at("/attributes/SequenceNumber").asText()).isNotEmpty();
    }

    @Test
    void disabledMappingsLeaveMessagesUntilEnabled() throws Exception {
        AwsCli cli = cli(1);
        Path out = files.resolve("toggle.jsonl");
        MappingFixture.createFunction(cli, "toggle", out);
        String url = cli.call("sqs", "create-queue", "--queue-name", "toggle").get("QueueUrl").asText();
        String uuid = cli.lambda("create-event-source-mapping", "--function-name", "toggle", "--event-source-arn",
                queueArn(cli, url), "--no-enabled").get("UUID").asText();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                cli.lambda("get-event-source-mapping", "--uuid", uuid).get("State").asText().equals("Disabled"));
        cli.call("sqs", "send-message", "--queue-url", url, "--message-body", "while disabled");
        Thread.sleep(2500);
        assertThat(MappingFixture.payloads(out)).isEmpty();
        assertThat(visibleAndInFlight(cli, url)).isEqualTo(1);
        JsonNode enabling = cli.lambda("update-event-source-mapping", "--uuid", uuid, "--enabled");
        assertThat(enabling.get("State").asText()).isEqualTo("Enabling");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(MappingFixture.payloads(out)).containsExactly("while disabled"));
        assertThat(cli.lambda("get-event-source-mapping", "--uuid", uuid).get("State").asText()).isEqualTo("Enabled");
        JsonNode disabling = cli.lambda("update-event-source-mapping", "--uuid", uuid, "--no-enabled");
        assertThat(disabling.get("State").asText()).isEqualTo("Disabling");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                cli.lambda("get-event-source-mapping", "--uuid", uuid).get("State").asText().equals("Disabled"));
        JsonNode deleted = cli.lambda("delete-event-source-mapping", "--uuid", uuid);
        assertThat(deleted.get("State").asText()).isEqualTo("Deleting");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(cli.fails("lambda", "get-event-source-mapping", "--uuid", uuid)).contains("ResourceNotFoundException"));
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void theApiAnswersAsLambdaDoes(int major) throws Exception {
        AwsCli cli = cli(major);
        String fn = "api" + major;
        MappingFixture.createFunction(cli, fn, files.resolve(fn + ".jsonl"));
        String url = cli.call("sqs", "create-queue", "--queue-name", fn).get("QueueUrl").asText();
        String arn = queueArn(cli, url);
        String shortVisibility = cli.call("sqs", "create-queue", "--queue-name", fn + "-short", "--attributes",
                "{\"VisibilityTimeout\":\"1\"}").get("QueueUrl").asText();

        assertThat(cli.fails("lambda", "create-event-source-mapping", "--function-name", fn, "--event-source-arn", arn,
                "--batch-size", "11")).contains("InvalidParameterValueException")
                .contains("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        assertThat(cli.fails("lambda", "create-event-source-mapping", "--function-name", "nobody", "--event-source-arn", arn))
                .contains("ResourceNotFoundException").contains("function:nobody");
        assertThat(cli.fails("lambda", "create-event-source-mapping", "--function-name", fn + ":prod", "--event-source-arn", arn))
                .contains("ResourceNotFoundException").contains("function:" + fn + ":prod");
        assertThat(cli.fails("lambda", "create-event-source-mapping", "--function-name", fn, "--event-source-arn", arn,
                "--maximum-retry-attempts", "2")).contains("Unsupported MaximumRetryAttempts parameter");
        assertThat(cli.fails("lambda", "create-event-source-mapping", "--function-name", fn, "--event-source-arn",
                arn.replace(":" + fn, ":missing-queue"))).contains("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(cli.fails("lambda", "create-event-source-mapping", "--function-name", fn, "--event-source-arn",
                queueArn(cli, shortVisibility))).contains("Queue visibility timeout: 1 seconds is less than Function timeout: 3 seconds");
        assertThat(cli.fails("lambda", "create-event-source-mapping", "--function-name", fn, "--event-source-arn", arn,
                "--filter-criteria", "{\"Filters\":[{\"Pattern\":\"{\\\"body\\\":\\\"not a list\\\"}\"}]}"))
                .contains("Invalid filter pattern definition.");

        String uuid = cli.lambda("create-event-source-mapping", "--function-name", fn, "--event-source-arn", arn,
                "--no-enabled").get("UUID").asText();
        assertThat(cli.fails("lambda", "create-event-source-mapping", "--function-name", fn, "--event-source-arn", arn))
                .contains("ResourceConflictException").contains(uuid);
        assertThat(cli.lambda("list-event-source-mappings", "--function-name", fn).get("EventSourceMappings"))
                .extracting(n -> n.get("UUID").asText()).containsExactly(uuid);
        assertThat(cli.lambda("list-event-source-mappings", "--event-source-arn", arn).get("EventSourceMappings"))
                .extracting(n -> n.get("UUID").asText()).containsExactly(uuid);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                cli.lambda("get-event-source-mapping", "--uuid", uuid).get("State").asText().equals("Disabled"));
        JsonNode updated = cli.lambda("update-event-source-mapping", "--uuid", uuid, "--batch-size", "5");
        assertThat(updated.get("BatchSize").asInt()).isEqualTo(5);
        assertThat(updated.get("State").asText()).isEqualTo("Updating");
        assertThat(cli.fails("lambda", "get-event-source-mapping", "--uuid", "0f0f0f0f-0000-0000-0000-000000000000"))
                .contains("ResourceNotFoundException");
        JsonNode stored = dev.lambdaconsole.runtime.util.Json.MAPPER.readTree(
                workspace.resolve("event-source-mappings").resolve(uuid + ".json").toFile());
        assertThat(stored.get("BatchSize").asInt()).isEqualTo(5);
    }

    static String md5(String s) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d);
    }
}
