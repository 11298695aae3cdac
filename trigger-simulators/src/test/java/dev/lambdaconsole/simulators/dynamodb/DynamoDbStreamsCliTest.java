package dev.lambdaconsole.simulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dynamodb-streams command (this JVM) writes into the workspace of a running `serve` (another process), and
 * `aws dynamodbstreams` (v1 and v2) lists, describes and reads the records, with images per view type.
 */
class DynamoDbStreamsCliTest {
    static final String CHANGES = """
            {"eventName":"INSERT","Keys":{"pk":{"S":"u1"},"sk":{"N":"1"}},"NewImage":{"pk":{"S":"u1"},"sk":{"N":"1"},"name":{"S":"Ada"},"tags":{"SS":["a","b"]},"avatar":{"B":"AAEC"},"meta":{"M":{"ok":{"BOOL":true},"none":{"NULL":true}}},"list":{"L":[{"N":"1"},{"S":"x"}]}}}
            {"eventName":"MODIFY","Keys":{"pk":{"S":"u1"},"sk":{"N":"1"}},"NewImage":{"pk":{"S":"u1"},"sk":{"N":"1"},"name":{"S":"Ada L."}},"OldImage":{"pk":{"S":"u1"},"sk":{"N":"1"},"name":{"S":"Ada"}}}
            {"eventName":"REMOVE","Keys":{"pk":{"S":"u1"},"sk":{"N":"1"}},"OldImage":{"pk":{"S":"u1"},"sk":{"N":"1"},"name":{"S":"Ada L."}},"ttl":true}
            """;
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

    static String command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = StreamsCommand.run(args, workspace, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every record of the stream, shard by shard, through the CLI. */
    static List<JsonNode> read(AwsCli cli, String arn) throws Exception {
        JsonNode d = cli.call("dynamodbstreams", "describe-stream", "--stream-arn", arn).get("StreamDescription");
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode shard : d.get("Shards")) {
            String it = cli.call("dynamodbstreams", "get-shard-iterator", "--stream-arn", arn, "--shard-id",
                    shard.get("ShardId").asText(), "--shard-iterator-type", "TRIM_HORIZON").get("ShardIterator").asText();
            cli.call("dynamodbstreams", "get-records", "--shard-iterator", it).get("Records").forEach(records::add);
        }
        return records;
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void theCommandsRecordsAreReadWithImagesPerViewType(int major) throws Exception {
        AwsCli cli = AwsCli.version(major, files).endpoint(serve.url());
        Path file = files.resolve("changes-" + major + ".jsonl");
        Files.writeString(file, CHANGES);
        for (String view : DynamoDbStreams.VIEW_TYPES) {
            String table = "Users" + major + "_" + view;
            JsonNode created = Json.MAPPER.readTree(command("create-stream", "--table", table, "--view-type", view));
            String arn = created.get("StreamArn").asText();
            assertThat(arn).matches("arn:aws:dynamodb:us-east-1:000000000000:table/" + table
                    + "/stream/\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
            command("put", "--table", table, "--file", file.toString());

            JsonNode listed = cli.call("dynamodbstreams", "list-streams", "--table-name", table).get("Streams");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("StreamArn").asText()).isEqualTo(arn);
            assertThat(listed.get(0).get("StreamLabel").asText()).isEqualTo(created.get("StreamLabel").asText());
            JsonNode d = cli.call("dynamodbstreams", "describe-stream", "--stream-arn", arn).get("StreamDescription");
            assertThat(d.get("StreamStatus").asText()).isEqualTo("ENABLED");
            assertThat(d.get("StreamViewType").asText()).isEqualTo(view);
            assertThat(d.get("TableName").asText()).isEqualTo(table);
            assertThat(d.get("Shards")).hasSize(DynamoDbStreams.DEFAULT_SHARDS);

            List<JsonNode> records = read(cli, arn);
            assertThat(records).as(view).extracting(r -> r.get("eventName").asText())
                    .containsExactly("INSERT", "MODIFY", "REMOVE"); // one item: one shard, in order
            for (JsonNode r : records) {
                assertThat(r.get("eventSource").asText()).isEqualTo("aws:dynamodb");
                assertThat(r.get("eventVersion").asText()).isEqualTo("1.1");
                assertThat(r.get("awsRegion").asText()).isEqualTo("us-east-1");
                assertThat(r.get("eventID").asText()).hasSize(32);
                JsonNode db = r.get("dynamodb");
                assertThat(db.get("Keys").toString()).isEqualTo("{\"pk\":{\"S\":\"u1\"},\"sk\":{\"N\":\"1\"}}");
                assertThat(db.get("StreamViewType").asText()).isEqualTo(view);
                assertThat(db.get("SequenceNumber").asText()).hasSize(56);
                assertThat(db.get("SizeBytes").asInt()).isPositive();
                assertThat(db.has("ApproximateCreationDateTime")).isTrue();
                boolean keepsNew = view.equals("NEW_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
                boolean keepsOld = view.equals("OLD_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
                String event = r.get("eventName").asText();
                assertThat(db.has("NewImage")).as(view + " " + event + " NewImage").isEqualTo(keepsNew && !event.equals("REMOVE"));
                assertThat(db.has("OldImage")).as(view + " " + event + " OldImage").isEqualTo(keepsOld && !event.equals("INSERT"));
            }
            if (view.equals("NEW_AND_OLD_IMAGES")) {
                JsonNode insert = records.get(0).get("dynamodb").get("NewImage");
                assertThat(insert.get("tags").get("SS").toString()).isEqualTo("[\"a\",\"b\"]");
                assertThat(insert.get("avatar").get("B").asText()).isEqualTo("AAEC");
                assertThat(insert.get("meta").get("M").get("none").get("NULL").asBoolean()).isTrue();
                assertThat(insert.get("list").get("L").get(0).get("N").asText()).isEqualTo("1");
                assertThat(records.get(1).get("dynamodb").get("OldImage").get("name").get("S").asText()).isEqualTo("Ada");
                assertThat(records.get(1).get("dynamodb").get("NewImage").get("name").get("S").asText()).isEqualTo("Ada L.");
            }
            assertThat(records.get(2).get("userIdentity").toString())
                    .isEqualTo("{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}");
            assertThat(records.get(0).has("userIdentity")).isFalse();
        }
        JsonNode all = cli.call("dynamodbstreams", "list-streams").get("Streams");
        assertThat(all.toString()).contains("Users" + major + "_KEYS_ONLY").contains("Users" + major + "_OLD_IMAGE");
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void iteratorsAndErrors(int major) throws Exception {
        AwsCli cli = AwsCli.version(major, files).endpoint(serve.url());
        String table = "Events" + major;
        String arn = Json.MAPPER.readTree(command("create-stream", "--table", table, "--shards", "1")).get("StreamArn").asText();
        String shard = cli.call("dynamodbstreams", "describe-stream", "--stream-arn", arn).get("StreamDescription")
                .get("Shards").get(0).get("ShardId").asText();
        assertThat(shard).matches("shardId-0{20}-[0-9a-f]{8}");
        String latest = cli.call("dynamodbstreams", "get-shard-iterator", "--stream-arn", arn, "--shard-id", shard,
                "--shard-iterator-type", "LATEST").get("ShardIterator").asText();
        Path file = files.resolve("events-" + major + ".jsonl");
        Files.writeString(file, CHANGES);
        command("put", "--table", table, "--file", file.toString());
        JsonNode fromLatest = cli.call("dynamodbstreams", "get-records", "--shard-iterator", latest);
        assertThat(fromLatest.get("Records")).hasSize(3);
        String second = fromLatest.get("Records").get(1).get("dynamodb").get("SequenceNumber").asText();
        String at = cli.call("dynamodbstreams", "get-shard-iterator", "--stream-arn", arn, "--shard-id", shard,
                "--shard-iterator-type", "AT_SEQUENCE_NUMBER", "--sequence-number", second).get("ShardIterator").asText();
        JsonNode fromAt = cli.call("dynamodbstreams", "get-records", "--shard-iterator", at, "--limit", "1");
        assertThat(fromAt.get("Records")).extracting(r -> r.get("eventName").asText()).containsExactly("MODIFY");
        JsonNode next = cli.call("dynamodbstreams", "get-records", "--shard-iterator", fromAt.get("NextShardIterator").asText());
        assertThat(next.get("Records")).extracting(r -> r.get("eventName").asText()).containsExactly("REMOVE");
        String after = cli.call("dynamodbstreams", "get-shard-iterator", "--stream-arn", arn, "--shard-id", shard,
                "--shard-iterator-type", "AFTER_SEQUENCE_NUMBER", "--sequence-number", second).get("ShardIterator").asText();
        assertThat(cli.call("dynamodbstreams", "get-records", "--shard-iterator", after).get("Records"))
                .extracting(r -> r.get("eventName").asText()).containsExactly("REMOVE");

        String missing = "arn:aws:dynamodb:us-east-1:000000000000:table/Nope/stream/2026-01-01T00:00:00.000";
        assertThat(cli.fails("dynamodbstreams", "describe-stream", "--stream-arn", missing))
                .contains("ResourceNotFoundException").contains("Stream: " + missing + " not found");
        assertThat(cli.fails("dynamodbstreams", "get-shard-iterator", "--stream-arn", arn, "--shard-id", shard,
                "--shard-iterator-type", "AT_SEQUENCE_NUMBER")).contains("ValidationException")
                .contains("Must provide a sequence number");
        assertThat(cli.fails("dynamodbstreams", "get-records", "--shard-iterator", "garbage-iterator-garbage"))
                .contains("ValidationException").contains("Invalid ShardIterator");
    }
}
