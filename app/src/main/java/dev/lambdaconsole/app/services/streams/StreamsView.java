package dev.lambdaconsole.app.services.streams;

import dev.lambdaconsole.app.services.ServiceSection;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.function.Function;

import static dev.lambdaconsole.app.services.ServiceControls.area;
import static dev.lambdaconsole.app.services.ServiceControls.bar;
import static dev.lambdaconsole.app.services.ServiceControls.button;
import static dev.lambdaconsole.app.services.ServiceControls.column;
import static dev.lambdaconsole.app.services.ServiceControls.error;
import static dev.lambdaconsole.app.services.ServiceControls.field;
import static dev.lambdaconsole.app.services.ServiceControls.heading;
import static dev.lambdaconsole.app.services.ServiceControls.refresh;
import static dev.lambdaconsole.app.services.ServiceControls.row;
import static dev.lambdaconsole.app.services.ServiceControls.table;
import static dev.lambdaconsole.app.services.ServiceControls.text;

/** Kinesis data streams and DynamoDB table streams: shards and positions, put a record, put a change. */
public final class StreamsView extends ScrollPane {
    public StreamsView(KinesisViewModel kinesis, TableStreamsViewModel tables) {
        setId("streamsView");
        setFitToWidth(true);
        VBox box = new VBox(10, kinesisPart(kinesis), tablesPart(tables));
        box.setPadding(new Insets(8));
        setContent(box);
    }

    private static TableView<ShardRow> shardTable(String id, javafx.collections.ObservableList<ShardRow> rows) {
        TableView<ShardRow> t = table(id, rows, "Select a stream to see its shards");
        t.getColumns().add(column("Shard", 150, ShardRow::shardId));
        t.getColumns().add(column("Hash key range", 260, ShardRow::hashKeyRange));
        t.getColumns().add(column("Latest sequence number", 260, ShardRow::latestSequence));
        t.getColumns().add(column("Event source mappings", 300, ShardRow::readers));
        t.setPrefHeight(150);
        return t;
    }

    /** Keeps a table's selection on the row the ViewModel names, and the ViewModel on the row clicked. */
    private static <R> void follow(TableView<R> table, javafx.beans.property.StringProperty selected, Function<R, String> key) {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) selected.set(key.apply(now));
        });
        Runnable sync = () -> table.getItems().stream().filter(r -> key.apply(r).equals(selected.get())).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r));
        table.getItems().addListener((ListChangeListener<R>) c -> sync.run());
        selected.addListener((o, was, now) -> sync.run());
    }

    private static VBox kinesisPart(KinesisViewModel vm) {
        TableView<KinesisViewModel.StreamRow> streams = table("kinesisStreamsTable", vm.streams(), "No Kinesis streams");
        streams.getColumns().add(column("Stream", 180, KinesisViewModel.StreamRow::name));
        streams.getColumns().add(column("Status", 80, KinesisViewModel.StreamRow::status));
        streams.getColumns().add(column("Mode", 100, KinesisViewModel.StreamRow::mode));
        streams.getColumns().add(column("Shards", 60, r -> String.valueOf(r.shards())));
        streams.getColumns().add(column("ARN", 320, KinesisViewModel.StreamRow::arn));
        streams.setPrefHeight(120);
        follow(streams, vm.selectedProperty(), KinesisViewModel.StreamRow::name);
        HBox create = new HBox(8,
                row("New stream", field("newStreamField", vm.newNameProperty(), "orders"), error("newStreamError", vm.newNameError())),
                row("Shards", field("newShardsField", vm.newShardsProperty(), "1"), error("newShardsError", vm.newShardsError())),
                new VBox(3, new javafx.scene.control.Label(" "),
                        button("createStreamButton", "Create stream", Feather.PLUS, vm::createStream)));
        CheckBox base64 = new CheckBox("Data is base64");
        base64.setId("base64Check");
        base64.selectedProperty().bindBidirectional(vm.base64Property());
        javafx.scene.control.Label on = new javafx.scene.control.Label();
        on.textProperty().bind(javafx.beans.binding.Bindings.concat("on stream ", vm.selectedProperty()));
        VBox put = new VBox(6, new HBox(8, heading("Put record"), on),
                row("Partition key", field("partitionKeyField", vm.partitionKeyProperty(), "customer-42"),
                        error("partitionKeyError", vm.partitionKeyError())),
                row("Data", area("recordDataArea", vm.dataProperty(), 3), error("recordDataError", vm.dataError())),
                base64,
                row("Explicit hash key (optional)", field("hashKeyField", vm.explicitHashKeyProperty(), "0 … 2^128-1"),
                        error("hashKeyError", vm.hashKeyError())),
                button("putRecordButton", "Put record", Feather.SEND, vm::putRecord),
                text("putRecordResult", vm.putResult()));
        return new VBox(6, bar("Kinesis data streams", refresh("kinesisRefresh", vm::refresh)), streams,
                shardTable("kinesisShardsTable", vm.shards()), create, put, text("kinesisMessage", vm.message()));
    }

    private static VBox tablesPart(TableStreamsViewModel vm) {
        TableView<TableStreamsViewModel.TableRow> tables = table("tableStreamsTable", vm.tables(),
                "No table streams (lambda-console dynamodb-streams create-stream --table …)");
        tables.getColumns().add(column("Table", 160, TableStreamsViewModel.TableRow::table));
        tables.getColumns().add(column("View type", 150, TableStreamsViewModel.TableRow::viewType));
        tables.getColumns().add(column("Shards", 60, r -> String.valueOf(r.shards())));
        tables.getColumns().add(column("Stream ARN", 420, TableStreamsViewModel.TableRow::arn));
        tables.setPrefHeight(110);
        follow(tables, vm.selectedProperty(), TableStreamsViewModel.TableRow::table);
        ChoiceBox<String> event = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList("INSERT", "MODIFY", "REMOVE"));
        event.setId("eventNameChoice");
        event.valueProperty().bindBidirectional(vm.eventNameProperty());
        VBox put = new VBox(6, heading("Put a change"), text("viewTypeHint", vm.viewTypeHint()),
                row("Event", event, error("changeError", vm.changeError())),
                row("Keys (DynamoDB JSON)", area("keysArea", vm.keysProperty(), 2), error("keysError", vm.keysError())),
                row("NewImage", area("newImageArea", vm.newImageProperty(), 3), error("newImageError", vm.newImageError())),
                row("OldImage", area("oldImageArea", vm.oldImageProperty(), 3), error("oldImageError", vm.oldImageError())),
                button("putChangeButton", "Put change", Feather.SEND, vm::putChange),
                text("putChangeResult", vm.putResult()));
        return new VBox(6, bar("DynamoDB table streams", refresh("tableStreamsRefresh", vm::refresh)), tables,
                shardTable("tableShardsTable", vm.shards()), put, text("tableStreamsMessage", vm.message()));
    }

    public static ServiceSection section(ConsoleServices services) {
        var sim = services.simulators();
        KinesisViewModel kinesis = new KinesisViewModel(sim::kinesis, sim::streams, sim::mappings, services.tasks());
        TableStreamsViewModel tables = new TableStreamsViewModel(sim::dynamoDbStreams, sim::streams, sim::mappings,
                services.tasks());
        StreamsView view = new StreamsView(kinesis, tables);
        kinesis.refresh();
        tables.refresh();
        return new ServiceSection("streamsSection", "Streams", Feather.ACTIVITY, view, null);
    }
}
