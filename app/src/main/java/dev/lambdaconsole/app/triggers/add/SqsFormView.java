package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.triggers.patterns.PatternDialect;
import dev.lambdaconsole.app.triggers.patterns.PatternTesterView;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Add trigger's SQS form. */
public final class SqsFormView implements TriggerForm {
    private final SqsFormViewModel vm;
    private final VBox node;

    public SqsFormView(ConsoleServices services, String function) {
        vm = new SqsFormViewModel(services.simulators(), services.engine().settings(), function, services.tasks());
        ComboBox<String> queue = queuePicker("sqsQueue", vm.queues(), vm.queueProperty());
        TextField batch = FormFields.text("sqsBatchSize", "10", 8);
        batch.textProperty().bindBidirectional(vm.batchSizeProperty());
        TextField window = FormFields.text("sqsBatchWindow", "0", 8);
        window.textProperty().bindBidirectional(vm.batchWindowProperty());
        TextField concurrency = FormFields.text("sqsMaxConcurrency", "", 8);
        concurrency.textProperty().bindBidirectional(vm.maxConcurrencyProperty());
        TextArea filters = filterArea("sqsFilters", vm.filtersProperty());
        node = new VBox(14,
                FormFields.field("SQS queue", queue, vm.queueError(), vm.queueProperty(), "sqsQueueError",
                        "Pick a queue of the local SQS, or type a name: the queue is created."),
                FormFields.check("sqsEnabled", "Activate trigger", vm.enabledProperty()),
                FormFields.field("Batch size", batch, vm.batchSizeError(), vm.batchSizeProperty(), "sqsBatchSizeError",
                        "The largest number of records in one invocation: 1 to 10000 (10 for FIFO queues)."),
                FormFields.field("Batch window (seconds)", window, vm.batchWindowError(), vm.batchWindowProperty(),
                        "sqsBatchWindowError", "How long to gather records before invoking: 0 to 300 seconds."),
                FormFields.field("Maximum concurrency", concurrency, vm.maxConcurrencyError(), vm.maxConcurrencyProperty(),
                        "sqsMaxConcurrencyError", "Concurrent invocations this source may reach: 2 to 1000, or empty."),
                FormFields.check("sqsReportFailures", "Report batch item failures", vm.reportFailuresProperty()),
                FormFields.field("Filter criteria", new VBox(6, filters, PatternTesterView.button(services,
                                PatternDialect.LAMBDA_FILTER, "sqs", "receive-message", filters.textProperty())),
                        vm.filtersError(), vm.filtersProperty(), "sqsFiltersError",
                        "One JSON pattern per line (at most 5), e.g. {\"body\": {\"status\": [\"PAID\"]}}."));
        vm.load();
    }

    static ComboBox<String> queuePicker(String id, javafx.collections.ObservableList<String> items,
                                        javafx.beans.property.StringProperty value) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setEditable(true);
        box.setPrefWidth(360);
        box.getEditor().textProperty().bindBidirectional(value);
        box.valueProperty().addListener((o, was, now) -> { if (now != null) value.set(now); });
        return box;
    }

    static TextArea filterArea(String id, javafx.beans.property.StringProperty value) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPrefRowCount(3);
        area.setPrefColumnCount(48);
        area.setStyle("-fx-font-family: monospace;");
        area.textProperty().bindBidirectional(value);
        return area;
    }

    SqsFormViewModel viewModel() { return vm; }

    @Override public String id() { return "sqs"; }
    @Override public String title() { return "SQS"; }
    @Override public Ikon icon() { return Feather.INBOX; }
    @Override public Node node() { return node; }
    @Override public ObservableBooleanValue validProperty() { return vm.validProperty(); }
    @Override public TaskRunner.Task<String> add() { return vm.add(); }
}
