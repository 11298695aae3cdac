package dev.lambdaconsole.simulators.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import dev.lambdaconsole.simulators.streams.ShardIterators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Kinesis on the shared endpoint of a real `serve`, through the AWS CLI v1 and v2 (JSON 1.1). */
class KinesisCliTest {
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    static AwsCli cli(int major) throws Exception {
        return AwsCli.version(major, files).endpoint(serve.url());
    }

    /** The CLI's blob arguments as raw text (v2 reads them as base64 unless told). */
    static String[] raw(AwsCli cli, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (cli.isV2()) all.addAll(List.of("--cli-binary-format", "raw-in-base64-out"));
        return all.toArray(String[]::new);
    }

    static String text(JsonNode record) {
        return new String(Base64.getDecoder().decode(record.get("Data").asText()), StandardCharsets.UTF_8);
    }

    static List<String> texts(JsonNode records) {
        List<String> out = new ArrayList<>();
        records.get("Records").forEach(r -> out.add(text(r)));
        return out;
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void createDescribeListAndRetention(int major) throws Exception {
        AwsCli cli = cli(major);
        String name = "orders-v" + major;
        assertThat(cli.call("kinesis", "create-stream", "--stream-name", name, "--shard-count", "2").size()).isZero();
        JsonNode d = cli.call("kinesis", "describe-stream", "--stream-name", name).get("StreamDescription");
        assertThat(d.get("StreamStatus").asText()).isEqualTo("ACTIVE");
        assertThat(d.get("StreamARN").asText()).isEqualTo("arn:aws:kinesis:us-east-1:000000000000:stream/" + name);
        assertThat(d.get("RetentionPeriodHours").asInt()).isEqualTo(24);
        assertThat(d.get("Shards")).hasSize(2);
        assertThat(d.get("Shards").get(1).get("HashKeyRange").get("StartingHashKey").asText())
                .isEqualTo("170141183460469231731687303715884105728");
        assertThat(d.get("Shards").get(1).get("HashKeyRange").get("EndingHashKey").asText())
                .isEqualTo("340282366920938463463374607431768211455");
        JsonNode summary = cli.call("kinesis", "describe-stream-summary", "--stream-arn", d.get("StreamARN").asText())
                .get("StreamDescriptionSummary");
        assertThat(summary.get("OpenShardCount").asInt()).isEqualTo(2);
        assertThat(summary.get("StreamModeDetails").get("StreamMode").asText()).isEqualTo("PROVISIONED");
        JsonNode list = cli.call("kinesis", "list-streams");
        assertThat(list.get("StreamNames").toString()).contains(name);
        assertThat(list.get("StreamSummaries").toString()).contains(d.get("StreamARN").asText());
        JsonNode shards = cli.call("kinesis", "list-shards", "--stream-name", name);
        assertThat(shards.get("Shards")).hasSize(2);

        cli.call("kinesis", "create-stream", "--stream-name", name + "-od", "--stream-mode-details", "StreamMode=ON_DEMAND");
        assertThat(cli.call("kinesis", "describe-stream", "--stream-name", name + "-od").get("StreamDescription")
                .get("Shards")).hasSize(4);

        cli.call("kinesis", "increase-stream-retention-period", "--stream-name", name, "--retention-period-hours", "48");
        assertThat(cli.call("kinesis", "describe-stream-summary", "--stream-name", name).get("StreamDescriptionSummary")
                .get("RetentionPeriodHours").asInt()).isEqualTo(48);
        assertThat(cli.fails("kinesis", "decrease-stream-retention-period", "--stream-name", name,
                "--retention-period-hours", "12")).contains("InvalidArgumentException")
                .contains("Minimum allowed retention period is 24 hours");
        cli.call("kinesis", "decrease-stream-retention-period", "--stream-name", name, "--retention-period-hours", "24");

        assertThat(cli.fails("kinesis", "create-stream", "--stream-name", name, "--shard-count", "1"))
                .contains("ResourceInUseException").contains("Stream " + name + " under account 000000000000 already exists.");
        assertThat(cli.fails("kinesis", "describe-stream", "--stream-name", "nope"))
                .contains("ResourceNotFoundException").contains("Stream nope under account 000000000000 not found.");
        cli.call("kinesis", "delete-stream", "--stream-name", name + "-od");
        assertThat(cli.fails("kinesis", "describe-stream-summary", "--stream-name", name + "-od"))
                .contains("ResourceNotFoundException");
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void putAndReadWithEveryIteratorType(int major) throws Exception {
        AwsCli cli = cli(major);
        String name = "clicks-v" + major;
        cli.call("kinesis", "create-stream", "--stream-name", name, "--shard-count", "1");
        String shard = "shardId-000000000000";
        JsonNode latest = cli.call("kinesis", "get-shard-iterator", "--stream-name", name, "--shard-id", shard,
                "--shard-iterator-type", "LATEST");
        JsonNode first = cli.call("kinesis", raw(cli, "put-record", "--stream-name", name, "--partition-key", "user-1",
                "--data", "héllo one"));
        assertThat(first.get("ShardId").asText()).isEqualTo(shard);
        String seq1 = first.get("SequenceNumber").asText();
        Thread.sleep(1100);
        Instant between = Instant.now();
        Thread.sleep(1100);
        assertThat(seq1).hasSize(56).containsOnlyDigits();
        JsonNode batch = cli.call("kinesis", raw(cli, "put-records", "--stream-name", name, "--records",
                "[{\"Data\":\"two\",\"PartitionKey\":\"user-2\"},{\"Data\":\"three\",\"PartitionKey\":\"user-3\","
                        + "\"ExplicitHashKey\":\"7\"}]"));
        assertThat(batch.get("FailedRecordCount").asInt()).isZero();
        assertThat(batch.get("Records")).hasSize(2);
        String seq2 = batch.get("Records").get(0).get("SequenceNumber").asText();
        String seq3 = batch.get("Records").get(1).get("SequenceNumber").asText();
        assertThat(seq2).isGreaterThan(seq1);
        assertThat(seq3).isGreaterThan(seq2);

        JsonNode all = records(cli, name, shard, "TRIM_HORIZON");
        assertThat(texts(all)).containsExactly("héllo one", "two", "three");
        assertThat(all.get("Records").get(0).get("PartitionKey").asText()).isEqualTo("user-1");
        assertThat(all.get("Records").get(0).get("SequenceNumber").asText()).isEqualTo(seq1);
        assertThat(all.get("MillisBehindLatest").asLong()).isZero();
        assertThat(all.get("NextShardIterator").asText()).isNotEmpty();

        JsonNode fromLatest = cli.call("kinesis", "get-records", "--shard-iterator", latest.get("ShardIterator").asText());
        assertThat(texts(fromLatest)).as("LATEST taken before the puts").containsExactly("héllo one", "two", "three");
        assertThat(texts(records(cli, name, shard, "LATEST"))).isEmpty();
        assertThat(texts(records(cli, name, shard, "AT_SEQUENCE_NUMBER", "--starting-sequence-number", seq2)))
                .containsExactly("two", "three");
        assertThat(texts(records(cli, name, shard, "AFTER_SEQUENCE_NUMBER", "--starting-sequence-number", seq2)))
                .containsExactly("three");
        assertThat(texts(records(cli, name, shard, "AT_TIMESTAMP", "--timestamp",
                String.valueOf(Instant.now().minusSeconds(600).getEpochSecond())))).hasSize(3);
        assertThat(texts(records(cli, name, shard, "AT_TIMESTAMP", "--timestamp", between.toString())))
                .containsExactly("two", "three");

        // NextShardIterator continues where the last call stopped, with Limit
        JsonNode page = cli.call("kinesis", "get-records", "--limit", "2", "--shard-iterator",
                iterator(cli, name, shard, "TRIM_HORIZON"));
        assertThat(texts(page)).containsExactly("héllo one", "two");
        JsonNode rest = cli.call("kinesis", "get-records", "--shard-iterator", page.get("NextShardIterator").asText());
        assertThat(texts(rest)).containsExactly("three");
        double arrival = all.get("Records").get(0).get("ApproximateArrivalTimestamp").asDouble(0);
        if (arrival == 0) { // the CLIs print timestamps as dates
            arrival = Instant.parse(all.get("Records").get(0).get("ApproximateArrivalTimestamp").asText()
                    .replace("+00:00", "Z")).getEpochSecond();
        }
        assertThat(Math.abs(arrival - Instant.now().getEpochSecond())).isLessThan(120);
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void errors(int major) throws Exception {
        AwsCli cli = cli(major);
        String name = "errors-v" + major;
        cli.call("kinesis", "create-stream", "--stream-name", name, "--shard-count", "1");
        String arn = "arn:aws:kinesis:us-east-1:000000000000:stream/" + name;
        assertThat(cli.fails("kinesis", "get-shard-iterator", "--stream-name", name, "--shard-id", "shardId-000000000009",
                "--shard-iterator-type", "TRIM_HORIZON")).contains("ResourceNotFoundException")
                .contains("Shard shardId-000000000009 in stream " + name + " under account 000000000000 does not exist");
        assertThat(cli.fails("kinesis", "get-shard-iterator", "--stream-name", name, "--shard-id", "shardId-000000000000",
                "--shard-iterator-type", "AT_SEQUENCE_NUMBER")).contains("InvalidArgumentException")
                .contains("StartingSequenceNumber must be specified");
        assertThat(cli.fails("kinesis", "get-shard-iterator", "--stream-name", name, "--shard-id", "shardId-000000000000",
                "--shard-iterator-type", "AT_SEQUENCE_NUMBER", "--starting-sequence-number", "12345"))
                .contains("InvalidArgumentException").contains("StartingSequenceNumber 12345 used in GetShardIterator");
        assertThat(cli.fails("kinesis", "get-records", "--shard-iterator", "bm90LWFuLWl0ZXJhdG9y"))
                .contains("InvalidArgumentException").contains("Invalid ShardIterator");
        String old = ShardIterators.encode(arn, "shardId-000000000000", null, Instant.now().minusSeconds(301));
        assertThat(cli.fails("kinesis", "get-records", "--shard-iterator", old)).contains("ExpiredIteratorException")
                .contains("Iterator expired");
        assertThat(cli.fails("kinesis", raw(cli, "put-record", "--stream-name", name, "--partition-key", "k", "--data", "x",
                "--explicit-hash-key", "340282366920938463463374607431768211456"))).contains("InvalidArgumentException")
                .contains("ExplicitHashKey");
        assertThat(cli.fails("kinesis", raw(cli, "put-record", "--stream-name", "missing", "--partition-key", "k",
                "--data", "x"))).contains("ResourceNotFoundException").contains("Stream missing under account 000000000000 not found.");
    }

    static String iterator(AwsCli cli, String name, String shard, String type, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("get-shard-iterator", "--stream-name", name, "--shard-id", shard,
                "--shard-iterator-type", type));
        args.addAll(List.of(extra));
        return cli.call("kinesis", args.toArray(String[]::new)).get("ShardIterator").asText();
    }

    static JsonNode records(AwsCli cli, String name, String shard, String type, String... extra) throws Exception {
        return cli.call("kinesis", "get-records", "--shard-iterator", iterator(cli, name, shard, type, extra));
    }
}
