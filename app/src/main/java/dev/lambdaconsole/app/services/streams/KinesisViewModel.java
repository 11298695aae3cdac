package dev.lambdaconsole.app.services.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.ServiceErrors;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.kinesis.KinesisService;
import dev.lambdaconsole.simulators.mappings.MappingService;
import dev.lambdaconsole.simulators.streams.Stream;
import dev.lambdaconsole.simulators.streams.StreamReader;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Kinesis data streams: the streams (status, shards with their hash key ranges and sequence numbers, where each
 * mapping reads), create a stream, put a record (partition key, data as text or base64, explicit hash key).
 */
public final class KinesisViewModel {
    public record StreamRow(String name, String arn, String status, String mode, int shards) { }

    private record Loaded(List<StreamRow> streams, String selected, List<ShardRow> shards) { }

    private static final BigInteger MAX_HASH = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);

    private final Supplier<KinesisService> kinesis;
    private final Supplier<StreamReader> reader;
    private final Supplier<Optional<MappingService>> mappings;
    private final TaskRunner tasks;
    private final ObservableList<StreamRow> streams = FXCollections.observableArrayList();
    private final ObservableList<ShardRow> shards = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty("");
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newShards = new SimpleStringProperty("1");
    private final ReadOnlyStringWrapper newNameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper newShardsError = new ReadOnlyStringWrapper("");
    private final StringProperty partitionKey = new SimpleStringProperty("");
    private final StringProperty data = new SimpleStringProperty("");
    private final BooleanProperty base64 = new SimpleBooleanProperty(false);
    private final StringProperty explicitHashKey = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper partitionKeyError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dataError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hashKeyError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper putResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private boolean showing;

    public KinesisViewModel(Supplier<KinesisService> kinesis, Supplier<StreamReader> reader,
                            Supplier<Optional<MappingService>> mappings, TaskRunner tasks) {
        this.kinesis = kinesis;
        this.reader = reader;
        this.mappings = mappings;
        this.tasks = tasks;
        newName.addListener((o, was, now) -> newNameError.set(nameProblem(now, false)));
        newShards.addListener((o, was, now) -> newShardsError.set(shardsProblem(now)));
        partitionKey.addListener((o, was, now) -> partitionKeyError.set(partitionKeyProblem(now)));
        data.addListener((o, was, now) -> dataError.set(dataProblem(now, base64.get())));
        base64.addListener((o, was, now) -> dataError.set(dataProblem(data.get(), now)));
        explicitHashKey.addListener((o, was, now) -> hashKeyError.set(hashKeyProblem(now)));
        selected.addListener((o, was, now) -> {
            if (!showing && now != null && !now.equals(was)) refresh();
        });
    }

    public ObservableList<StreamRow> streams() { return streams; }
    /** The selected stream's shards. */
    public ObservableList<ShardRow> shards() { return shards; }
    /** The selected stream's name. */
    public StringProperty selectedProperty() { return selected; }
    public StringProperty newNameProperty() { return newName; }
    public StringProperty newShardsProperty() { return newShards; }
    public ReadOnlyStringProperty newNameError() { return newNameError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty newShardsError() { return newShardsError.getReadOnlyProperty(); }
    public StringProperty partitionKeyProperty() { return partitionKey; }
    public StringProperty dataProperty() { return data; }
    /** Whether the data field holds base64 (else: text, sent as its UTF-8 bytes). */
    public BooleanProperty base64Property() { return base64; }
    public StringProperty explicitHashKeyProperty() { return explicitHashKey; }
    public ReadOnlyStringProperty partitionKeyError() { return partitionKeyError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty dataError() { return dataError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty hashKeyError() { return hashKeyError.getReadOnlyProperty(); }
    /** "shardId-… · sequence number …" or the service's error. */
    public ReadOnlyStringProperty putResult() { return putResult.getReadOnlyProperty(); }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }

    static String nameProblem(String name, boolean required) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) return required ? "type a name for the new stream" : "";
        if (n.length() > 128) return "a stream name is at most 128 characters";
        if (!n.matches("[a-zA-Z0-9_.-]+")) return "a stream name has only letters, digits and . - _";
        return "";
    }

    static String shardsProblem(String text) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.trim());
            return n < 1 || n > 1000 ? "shard count must be between 1 and 1000" : "";
        } catch (NumberFormatException e) {
            return "shard count is a whole number, e.g. 2";
        }
    }

    static String partitionKeyProblem(String key) {
        if (key == null || key.isEmpty()) return "a partition key is required (it picks the shard)";
        return key.length() > 256 ? "a partition key is at most 256 characters" : "";
    }

    static String dataProblem(String text, boolean base64) {
        if (!base64) return "";
        try {
            Base64.getMimeDecoder().decode(text == null ? "" : text.trim());
            return "";
        } catch (IllegalArgumentException e) {
            return "not base64: " + e.getMessage() + " (untick base64 to send the text itself)";
        }
    }

    static String hashKeyProblem(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return "";
        if (!t.matches("0|[1-9]\\d{0,38}")) return "an explicit hash key is a decimal number from 0 to 2^128-1";
        return new BigInteger(t).compareTo(MAX_HASH) > 0 ? "an explicit hash key is at most 2^128-1" : "";
    }

    private JsonNode call(String operation, JsonNode input) {
        KinesisService k = kinesis.get();
        if (k == null) throw new IllegalStateException("The local Kinesis is not running.");
        return k.operations().get(operation).apply(input);
    }

    public void refresh() {
        String wanted = selected.get();
        tasks.run(() -> load(wanted)).onSuccess(this::show).onFailure(e -> message.set(ServiceErrors.message(e)));
    }

    private Loaded load(String wanted) {
        List<StreamRow> rows = new ArrayList<>();
        for (JsonNode summary : call("ListStreams", Json.object()).path("StreamSummaries")) {
            String name = summary.path("StreamName").asText();
            JsonNode d = call("DescribeStreamSummary", Json.object().put("StreamName", name)).path("StreamDescriptionSummary");
            rows.add(new StreamRow(name, d.path("StreamARN").asText(), d.path("StreamStatus").asText(),
                    d.path("StreamModeDetails").path("StreamMode").asText(), d.path("OpenShardCount").asInt()));
        }
        String pick = rows.stream().anyMatch(r -> r.name().equals(wanted)) ? wanted
                : rows.isEmpty() ? "" : rows.get(0).name();
        List<ShardRow> shardRows = List.of();
        if (!pick.isEmpty()) {
            StreamRow row = rows.stream().filter(r -> r.name().equals(pick)).findFirst().orElseThrow();
            List<Stream.Shard> list = new ArrayList<>();
            for (JsonNode s : call("DescribeStream", Json.object().put("StreamName", pick)).path("StreamDescription")
                    .path("Shards")) {
                list.add(new Stream.Shard(s.path("ShardId").asText(), list.size(),
                        new BigInteger(s.path("HashKeyRange").path("StartingHashKey").asText()),
                        new BigInteger(s.path("HashKeyRange").path("EndingHashKey").asText()),
                        s.path("SequenceNumberRange").path("StartingSequenceNumber").asText()));
            }
            shardRows = ShardRow.of(row.arn(), list, reader.get(), mappings.get());
        }
        return new Loaded(rows, pick, shardRows);
    }

    private void show(Loaded l) {
        streams.setAll(l.streams());
        shards.setAll(l.shards());
        showing = true;
        try {
            selected.set(l.selected());
        } finally {
            showing = false;
        }
    }

    public void createStream() {
        String name = newName.get() == null ? "" : newName.get().trim();
        newNameError.set(nameProblem(name, true));
        newShardsError.set(shardsProblem(newShards.get()));
        if (!newNameError.get().isEmpty() || !newShardsError.get().isEmpty()) return;
        int count = Integer.parseInt(newShards.get().trim());
        tasks.run(() -> {
            call("CreateStream", Json.object().put("StreamName", name).put("ShardCount", count));
            return load(name);
        }).onSuccess(l -> {
            show(l);
            newName.set("");
            message.set("Created stream " + name + " with " + count + (count == 1 ? " shard" : " shards"));
        }).onFailure(e -> message.set(ServiceErrors.message(e)));
    }

    /** Puts a record on the selected stream and shows its shard and sequence number. */
    public void putRecord() {
        partitionKeyError.set(partitionKeyProblem(partitionKey.get()));
        dataError.set(dataProblem(data.get(), base64.get()));
        hashKeyError.set(hashKeyProblem(explicitHashKey.get()));
        String stream = selected.get();
        if (stream == null || stream.isEmpty()) {
            putResult.set("Not sent: create or select a stream first");
            return;
        }
        if (!partitionKeyError.get().isEmpty() || !dataError.get().isEmpty() || !hashKeyError.get().isEmpty()) {
            putResult.set("Not sent: fix the fields marked above");
            return;
        }
        String text = data.get() == null ? "" : data.get();
        String encoded = base64.get() ? text.trim() : Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        ObjectNode in = Json.object().put("StreamName", stream).put("PartitionKey", partitionKey.get()).put("Data", encoded);
        if (!explicitHashKey.get().isBlank()) in.put("ExplicitHashKey", explicitHashKey.get().trim());
        tasks.run(() -> {
            JsonNode out = call("PutRecord", in);
            return new Object[] {out, load(stream)};
        }).onSuccess(r -> {
            JsonNode out = (JsonNode) r[0];
            putResult.set(out.path("ShardId").asText() + " · sequence number " + out.path("SequenceNumber").asText());
            show((Loaded) r[1]);
        }).onFailure(e -> putResult.set(ServiceErrors.message(e)));
    }
}
