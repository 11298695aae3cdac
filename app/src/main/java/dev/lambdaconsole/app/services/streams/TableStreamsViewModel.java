package dev.lambdaconsole.app.services.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.JsonText;
import dev.lambdaconsole.app.services.ServiceErrors;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.dynamodb.Change;
import dev.lambdaconsole.simulators.dynamodb.DynamoDbStreams;
import dev.lambdaconsole.simulators.mappings.MappingService;
import dev.lambdaconsole.simulators.streams.Stream;
import dev.lambdaconsole.simulators.streams.StreamReader;
import dev.lambdaconsole.simulators.streams.StreamRecord;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * DynamoDB table streams: each table's stream (view type, shards and positions) and Put a change (INSERT, MODIFY,
 * REMOVE with Keys, NewImage, OldImage in DynamoDB JSON), checked as typed against the stream's view type.
 */
public final class TableStreamsViewModel {
    public record TableRow(String table, String arn, String viewType, int shards) { }

    private record Loaded(List<TableRow> tables, String selected, List<ShardRow> shards) { }

    private final Supplier<DynamoDbStreams> dynamodb;
    private final Supplier<StreamReader> reader;
    private final Supplier<Optional<MappingService>> mappings;
    private final TaskRunner tasks;
    private final ObservableList<TableRow> tables = FXCollections.observableArrayList();
    private final ObservableList<ShardRow> shards = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty("");
    private final StringProperty eventName = new SimpleStringProperty("INSERT");
    private final StringProperty keys = new SimpleStringProperty("");
    private final StringProperty newImage = new SimpleStringProperty("");
    private final StringProperty oldImage = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper keysError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper newImageError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper oldImageError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper changeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper viewTypeHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper putResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private boolean showing;

    public TableStreamsViewModel(Supplier<DynamoDbStreams> dynamodb, Supplier<StreamReader> reader,
                                 Supplier<Optional<MappingService>> mappings, TaskRunner tasks) {
        this.dynamodb = dynamodb;
        this.reader = reader;
        this.mappings = mappings;
        this.tasks = tasks;
        for (StringProperty p : List.of(eventName, keys, newImage, oldImage)) p.addListener((o, was, now) -> check());
        selected.addListener((o, was, now) -> {
            checkIfTyped();
            if (!showing && now != null && !now.equals(was)) refresh();
        });
    }

    public ObservableList<TableRow> tables() { return tables; }
    public ObservableList<ShardRow> shards() { return shards; }
    /** The selected table. */
    public StringProperty selectedProperty() { return selected; }
    /** INSERT, MODIFY or REMOVE. */
    public StringProperty eventNameProperty() { return eventName; }
    public StringProperty keysProperty() { return keys; }
    public StringProperty newImageProperty() { return newImage; }
    public StringProperty oldImageProperty() { return oldImage; }
    public ReadOnlyStringProperty keysError() { return keysError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty newImageError() { return newImageError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty oldImageError() { return oldImageError.getReadOnlyProperty(); }
    /** A problem of the change as a whole (e.g. its event name). */
    public ReadOnlyStringProperty changeError() { return changeError.getReadOnlyProperty(); }
    /** What the selected stream keeps of the images. */
    public ReadOnlyStringProperty viewTypeHint() { return viewTypeHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty putResult() { return putResult.getReadOnlyProperty(); }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }

    private Optional<TableRow> table() {
        return tables.stream().filter(t -> t.table().equals(selected.get())).findFirst();
    }

    /** Checks the typed change; returns it when valid (errors shown beside the fields otherwise). */
    Optional<Change> check() {
        keysError.set("");
        newImageError.set("");
        oldImageError.set("");
        changeError.set("");
        Optional<TableRow> table = table();
        viewTypeHint.set(table.map(t -> hint(t.viewType())).orElse(""));
        ObjectNode line = Json.object().put("eventName", eventName.get());
        boolean ok = json(line, "Keys", keys.get(), keysError, true);
        ok &= json(line, "NewImage", newImage.get(), newImageError, false);
        ok &= json(line, "OldImage", oldImage.get(), oldImageError, false);
        if (!ok) return Optional.empty();
        if (table.isEmpty()) {
            changeError.set("select a table stream first");
            return Optional.empty();
        }
        try {
            return Optional.of(Change.parse(line, table.get().viewType()));
        } catch (Change.InvalidChangeException e) {
            String field = e.field();
            ReadOnlyStringWrapper target = field.startsWith("Keys") ? keysError : field.startsWith("NewImage")
                    ? newImageError : field.startsWith("OldImage") ? oldImageError : changeError;
            target.set(e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean json(ObjectNode line, String field, String text, ReadOnlyStringWrapper error, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) error.set(field + ": required, e.g. {\"id\":{\"S\":\"1\"}}");
            return !required;
        }
        String problem = JsonText.problem(text);
        if (!problem.isEmpty()) {
            error.set(field + ": not valid JSON: " + problem);
            return false;
        }
        line.set(field, JsonText.parse(text).orElseThrow());
        return true;
    }

    static String hint(String viewType) {
        return switch (viewType) {
            case "KEYS_ONLY" -> "This stream keeps KEYS_ONLY: records carry the Keys; images are dropped.";
            case "NEW_IMAGE" -> "This stream keeps NEW_IMAGE: records carry the item after the change.";
            case "OLD_IMAGE" -> "This stream keeps OLD_IMAGE: MODIFY and REMOVE need the item before (OldImage).";
            default -> "This stream keeps NEW_AND_OLD_IMAGES: MODIFY and REMOVE need OldImage too.";
        };
    }

    public void refresh() {
        String wanted = selected.get();
        tasks.run(() -> load(wanted)).onSuccess(this::show).onFailure(e -> message.set(ServiceErrors.message(e)));
    }

    private Loaded load(String wanted) {
        DynamoDbStreams d = dynamodb.get();
        if (d == null) throw new IllegalStateException("The local DynamoDB Streams is not running.");
        List<TableRow> rows = new ArrayList<>();
        List<Stream> streams = d.streams();
        for (Stream s : streams) rows.add(new TableRow(s.name(), s.arn(), s.viewType(), s.shards().size()));
        String pick = rows.stream().anyMatch(r -> r.table().equals(wanted)) ? wanted
                : rows.isEmpty() ? "" : rows.get(0).table();
        List<ShardRow> shardRows = streams.stream().filter(s -> s.name().equals(pick)).findFirst()
                .map(s -> ShardRow.of(s.arn(), s.shards(), reader.get(), mappings.get())).orElse(List.of());
        return new Loaded(rows, pick, shardRows);
    }

    private void show(Loaded l) {
        tables.setAll(l.tables());
        shards.setAll(l.shards());
        showing = true;
        try {
            selected.set(l.selected());
        } finally {
            showing = false;
        }
        checkIfTyped();
    }

    /** Checks the change once something is typed (an untouched form shows no errors, only the view type). */
    private void checkIfTyped() {
        boolean typed = !keys.get().isBlank() || !newImage.get().isBlank() || !oldImage.get().isBlank();
        if (typed) check();
        else viewTypeHint.set(table().map(t -> hint(t.viewType())).orElse(""));
    }

    /** Writes the change to the selected table's stream and shows its sequence number. */
    public void putChange() {
        Optional<Change> change = check();
        if (change.isEmpty()) {
            putResult.set("Not written: fix the fields marked above");
            return;
        }
        String table = selected.get();
        tasks.run(() -> {
            List<StreamRecord> written = dynamodb.get().put(table, List.of(change.get()));
            return new Object[] {written.get(0), load(table)};
        }).onSuccess(r -> {
            StreamRecord rec = (StreamRecord) r[0];
            putResult.set(rec.eventName() + " written to " + rec.shardId() + " · sequence number " + rec.sequenceNumber());
            show((Loaded) r[1]);
        }).onFailure(e -> putResult.set(ServiceErrors.message(e)));
    }
}
