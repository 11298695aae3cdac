package dev.lambdaconsole.app.monitor;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.monitor.tuning.PowerTuningPane;
import dev.lambdaconsole.runtime.tuning.PowerTuner;
import dev.lambdaconsole.app.versions.QualifierChoices;
import dev.lambdaconsole.app.versions.QualifierChooser;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The function page's Monitor tab, in sub-tabs. Invocations and logs: the recent invocations (time, request id,
 * duration, billed, memory, cold or warm, status, sync or async, estimated cost) above the function's logs. Choosing an invocation (click or Enter) shows
 * its log events; new invocations and events appear as they happen. Traces: their timelines. Cost: the estimated
 * price of a time range and a monthly projection.
 */
public final class MonitorView extends BorderPane {
    private final MonitorViewModel vm;
    private final QualifierChoices qualifiers;
    private final TableView<InvocationRow> table;
    private final LogViewerPane logs;
    private final ChangeListener<String> shownInvocation = (o, was, now) -> selectRow(now);
    private final ChangeListener<String> chosenInvocation = (o, was, now) -> {
        if (now != null) selectRow(now);
    };
    private final TabPane subTabs = new TabPane();
    private final Tab invocationsTab;
    private final dev.lambdaconsole.app.monitor.metrics.MetricsView metrics;
    private final PowerTuningPane tuning;
    private boolean selecting;
    private final TracesView traces;
    private final CostPane cost;

    public MonitorView(ConsoleServices services, String function) {
        vm = new MonitorViewModel(function, services.logs(), services.tasks());
        qualifiers = new QualifierChoices(function, services.workspace(), services.tasks(), true);
        setId("monitorView");
        getStyleClass().add("monitor-view");
        setPadding(new Insets(12));

        table = InvocationsTable.create(vm);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (!selecting && row != null) vm.showInvocation(row.requestId());
        });
        table.setOnMouseClicked(e -> { // a click on the row already chosen shows it again (after "Show all")
            InvocationRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) vm.showInvocation(row.requestId());
        });
        table.setOnKeyPressed(e -> {
            InvocationRow row = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && row != null) vm.showInvocation(row.requestId());
        });
        vm.logs().requestIdProperty().addListener(shownInvocation);
        vm.selectedInvocationProperty().addListener(chosenInvocation);

        logs = new LogViewerPane(vm.logs(), services.progress());
        SplitPane split = new SplitPane(section("Recent invocations", table), section("Logs", logs));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.38);
        invocationsTab = new Tab("Invocations and logs", split);
        invocationsTab.setId("monitorInvocationsTab");
        subTabs.getTabs().add(invocationsTab);
        metrics = new dev.lambdaconsole.app.monitor.metrics.MetricsView(services, function);
        metrics.viewModel().qualifierProperty().bind(vm.qualifierProperty());
        Tab metricsTab = new Tab("Metrics", metrics);
        metricsTab.setId("monitorMetricsTab");
        subTabs.getTabs().add(metricsTab);
        subTabs.setId("monitorSubTabs");
        subTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        traces = new TracesView(new TracesViewModel(vm.invocations()), this::showInvocation);
        cost = new CostPane(new CostViewModel(function, services.logs(), services.workspace(), services.tasks()));
        Tab costTab = subTab("Cost", "monitorCostTab", cost);
        costTab.setOnSelectionChanged(e -> { if (costTab.isSelected()) cost.viewModel().refresh(); });
        subTabs.getTabs().addAll(subTab("Traces", "monitorTracesTab", traces), costTab);
        tuning = new PowerTuningPane(function, new PowerTuner(services.engine()), services.workspace().events(),
                services.tasks());
        Tab tuningTab = new Tab("Power tuning", tuning);
        tuningTab.setId("monitorTuningTab");
        tuningTab.setOnSelectionChanged(e -> { if (tuningTab.isSelected()) tuning.viewModel().refresh(); });
        subTabs.getTabs().add(tuningTab);
        setTop(header());
        setCenter(subTabs);
        vm.refresh();
    }

    public MonitorViewModel viewModel() { return vm; }

    /**
     * Chooses invocation {@code requestId} in the table and shows its log events; an invocation older than the
     * rows listed is read and listed, one not recorded yet is chosen when its record arrives.
     */
    public void showInvocation(String requestId) {
        subTabs.getSelectionModel().select(invocationsTab);
        vm.showInvocation(requestId);
        selectRow(requestId);
    }

    private void selectRow(String requestId) {
        selecting = true;
        try {
            if (requestId == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            for (InvocationRow row : table.getItems()) {
                if (row.requestId().equals(requestId)) {
                    table.getSelectionModel().select(row);
                    table.scrollTo(row);
                    return;
                }
            }
        } finally {
            selecting = false;
        }
    }

    private HBox header() {
        Label title = new Label("Monitor");
        title.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label();
        summary.setId("invocationSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Label message = new Label();
        message.getStyleClass().add(Styles.DANGER);
        message.textProperty().bind(vm.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("monitorRefreshButton");
        refresh.setTooltip(new Tooltip("Read the invocations and logs again"));
        refresh.setOnAction(e -> vm.refresh());
        QualifierChooser qualifier = new QualifierChooser(qualifiers, vm.qualifierProperty());
        qualifier.setId("monitorQualifierChoice");
        qualifier.setTooltip(new Tooltip("List the invocations a version ran (called directly or through an alias), "
                + "or those called through an alias"));
        HBox header = new HBox(12, title, summary, message, spacer, qualifier, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 8, 0));
        return header;
    }

    private static Tab subTab(String title, String id, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    private static VBox section(String title, javafx.scene.Node content) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(6, label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setPadding(new Insets(6, 0, 6, 0));
        return box;
    }

    /** Stops listening to the log store and the view model. */
    public void close() {
        qualifiers.close();
        traces.close();
        cost.close();
        vm.logs().requestIdProperty().removeListener(shownInvocation);
        vm.selectedInvocationProperty().removeListener(chosenInvocation);
        logs.close();
        metrics.close();
        tuning.close();
        vm.close();
    }
}
