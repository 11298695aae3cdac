package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import dev.lambdaconsole.simulators.dynamodb.StreamsCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A DynamoDB table stream mapped to a function: changes written with {@code lambda-console dynamodb-streams put}
 * (while `serve` runs, from another process's point of view: the command writes the workspace's store) reach the
 * function in DynamoDB's record shape, filtered on {@code dynamodb} and {@code eventName}.
 */
class DynamoDbMappingCliTest {
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

    static String command(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = StreamsCommand.run(args, workspace, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("dynamodb-streams %s: %s", List.of(args), err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void changesReachTheFunctionInDynamoDbsShape(int major) throws Exception {
        AwsCli cli = AwsCli.version(major, files).endpoint(serve.url());
        String fn = "orders" + major;
        String table = "Orders" + major;
        Path out = files.resolve(fn + ".jsonl");
        MappingFixture.createFunction(cli, fn, out);
        command("create-stream", "--table", table, "--view-type", "NEW_AND_OLD_IMAGES");
        String arn = await().atMost(Duration.ofSeconds(5)).until(() -> cli.call("dynamodbstreams", "list-streams",
                "--table-name", table).at("/Streams/0/StreamArn").asText(""), a -> !a.isEmpty());
        assertThat(arn).contains(":table/" + table + "/stream/");

        assertThat(cli.fails("lambda", "create-event-source-mapping", "--function-name", fn, "--event-source-arn", arn,
                "--starting-position", "AT_TIMESTAMP", "--starting-position-timestamp", "2026-01-01T00:00:00Z"))
                .contains("InvalidParameterValueException");
        cli.lambda("create-event-source-mapping", "--function-name", fn, "--event-source-arn", arn,
                "--starting-position", "TRIM_HORIZON", "--filter-criteria",
                "{\"Filters\":[{\"Pattern\":\"{\\\"eventName\\\":[\\\"INSERT\\\",\\\"MODIFY\\\"]}\"}]}");

        Path changes = files.resolve(fn + "-changes.jsonl");
        Files.writeString(changes, """
                {"eventName":"INSERT","Keys":{"id":{"S":"o-1"}},"NewImage":{"id":{"S":"o-1"},"total":{"N":"42.5"}}}
                {"eventName":"MODIFY","Keys":{"id":{"S":"o-1"}},"OldImage":{"id":{"S":"o-1"},"total":{"N":"42.5"}},"NewImage":{"id":{"S":"o-1"},"total":{"N":"40"}}}
                {"eventName":"REMOVE","Keys":{"id":{"S":"o-1"}},"OldImage":{"id":{"S":"o-1"},"total":{"N":"40"}}}
                """);
        command("put", "--table", table, "--file", changes.toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(MappingFixture.received(out)).hasSize(2));
        List<JsonNode> got = MappingFixture.received(out);
        JsonNode insert = got.get(0).get("record");
        assertThat(insert.get("eventName").asText()).isEqualTo("INSERT");
        assertThat(insert.get("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(insert.get("eventVersion").asText()).isEqualTo("1.1");
        assertThat(insert.get("eventSourceARN").asText()).isEqualTo(arn);
        assertThat(insert.at("/dynamodb/Keys/id/S").asText()).isEqualTo("o-1");
        assertThat(insert.at("/dynamodb/NewImage/total/N").asText()).isEqualTo("42.5");
        assertThat(insert.at("/dynamodb/OldImage").isMissingNode()).isTrue();
        assertThat(insert.at("/dynamodb/StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(insert.at("/dynamodb/ApproximateCreationDateTime").isNumber()).isTrue();
        assertThat(insert.at("/dynamodb/SizeBytes").asInt()).isPositive();
        JsonNode modify = got.get(1).get("record");
        assertThat(modify.get("eventName").asText()).isEqualTo("MODIFY");
        assertThat(modify.at("/dynamodb/OldImage/total/N").asText()).isEqualTo("42.5");
        assertThat(modify.at("/dynamodb/NewImage/total/N").asText()).isEqualTo("40");
        assertThat(modify.at("/dynamodb/SequenceNumber").asText())
                .isGreaterThan(insert.at("/dynamodb/SequenceNumber").asText());
    }
}
