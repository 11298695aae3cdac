package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Kinesis stream mapped to a function through a real `serve` with the AWS CLI: records arrive base64 in order;
 * a failing batch is bisected and retried, the on-failure record lands in an SQS queue and the shard moves on;
 * ReportBatchItemFailures restarts at the reported record; after a restart the mapping resumes at its checkpoint.
 */
class KinesisMappingCliTest {
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

    static String createStream(AwsCli cli, String name) throws Exception {
        cli.call("kinesis", "create-stream", "--stream-name", name, "--shard-count", "1");
        await().atMost(Duration.ofSeconds(10)).until(() -> cli.call("kinesis", "describe-stream-summary",
                "--stream-name", name).at("/StreamDescriptionSummary/StreamStatus").asText().equals("ACTIVE"));
        return cli.call("kinesis", "describe-stream-summary", "--stream-name", name)
                .at("/StreamDescriptionSummary/StreamARN").asText();
    }

    /** Puts records in one call (raw text data; the CLI base64-encodes it). */
    static List<String> put(AwsCli cli, String stream, String... data) throws Exception {
        StringBuilder records = new StringBuilder("[");
        for (int i = 0; i < data.length; i++) {
            if (i > 0) records.append(',');
            records.append("{\"Data\":").append(Json.write(data[i])).append(",\"PartitionKey\":\"k\"}");
        }
        records.append(']');
        List<String> args = new ArrayList<>(List.of("put-records", "--stream-name", stream, "--records", records.toString()));
        if (cli.isV2()) args.addAll(List.of("--cli-binary-format", "raw-in-base64-out"));
        JsonNode r = cli.call("kinesis", args.toArray(String[]::new));
        assertThat(r.get("FailedRecordCount").asInt()).isZero();
        List<String> seqs = new ArrayList<>();
        for (JsonNode e : r.get("Records")) seqs.add(e.get("SequenceNumber").asText());
        return seqs;
    }

    @Test
    void aFailingBatchIsBisectedRetriedAndSentToTheOnFailureQueue() throws Exception {
        AwsCli cli = cli(2);
        Path out = files.resolve("bisect.jsonl");
        MappingFixture.createFunction(cli, "bisect", out);
        String arn = createStream(cli, "clicks");
        String failures = cli.call("sqs", "create-queue", "--queue-name", "clicks-failures").get("QueueUrl").asText();
        String failuresArn = cli.call("sqs", "get-queue-attributes", "--queue-url", failures, "--attribute-names",
                "QueueArn").at("/Attributes/QueueArn").asText();
        List<String> seqs = put(cli, "clicks", "r1", "r2", "r3 crash", "r4");

        JsonNode mapping = cli.lambda("create-event-source-mapping", "--function-name", "bisect", "--event-source-arn",
                arn, "--starting-position", "TRIM_HORIZON", "--batch-size", "10", "--bisect-batch-on-function-error",
                "--maximum-retry-attempts", "1", "--destination-config",
                "{\"OnFailure\":{\"Destination\":\"" + failuresArn + "\"}}");
        assertThat(mapping.get("State").asText()).isEqualTo("Creating");
        assertThat(mapping.get("StartingPosition").asText()).isEqualTo("TRIM_HORIZON");
        assertThat(mapping.get("ParallelizationFactor").asInt()).isEqualTo(1);
        assertThat(mapping.get("MaximumRecordAgeInSeconds").asInt()).isEqualTo(-1);
        assertThat(mapping.get("LastProcessingResult").asText()).isEqualTo("No records processed");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(MappingFixture.payloads(out))
                .containsExactly("r1", "r2", "r3 crash", "r4", "r1", "r2", "r3 crash", "r4", "r3 crash", "r3 crash", "r4"));
        JsonNode first = MappingFixture.received(out).get(0).get("record");
        assertThat(first.get("eventSource").asText()).isEqualTo("aws:kinesis");
        assertThat(first.get("eventName").asText()).isEqualTo("aws:kinesis:record");
        assertThat(first.get("eventSourceARN").asText()).isEqualTo(arn);
        assertThat(first.at("/kinesis/data").asText()).isEqualTo("cjE="); // "r1" in base64
        assertThat(first.at("/kinesis/partitionKey").asText()).isEqualTo("k");
        assertThat(first.at("/kinesis/sequenceNumber").asText()).isEqualTo(seqs.get(0));
        assertThat(first.at("/kinesis/approximateArrivalTimestamp").isNumber()).isTrue();
        assertThat(first.get("eventID").asText()).endsWith(":" + seqs.get(0)).startsWith("shardId-");

        JsonNode message = await().atMost(Duration.ofSeconds(10)).until(() -> cli.call("sqs", "receive-message",
                "--queue-url", failures, "--wait-time-seconds", "1").path("Messages"), m -> m.size() == 1).get(0);
        JsonNode record = Json.MAPPER.readTree(message.get("Body").asText());
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(record.at("/requestContext/functionArn").asText()).endsWith(":function:bisect");
        assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.at("/KinesisBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(record.at("/KinesisBatchInfo/startSequenceNumber").asText()).isEqualTo(seqs.get(2));
        assertThat(record.at("/KinesisBatchInfo/endSequenceNumber").asText()).isEqualTo(seqs.get(2));
        assertThat(record.at("/KinesisBatchInfo/streamArn").asText()).isEqualTo(arn);
        assertThat(record.get("version").asText()).isEqualTo("1.0");

        put(cli, "clicks", "r5");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(MappingFixture.payloads(out)).endsWith("r4", "r5"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(cli.lambda("get-event-source-mapping",
                "--uuid", mapping.get("UUID").asText()).get("LastProcessingResult").asText()).isEqualTo("OK"));

        // every batch handed to the function counts in CloudWatch's IteratorAge (the age of its last record)
        String from = java.time.Instant.now().minus(Duration.ofHours(1)).toString();
        String to = java.time.Instant.now().plus(Duration.ofMinutes(5)).toString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode age = cli.call("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name",
                    "IteratorAge", "--dimensions", "Name=FunctionName,Value=bisect", "--start-time", from, "--end-time", to,
                    "--period", "3600", "--statistics", "SampleCount", "Maximum");
            assertThat(age.at("/Datapoints/0/SampleCount").asDouble()).as("batches invoked").isGreaterThanOrEqualTo(6);
            assertThat(age.at("/Datapoints/0/Maximum").asDouble()).isNotNegative();
            assertThat(age.at("/Datapoints/0/Unit").asText()).isEqualTo("Milliseconds");
        });
    }

    @Test
    void reportedItemFailuresRestartAtTheLowestAndARestartResumesAtTheCheckpoint() throws Exception {
        AwsCli cli = cli(1);
        Path out = files.resolve("partial.jsonl");
        MappingFixture.createFunction(cli, "partial", out);
        String arn = createStream(cli, "orders");
        put(cli, "orders", "a", "b fail once", "c");
        cli.lambda("create-event-source-mapping", "--function-name", "partial", "--event-source-arn", arn,
                "--starting-position", "TRIM_HORIZON", "--function-response-types", "ReportBatchItemFailures",
                "--maximum-retry-attempts", "1");
        // b fails and is retried once from b (b, c); with no retry left the second failure is discarded
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(MappingFixture.payloads(out))
                .containsExactly("a", "b fail once", "c", "b fail once", "c"));

        serve.close();
        serve.process.waitFor();
        serve = new ServeProcess(workspace);
        AwsCli again = cli(1);
        put(again, "orders", "after restart");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(MappingFixture.payloads(out))
                .containsExactly("a", "b fail once", "c", "b fail once", "c", "after restart"));
        JsonNode list = again.lambda("list-event-source-mappings", "--function-name", "partial");
        assertThat(list.at("/EventSourceMappings/0/State").asText()).isEqualTo("Enabled");
    }

    @Test
    void latestSkipsWhatIsAlreadyThere() throws Exception {
        AwsCli cli = cli(2);
        Path out = files.resolve("latest.jsonl");
        MappingFixture.createFunction(cli, "latest", out);
        String arn = createStream(cli, "metrics");
        put(cli, "metrics", "old");
        cli.lambda("create-event-source-mapping", "--function-name", "latest", "--event-source-arn", arn,
                "--starting-position", "LATEST", "--batch-size", "5");
        put(cli, "metrics", "new");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(MappingFixture.payloads(out)).containsExactly("new"));
        assertThat(cli.fails("lambda", "create-event-source-mapping", "--function-name", "latest", "--event-source-arn",
                arn.replace("metrics", "nothing"), "--starting-position", "LATEST")).contains("Stream not found");
        assertThat(cli.fails("lambda", "create-event-source-mapping", "--function-name", "bisect-missing",
                "--event-source-arn", arn, "--starting-position", "LATEST")).contains("ResourceNotFoundException");
    }

    @Test
    void tumblingWindowsCarryStateAndEndWithAFinalInvocation() throws Exception {
        AwsCli cli = cli(1);
        Path out = files.resolve("window.jsonl");
        MappingFixture.createFunction(cli, "window", out);
        String arn = createStream(cli, "readings");
        put(cli, "readings", "w1", "w2", "w3");
        cli.lambda("create-event-source-mapping", "--function-name", "window", "--event-source-arn", arn,
                "--starting-position", "TRIM_HORIZON", "--batch-size", "2", "--tumbling-window-in-seconds", "2");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(MappingFixture.received(out))
                .anyMatch(n -> n.path("final").asBoolean(false)));
        List<JsonNode> windows = MappingFixture.received(out).stream().filter(n -> n.has("window")).toList();
        JsonNode last = windows.stream().filter(n -> n.get("final").asBoolean()).findFirst().orElseThrow();
        assertThat(last.at("/state/count").asInt()).isEqualTo(3);
        assertThat(java.time.Duration.between(java.time.Instant.parse(last.at("/window/start").asText()),
                java.time.Instant.parse(last.at("/window/end").asText()))).isEqualTo(Duration.ofSeconds(2));
        assertThat(windows.stream().filter(n -> !n.get("final").asBoolean()).map(n -> n.at("/state/count").asInt()).toList())
                .containsExactly(2, 3);
        assertThat(MappingFixture.payloads(out)).containsExactly("w1", "w2", "w3");
    }
}
