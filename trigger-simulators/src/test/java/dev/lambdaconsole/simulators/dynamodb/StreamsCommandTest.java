package dev.lambdaconsole.simulators.dynamodb;

import dev.lambdaconsole.simulators.streams.Stream;
import dev.lambdaconsole.simulators.streams.StreamRecord;
import dev.lambdaconsole.simulators.streams.StreamStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dynamodb-streams command on a workspace: streams, the JSON-lines format, and what it rejects. */
class StreamsCommandTest {
    @TempDir Path workspace;
    String out;
    String err;

    int run(String stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = StreamsCommand.run(args, workspace, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return status;
    }

    List<StreamRecord> records(String table) {
        try (StreamStore store = StreamStore.open(workspace.resolve(".lambda-console/services/streams.db"))) {
            Stream s = new DynamoDbStreams(store, "us-east-1", "000000000000").streamOf(table).orElseThrow();
            List<StreamRecord> all = new ArrayList<>();
            for (Stream.Shard shard : s.shards()) all.addAll(store.read(s.arn(), shard.id(), null, 100));
            return all;
        }
    }

    @Test
    void createListPutAndDeleteInTheWorkspacesStreamStore() throws Exception {
        assertThat(run("", "create-stream", "--table", "Orders", "--view-type", "NEW_IMAGE", "--shards", "1")).isZero();
        assertThat(out).contains("\"StreamArn\" : \"arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/")
                .contains("\"StreamViewType\" : \"NEW_IMAGE\"");
        assertThat(workspace.resolve(".lambda-console/services/streams.db")).exists();
        assertThat(run("", "create-stream", "--table", "Orders")).isEqualTo(1);
        assertThat(err).contains("Table Orders already has a stream");
        assertThat(run("", "list")).isZero();
        assertThat(out).startsWith("Orders  NEW_IMAGE  1 shards  arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/");

        Path file = workspace.resolve("changes.jsonl");
        Files.writeString(file, """
                {"eventName":"INSERT","Keys":{"id":{"S":"o1"}},"NewImage":{"id":{"S":"o1"},"total":{"N":"12.5"}}}

                {"eventName":"MODIFY","Keys":{"id":{"S":"o1"}},"NewImage":{"id":{"S":"o1"},"total":{"N":"20"}},"OldImage":{"id":{"S":"o1"},"total":{"N":"12.5"}}}
                """);
        assertThat(run("", "put", "--table", "Orders", "--file", file.toString())).isZero();
        assertThat(out).startsWith("Wrote 2 changes to arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/");
        assertThat(run("{\"eventName\":\"REMOVE\",\"Keys\":{\"id\":{\"S\":\"o1\"}},\"ttl\":true}\n",
                "put", "--table", "Orders", "-")).isZero();
        List<StreamRecord> records = records("Orders");
        assertThat(records).extracting(StreamRecord::eventName).containsExactly("INSERT", "MODIFY", "REMOVE");
        assertThat(records.get(1).dynamodb().has("OldImage")).as("NEW_IMAGE keeps no old image").isFalse();
        assertThat(records.get(1).dynamodb().get("NewImage").get("total").get("N").asText()).isEqualTo("20");
        assertThat(records.get(2).userIdentity().toString())
                .isEqualTo("{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}");

        assertThat(run("", "delete-stream", "--table", "Orders")).isZero();
        assertThat(run("", "put", "--table", "Orders", "-")).isEqualTo(1);
        assertThat(err).contains("table Orders has no stream. Create one first");
    }

    @Test
    void invalidLinesAreReportedWithLineFieldAndRuleAndNothingIsWritten() throws Exception {
        run("", "create-stream", "--table", "Items", "--view-type", "NEW_AND_OLD_IMAGES");
        String lines = String.join("\n",
                "{\"eventName\":\"INSERT\",\"Keys\":{\"id\":{\"S\":\"a\"}},\"NewImage\":{\"id\":{\"S\":\"a\"}}}",
                "{\"eventName\":\"INSERT\",\"Keys\":{\"id\":{\"S\":\"b\"}},\"NewImage\":{\"id\":{\"S\":\"b\"},\"price\":{\"N\":\"abc\"}}}",
                "{\"eventName\":\"UPSERT\",\"Keys\":{\"id\":{\"S\":\"c\"}}}",
                "{\"eventName\":\"MODIFY\",\"Keys\":{\"id\":{\"S\":\"d\"}},\"NewImage\":{\"id\":{\"S\":\"d\"}}}",
                "{not json",
                "{\"eventName\":\"INSERT\",\"Keys\":{\"id\":{\"s\":\"e\"}},\"NewImage\":{\"id\":{\"S\":\"e\"}}}",
                "{\"eventName\":\"INSERT\",\"Keys\":{\"id\":{\"S\":\"f\"}},\"NewImage\":{\"id\":{\"S\":\"g\"}}}",
                "{\"eventName\":\"INSERT\",\"Keys\":{\"id\":{\"S\":\"h\"}},\"newImage\":{}}",
                "{\"eventName\":\"REMOVE\",\"Keys\":{\"id\":{\"S\":\"i\"}},\"OldImage\":{\"id\":{\"S\":\"i\"},\"tags\":{\"SS\":[\"x\",\"x\"]}}}",
                "{\"eventName\":\"INSERT\",\"Keys\":{\"id\":{\"M\":{}}},\"NewImage\":{\"id\":{\"M\":{}}}}",
                "{\"eventName\":\"INSERT\",\"Keys\":{\"id\":{\"S\":\"j\"}},\"NewImage\":{\"id\":{\"S\":\"j\"},\"l\":{\"L\":[{\"BOOL\":\"yes\"}]}}}");
        assertThat(run(lines, "put", "--table", "Items", "-")).isEqualTo(1);
        assertThat(err).contains("stdin line 2: NewImage.price.N: 'abc' is not a number")
                .contains("stdin line 3: eventName: must be INSERT, MODIFY or REMOVE (got \"UPSERT\")")
                .contains("stdin line 4: OldImage: required for MODIFY on a NEW_AND_OLD_IMAGES stream")
                .contains("stdin line 5: (line): not JSON")
                .contains("stdin line 6: Keys.id: unknown AttributeValue type 's'")
                .contains("stdin line 7: NewImage.id: differs from Keys")
                .contains("stdin line 8: newImage: unknown field")
                .contains("stdin line 9: OldImage.tags.SS[1]: a set must not hold duplicates")
                .contains("stdin line 10: Keys.id: a key attribute must be S, N or B (got M)")
                .contains("stdin line 11: NewImage.l.L[0].BOOL: BOOL must be true or false")
                .contains("nothing written (10 invalid lines)")
                .doesNotContain("line 1:");
        assertThat(records("Items")).isEmpty();
    }

    @Test
    void usageErrors() {
        assertThat(run("")).isEqualTo(2);
        assertThat(err).contains("usage: lambda-console dynamodb-streams");
        assertThat(run("", "create-stream", "--table", "Table1", "--view-type", "EVERYTHING")).isEqualTo(2);
        assertThat(err).contains("StreamViewType must be one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES");
        assertThat(run("", "create-stream", "--table", "a b")).isEqualTo(2);
        assertThat(err).contains("A table name is 3 to 255 characters");
        assertThat(run("", "put", "--table", "Table1")).isEqualTo(2);
        assertThat(err).contains("--file FILE.jsonl, or - for standard input");
        assertThat(run("", "frobnicate")).isEqualTo(2);
        assertThat(err).contains("unknown command 'frobnicate'");
    }
}
