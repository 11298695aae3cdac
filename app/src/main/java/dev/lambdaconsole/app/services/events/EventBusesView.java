package dev.lambdaconsole.app.services.events;

import dev.lambdaconsole.app.services.ServiceSection;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import static dev.lambdaconsole.app.services.ServiceControls.area;
import static dev.lambdaconsole.app.services.ServiceControls.bar;
import static dev.lambdaconsole.app.services.ServiceControls.button;
import static dev.lambdaconsole.app.services.ServiceControls.column;
import static dev.lambdaconsole.app.services.ServiceControls.error;
import static dev.lambdaconsole.app.services.ServiceControls.field;
import static dev.lambdaconsole.app.services.ServiceControls.heading;
import static dev.lambdaconsole.app.services.ServiceControls.output;
import static dev.lambdaconsole.app.services.ServiceControls.refresh;
import static dev.lambdaconsole.app.services.ServiceControls.row;
import static dev.lambdaconsole.app.services.ServiceControls.table;
import static dev.lambdaconsole.app.services.ServiceControls.text;

/** Event buses (list, create), the selected bus's rules, and Put event with the rules it matched. */
public final class EventBusesView extends BorderPane {
    private final EventBusesViewModel vm;

    public EventBusesView(EventBusesViewModel vm) {
        this.vm = vm;
        setId("eventBusesView");
        setPadding(new Insets(8));

        ListView<EventBusesViewModel.BusRow> buses = new ListView<>(vm.buses());
        buses.setId("busList");
        buses.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(EventBusesViewModel.BusRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        buses.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) vm.selectedBusProperty().set(now.name());
        });
        vm.selectedBusProperty().addListener((o, was, now) -> select(buses, now));
        vm.buses().addListener((javafx.collections.ListChangeListener<EventBusesViewModel.BusRow>) c ->
                select(buses, vm.selectedBusProperty().get()));
        VBox left = new VBox(6, bar("Event buses"), buses,
                row("New bus", new HBox(6, field("newBusField", vm.newBusNameProperty(), "orders"),
                        button("createBusButton", "Create bus", Feather.PLUS, vm::createBus)),
                        error("newBusError", vm.newBusError())));
        VBox.setVgrow(buses, javafx.scene.layout.Priority.ALWAYS);
        left.setMinWidth(200);

        TableView<EventBusesViewModel.RuleRow> rules = table("rulesTable", vm.rules(), "No rules on this bus");
        rules.getColumns().add(column("Rule", 140, EventBusesViewModel.RuleRow::name));
        rules.getColumns().add(column("Pattern or schedule", 260, EventBusesViewModel.RuleRow::patternOrSchedule));
        rules.getColumns().add(column("State", 80, EventBusesViewModel.RuleRow::state));
        rules.getColumns().add(column("Targets", 240, EventBusesViewModel.RuleRow::targets));
        rules.setPrefHeight(170);

        ComboBox<EventBusesViewModel.Sample> samples = new ComboBox<>(vm.samples());
        samples.setId("sampleChoice");
        samples.setPromptText("Prefill from a sample…");
        samples.setOnAction(e -> vm.pick(samples.getValue()));
        TableView<EventBusesViewModel.RuleMatch> matches = table("matchesTable", vm.matches(), "Put an event to see which rules match");
        matches.getColumns().add(column("Rule", 140, EventBusesViewModel.RuleMatch::rule));
        matches.getColumns().add(column("State", 80, EventBusesViewModel.RuleMatch::state));
        matches.getColumns().add(column("Result", 360, EventBusesViewModel.RuleMatch::verdict));
        matches.setPrefHeight(130);
        Label busLabel = new Label();
        busLabel.textProperty().bind(javafx.beans.binding.Bindings.concat("on bus ", vm.selectedBusProperty()));
        VBox put = new VBox(8,
                new HBox(8, heading("Put event"), busLabel, samples),
                row("Source", field("sourceField", vm.sourceProperty(), "com.example.orders"), error("sourceError", vm.sourceError())),
                row("Detail type", field("detailTypeField", vm.detailTypeProperty(), "OrderPlaced"),
                        error("detailTypeError", vm.detailTypeError())),
                row("Detail (JSON object)", area("detailArea", vm.detailProperty(), 5), error("detailError", vm.detailError())),
                row("Resources (ARNs, one a line)", area("resourcesArea", vm.resourcesProperty(), 2), null),
                button("putEventButton", "Put event", Feather.SEND, vm::putEvent),
                text("putResult", vm.putResult()),
                matches,
                row("The event as EventBridge built it", output("builtEvent", vm.builtEvent(), 8), null));
        VBox right = new VBox(8, bar("Rules", refresh("eventsRefresh", vm::refresh)), rules, put);
        right.setPadding(new Insets(0, 0, 0, 8));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, scroll);
        split.setDividerPositions(0.22);
        setCenter(split);
        setBottom(text("eventsMessage", vm.message()));
    }

    private static void select(ListView<EventBusesViewModel.BusRow> list, String name) {
        list.getItems().stream().filter(b -> b.name().equals(name)).findFirst()
                .ifPresent(b -> list.getSelectionModel().select(b));
    }

    /** The section of the Services page, loaded. */
    public static ServiceSection section(ConsoleServices services) {
        EventBusesViewModel vm = new EventBusesViewModel(services.simulators()::eventBridge, services.tasks());
        EventBusesView view = new EventBusesView(vm);
        vm.refresh();
        vm.loadSamples();
        return new ServiceSection("eventBusesSection", "Event buses", Feather.SHARE_2, view, null);
    }
}
