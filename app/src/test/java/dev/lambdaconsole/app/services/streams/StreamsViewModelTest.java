package dev.lambdaconsole.app.services.streams;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.ServiceFixtures;
import dev.lambdaconsole.app.shell.TestConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StreamsViewModelTest {
    @TempDir Path workspace;
    TestConsole console;
    KinesisViewModel kinesis;
    TableStreamsViewModel tables;

    @BeforeEach
    void start() {
        console = new TestConsole(workspace, "process", TaskRunner.synchronous());
        var sim = console.simulators;
        kinesis = new KinesisViewModel(sim::kinesis, sim::streams, sim::mappings, console.tasks);
        tables = new TableStreamsViewModel(sim::dynamoDbStreams, sim::streams, sim::mappings, console.tasks);
    }

    @AfterEach
    void stop() { console.close(); }

    @Test
    void aStreamIsCreatedWithItsShardsAndTheFormIsCheckedAsTyped() {
        kinesis.refresh();
        assertThat(kinesis.streams()).isEmpty();
        kinesis.newNameProperty().set("my stream");
        assertThat(kinesis.newNameError().get()).isEqualTo("a stream name has only letters, digits and . - _");
        kinesis.newShardsProperty().set("0");
        assertThat(kinesis.newShardsError().get()).isEqualTo("shard count must be between 1 and 1000");
        kinesis.createStream();
        assertThat(kinesis.streams()).isEmpty();
        kinesis.newNameProperty().set("orders");
        kinesis.newShardsProperty().set("2");
        kinesis.createStream();
        assertThat(kinesis.message().get()).isEqualTo("Created stream orders with 2 shards");
        assertThat(kinesis.streams()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("ACTIVE");
            assertThat(s.shards()).isEqualTo(2);
        });
        assertThat(kinesis.selectedProperty().get()).isEqualTo("orders");
        assertThat(kinesis.shards()).extracting(ShardRow::shardId).containsExactly("shardId-000000000000", "shardId-000000000001");
        assertThat(kinesis.shards().get(0).hashKeyRange()).isEqualTo("0 – 170141183460469231731687303715884105727");
        assertThat(kinesis.shards().get(0).latestSequence()).isEmpty();
        kinesis.newNameProperty().set("orders");
        kinesis.createStream();
        assertThat(kinesis.message().get()).startsWith("ResourceInUseException: Stream orders under account");
    }

    @Test
    void putRecordGivesTheShardAndSequenceNumberAndAMappingsPosition() {
        String fn = ServiceFixtures.function(console, "reader", ServiceFixtures.ECHO);
        kinesis.newNameProperty().set("clicks");
        kinesis.newShardsProperty().set("2");
        kinesis.createStream();
        String arn = kinesis.streams().get(0).arn();
        console.simulators.mappings().orElseThrow().create(ServiceFixtures.json("{\"EventSourceArn\":\"" + arn
                + "\",\"FunctionName\":\"reader\",\"StartingPosition\":\"TRIM_HORIZON\",\"BatchSize\":10}"));
        kinesis.refresh();
        assertThat(kinesis.shards().get(1).readers()).startsWith("reader: no batch yet (TRIM_HORIZON");

        kinesis.putRecord();
        assertThat(kinesis.partitionKeyError().get()).isEqualTo("a partition key is required (it picks the shard)");
        kinesis.partitionKeyProperty().set("user-1");
        kinesis.base64Property().set(true);
        kinesis.dataProperty().set("not base64!");
        assertThat(kinesis.dataError().get()).startsWith("not base64: ");
        kinesis.base64Property().set(false);
        assertThat(kinesis.dataError().get()).isEmpty();
        kinesis.explicitHashKeyProperty().set("-1");
        assertThat(kinesis.hashKeyError().get()).isEqualTo("an explicit hash key is a decimal number from 0 to 2^128-1");
        kinesis.explicitHashKeyProperty().set("340282366920938463463374607431768211455");
        kinesis.dataProperty().set("{\"click\": 1}");
        kinesis.putRecord();
        assertThat(kinesis.putResult().get()).startsWith("shardId-000000000001 · sequence number 49");
        String sequence = kinesis.putResult().get().substring(kinesis.putResult().get().lastIndexOf(' ') + 1);
        assertThat(kinesis.shards().get(1).latestSequence()).isEqualTo(sequence);
        assertThat(kinesis.shards().get(0).latestSequence()).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            kinesis.refresh();
            return kinesis.shards().get(1).readers().startsWith("reader: at " + sequence + ", iterator age ");
        });
        assertThat(kinesis.shards().get(1).readers()).endsWith(" ms (OK)");
        assertThat(fn).endsWith(":reader");
    }

    @Test
    void aChangeIsCheckedAgainstTheStreamsViewTypeAndWritten() {
        console.simulators.dynamoDbStreams().createStream("orders", "NEW_AND_OLD_IMAGES", 1);
        tables.refresh();
        assertThat(tables.tables()).singleElement().satisfies(t -> {
            assertThat(t.table()).isEqualTo("orders");
            assertThat(t.viewType()).isEqualTo("NEW_AND_OLD_IMAGES");
        });
        assertThat(tables.selectedProperty().get()).isEqualTo("orders");
        assertThat(tables.viewTypeHint().get()).startsWith("This stream keeps NEW_AND_OLD_IMAGES");
        assertThat(tables.keysError().get()).as("nothing typed yet").isEmpty();
        tables.keysProperty().set("{\"id\": \"1\"}");
        assertThat(tables.keysError().get()).startsWith("Keys.id: ");
        tables.keysProperty().set("{\"id\": {\"S\": \"1\"");
        assertThat(tables.keysError().get()).startsWith("Keys: not valid JSON: ");
        tables.keysProperty().set("{\"id\": {\"S\": \"1\"}}");
        assertThat(tables.keysError().get()).isEmpty();
        assertThat(tables.newImageError().get()).isEqualTo("NewImage: required for INSERT (the new item)");
        tables.eventNameProperty().set("MODIFY");
        tables.newImageProperty().set("{\"id\": {\"S\": \"1\"}, \"total\": {\"N\": \"20\"}}");
        assertThat(tables.oldImageError().get()).isEqualTo(
                "OldImage: required for MODIFY on a NEW_AND_OLD_IMAGES stream (the item before)");
        tables.putChange();
        assertThat(tables.putResult().get()).isEqualTo("Not written: fix the fields marked above");
        tables.oldImageProperty().set("{\"id\": {\"S\": \"2\"}}");
        assertThat(tables.oldImageError().get()).startsWith("OldImage.id: differs from Keys");
        tables.oldImageProperty().set("{\"id\": {\"S\": \"1\"}, \"total\": {\"N\": \"10\"}}");
        tables.putChange();
        assertThat(tables.putResult().get()).startsWith("MODIFY written to shardId-0000");
        String sequence = tables.putResult().get().substring(tables.putResult().get().lastIndexOf(' ') + 1);
        assertThat(tables.shards()).singleElement().satisfies(s -> assertThat(s.latestSequence()).isEqualTo(sequence));
        var written = console.simulators.streams().read(tables.tables().get(0).arn(), tables.shards().get(0).shardId(), null, 10);
        assertThat(written).singleElement().satisfies(r -> {
            assertThat(r.eventName()).isEqualTo("MODIFY");
            assertThat(r.dynamodb().get("OldImage").get("total").get("N").asText()).isEqualTo("10");
        });
    }
}
