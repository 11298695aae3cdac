package dev.lambdaconsole.app.monitor.tuning;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.tuning.PowerTuner;
import dev.lambdaconsole.runtime.tuning.Strategy;
import dev.lambdaconsole.runtime.tuning.TuningRun;
import dev.lambdaconsole.runtime.workspace.TestEvents;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import static dev.lambdaconsole.app.common.Columns.column;


/**
 * Monitor → Power tuning: the form and Run/Cancel with a progress bar on top; the charts, the recommendation and
 * the results table in the middle; earlier runs on the right.
 */
public final class PowerTuningPane extends BorderPane {
    private static final PseudoClass RECOMMENDED = PseudoClass.getPseudoClass("recommended");
    private final PowerTuningViewModel vm;

    public PowerTuningPane(String function, PowerTuner tuner, TestEvents events, TaskRunner tasks) {
        vm = new PowerTuningViewModel(function, tuner, events, tasks);
        setId("powerTuningPane");
        getStyleClass().add("power-tuning-pane");
        getStylesheets().add(PowerTuningPane.class.getResource("power-tuning.css").toExternalForm());
        setPadding(new Insets(8, 0, 0, 0));
        setTop(form());
        SplitPane split = new SplitPane(results(), history());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.76);
        setCenter(split);
        vm.refresh();
    }

    public PowerTuningViewModel viewModel() { return vm; }

    /** The function's page closes: a run under way is cancelled. */
    public void close() { vm.cancel(); }

    private VBox form() {
        ComboBox<String> event = new ComboBox<>(vm.eventNames());
        event.setId("tuningEventChoice");
        event.setPromptText("Saved test event");
        event.valueProperty().bindBidirectional(vm.eventProperty());
        Spinner<Integer> invocations = new Spinner<>(1, 1000, vm.invocationsProperty().get());
        invocations.setId("tuningInvocations");
        invocations.setEditable(true);
        invocations.setPrefWidth(90);
        invocations.valueProperty().addListener((o, was, now) -> { if (now != null) vm.invocationsProperty().set(now); });
        invocations.setTooltip(new Tooltip("Invocations at each size; the fastest and slowest 20 % are left out"));
        ComboBox<Strategy> strategy = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Strategy.values()));
        strategy.setId("tuningStrategy");
        strategy.valueProperty().bindBidirectional(vm.strategyProperty());
        strategy.setConverter(new StringConverter<>() {
            @Override public String toString(Strategy s) {
                return s == null ? "" : switch (s) {
                    case COST -> "Cost (the cheapest)";
                    case SPEED -> "Speed (the fastest)";
                    case BALANCED -> "Balanced";
                };
            }
            @Override public Strategy fromString(String s) { return null; } // not editable
        });
        strategy.setTooltip(new Tooltip("Cost: the cheapest. Speed: the fastest. Balanced: the lowest "
                + "0.5 × cost/max cost + 0.5 × duration/max duration."));

        FlowPane sizes = new FlowPane(10, 4);
        vm.sizes().forEach(s -> sizes.getChildren().add(option(s, "tuningSize" + s.value())));
        HBox architectures = new HBox(10);
        vm.architectures().forEach(a -> architectures.getChildren().add(option(a, "tuningArch-" + a.value())));

        Button run = new Button("Run", new FontIcon(Feather.PLAY));
        run.setId("tuningRunButton");
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("Cancel", new FontIcon(Feather.SQUARE));
        cancel.setId("tuningCancelButton");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("tuningProgress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        Label progress = new Label();
        progress.setId("tuningProgressLabel");
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        progress.textProperty().bind(vm.progressTextProperty());
        progress.visibleProperty().bind(vm.runningProperty());

        HBox first = new HBox(10, label("Event"), event, label("Invocations per size"), invocations,
                label("Strategy"), strategy, label("Architectures"), architectures, run, cancel, bar, progress);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(10, label("Memory"), sizes);
        second.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("tuningMessage");
        message.getStyleClass().add(Styles.DANGER);
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label notes = new Label();
        notes.setId("tuningBackendNotes");
        notes.getStyleClass().add(Styles.WARNING);
        notes.setWrapText(true);
        notes.textProperty().bind(vm.backendNotesProperty());
        notes.setMinHeight(Region.USE_PREF_SIZE);
        notes.managedProperty().bind(notes.textProperty().isNotEmpty());
        VBox box = new VBox(6, first, second, notes, message);
        box.setPadding(new Insets(0, 0, 8, 0));
        return box;
    }

    private static CheckBox option(SizeOption option, String id) {
        CheckBox box = new CheckBox(option.label());
        box.setMnemonicParsing(false); // x86_64 keeps its underscore
        box.setId(id);
        box.selectedProperty().bindBidirectional(option.chosenProperty());
        box.disableProperty().bind(option.unavailableProperty().isNotNull());
        option.unavailableProperty().addListener((o, was, why) -> box.setTooltip(why == null ? null : new Tooltip(why)));
        if (option.unavailableProperty().get() != null) box.setTooltip(new Tooltip(option.unavailableProperty().get()));
        return box;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private VBox results() {
        Label recommendation = new Label();
        recommendation.setId("tuningRecommendation");
        recommendation.setWrapText(true);
        recommendation.getStyleClass().addAll("tuning-recommendation", Styles.SUCCESS);
        recommendation.textProperty().bind(vm.recommendationProperty());
        recommendation.visibleProperty().bind(recommendation.textProperty().isNotEmpty());
        recommendation.managedProperty().bind(recommendation.visibleProperty());
        recommendation.setMaxWidth(Double.MAX_VALUE);
        recommendation.setMinHeight(Region.USE_PREF_SIZE);
        Label notes = new Label();
        notes.setId("tuningRunNotes");
        notes.setWrapText(true);
        notes.getStyleClass().add(Styles.TEXT_MUTED);
        notes.textProperty().bind(vm.runNotesProperty());
        notes.setMinHeight(Region.USE_PREF_SIZE);

        TableView<VariantRow> table = new TableView<>(vm.rows());
        table.setId("tuningResultsTable");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No results yet: choose an event and sizes, then Run."));
        table.getColumns().add(column("Memory", 80, VariantRow::memoryLabel));
        table.getColumns().add(column("Architecture", 90, VariantRow::architecture));
        table.getColumns().add(column("Avg duration", 100, VariantRow::duration));
        table.getColumns().add(column("Avg billed", 90, VariantRow::billed));
        table.getColumns().add(column("Avg cost", 100, VariantRow::cost));
        table.getColumns().add(column("Total cost", 100, VariantRow::total));
        table.getColumns().add(column("Averaged", 80, VariantRow::invocations));
        table.getColumns().add(column("Max memory", 90, VariantRow::maxMemory));
        table.getColumns().add(column("Errors", 140, VariantRow::errors));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(VariantRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(RECOMMENDED, !empty && row != null && row.recommended());
            }
        });
        table.setPrefHeight(170);
        table.setMinHeight(120);
        TuningCharts charts = new TuningCharts(vm.rows());
        VBox box = new VBox(8, recommendation, charts, table, notes);
        VBox.setVgrow(charts, Priority.ALWAYS);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }


    private VBox history() {
        ListView<TuningRun> list = new ListView<>(vm.history());
        list.setId("tuningHistory");
        list.setPlaceholder(new Label("No earlier runs"));
        list.setCellFactory(l -> new ListCell<>() {
            {
                prefWidthProperty().bind(list.widthProperty().subtract(24)); // wrap within the list
            }

            @Override
            protected void updateItem(TuningRun run, boolean empty) {
                super.updateItem(run, empty);
                setText(empty || run == null ? null : PowerTuningViewModel.describe(run));
                setWrapText(true);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, run) -> {
            if (run != null) vm.show(run);
        });
        Label title = new Label("Earlier runs");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(6, title, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }
}
