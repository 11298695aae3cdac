package dev.lambdaconsole.app.monitor;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.config.Forms;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Monitor's Cost sub-tab: the invocations of a time range with their GB-seconds and estimated price, and a month
 * projected from a typed rate with and without the free tier, each labelled with the price table it comes from.
 */
public final class CostPane extends ScrollPane {
    private final CostViewModel vm;

    public CostPane(CostViewModel vm) {
        this.vm = vm;
        setId("costPane");
        setFitToWidth(true);
        VBox body = new VBox(18, rangeSection(), projectionSection(), Forms.muted(vm.label()
                + ". AWS bills per account and month; these figures come from the engine's invocation records."));
        body.setPadding(new Insets(16));
        body.setMaxWidth(980);
        setContent(body);
    }

    public CostViewModel viewModel() { return vm; }

    private VBox rangeSection() {
        ChoiceBox<TimeRange> range = new ChoiceBox<>(FXCollections.observableArrayList(CostViewModel.RANGES));
        range.setId("costRangeChoice");
        range.valueProperty().bindBidirectional(vm.rangeProperty());
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("costRefreshButton");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setTooltip(new Tooltip("Count the time range again from now"));
        refresh.setOnAction(e -> vm.refresh());
        HBox head = new HBox(10, title("Invocations in range"), range, refresh);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox figures = new HBox(32, figure("Invocations", vm.invocationsProperty(), "costInvocationsLabel"),
                figure("Total GB-seconds", vm.gbSecondsProperty(), "costGbSecondsLabel"),
                figure("Estimated cost", vm.costProperty(), "costTotalLabel"));
        Label detail = Forms.muted("");
        detail.setId("costDetailLabel");
        detail.textProperty().bind(vm.costDetailProperty());
        return new VBox(10, head, figures, detail, Forms.error(vm.messageProperty(), "costMessageLabel"));
    }

    private VBox projectionSection() {
        TextField rate = Forms.text("monthlyInvocationsField", 12);
        rate.textProperty().bindBidirectional(vm.monthlyInvocationsProperty());
        TextField average = Forms.text("averageDurationField", 10);
        average.textProperty().bindBidirectional(vm.averageDurationProperty());
        average.promptTextProperty().bind(vm.averageHintProperty());
        average.setPrefColumnCount(28);
        HBox inputs = new HBox(24,
                Forms.field("Invocations per month", rate, null, null, null),
                Forms.field("Average duration (ms)", average, null, null, "Empty: the average billed duration in range"));
        Label basis = Forms.muted("");
        basis.setId("projectionBasisLabel");
        basis.textProperty().bind(vm.basisProperty());
        HBox results = new HBox(40,
                result("With the free tier", vm.withFreeTierProperty(), vm.withFreeTierDetailProperty(), "withFreeTier"),
                result("Without the free tier", vm.withoutFreeTierProperty(), vm.withoutFreeTierDetailProperty(),
                        "withoutFreeTier"));
        results.visibleProperty().bind(vm.problemProperty().isEmpty());
        results.managedProperty().bind(results.visibleProperty());
        Label freeTier = Forms.muted("The free tier: 1,000,000 requests and 400,000 GB-s a month, on-demand only "
                + "(provisioned concurrency has none); duration is priced in the architecture's tiers.");
        return new VBox(10, title("Monthly projection"), inputs, Forms.error(vm.problemProperty(), "projectionProblemLabel"),
                basis, results, freeTier);
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static VBox figure(String caption, ObservableValue<String> value, String id) {
        Label name = new Label(caption);
        name.getStyleClass().add(Styles.TEXT_MUTED);
        Label shown = new Label();
        shown.setId(id);
        shown.getStyleClass().add(Styles.TITLE_3);
        shown.textProperty().bind(value);
        return new VBox(2, name, shown);
    }

    private static VBox result(String caption, ObservableValue<String> total, ObservableValue<String> detail, String id) {
        VBox box = figure(caption, total, id + "Label");
        Label parts = Forms.muted("");
        parts.setId(id + "DetailLabel");
        parts.textProperty().bind(detail);
        parts.setMaxWidth(440);
        box.getChildren().add(parts);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> !total.getValue().isEmpty(), total));
        return box;
    }

    /** Stops following new invocations and configuration changes. */
    public void close() { vm.close(); }
}
