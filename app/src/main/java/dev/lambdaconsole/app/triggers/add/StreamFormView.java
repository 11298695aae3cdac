package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.triggers.patterns.PatternDialect;
import dev.lambdaconsole.app.triggers.patterns.PatternTesterView;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Add trigger's Kinesis and DynamoDB forms (one view, two kinds). */
public final class StreamFormView implements TriggerForm {
    private final StreamFormViewModel vm;
    private final String id;
    private final VBox node;

    public StreamFormView(ConsoleServices services, String function, StreamFormViewModel.Kind kind) {
        vm = new StreamFormViewModel(services.simulators(), services.engine().settings(), function, kind, services.tasks());
        id = kind == StreamFormViewModel.Kind.KINESIS ? "kinesis" : "dynamodb";
        ComboBox<StreamFormViewModel.StreamChoice> stream = new ComboBox<>(vm.streams());
        stream.setId(id + "Stream");
        stream.setPrefWidth(360);
        stream.valueProperty().addListener((o, was, now) -> vm.streamProperty().set(now == null ? "" : now.name()));
        String none = kind == StreamFormViewModel.Kind.KINESIS
                ? "No streams yet: aws kinesis create-stream --stream-name NAME --endpoint-url " + services.endpointUrl()
                : "No table streams yet: lambda-console dynamodb-streams create-stream --table NAME";
        stream.promptTextProperty().bind(javafx.beans.binding.Bindings.when(javafx.beans.binding.Bindings.isEmpty(vm.streams()))
                .then(none).otherwise("Choose a stream"));
        ComboBox<String> position = new ComboBox<>(FXCollections.observableArrayList(vm.startingPositions()));
        position.setId(id + "StartingPosition");
        position.valueProperty().bindBidirectional(vm.startingPositionProperty());
        TextField timestamp = text("Timestamp", "2026-12-03T10:00:00Z", 20, vm.timestampProperty());
        VBox timestampField = FormFields.field("Timestamp", timestamp, vm.timestampError(), vm.timestampProperty(),
                id + "TimestampError", null);
        timestampField.visibleProperty().bind(vm.startingPositionProperty().isEqualTo("AT_TIMESTAMP"));
        timestampField.managedProperty().bind(timestampField.visibleProperty());
        TextArea filters = SqsFormView.filterArea(id + "Filters", vm.filtersProperty());
        FlowPane numbers = new FlowPane(24, 14,
                number("Batch size", "BatchSize", vm.batchSizeProperty(), vm.batchSizeError(), "1 to 10000"),
                number("Batch window (seconds)", "BatchWindow", vm.batchWindowProperty(), vm.batchWindowError(), "0 to 300"),
                number("Retry attempts", "Retries", vm.retriesProperty(), vm.retriesError(), "-1 (until the record expires) to 10000"),
                number("Maximum record age (seconds)", "MaxAge", vm.maxAgeProperty(), vm.maxAgeError(), "-1 (infinite) or 60 to 604800"),
                number("Concurrent batches per shard", "Parallelization", vm.parallelizationProperty(), vm.parallelizationError(), "1 to 10"),
                number("Tumbling window (seconds)", "Tumbling", vm.tumblingProperty(), vm.tumblingError(), "0 to 900"));
        numbers.setPrefWrapLength(640);
        TextField onFailure = text("OnFailure", "arn:aws:sqs:us-east-1:000000000000:failed", 40, vm.onFailureProperty());
        node = new VBox(14,
                FormFields.field(kind == StreamFormViewModel.Kind.KINESIS ? "Kinesis stream" : "DynamoDB table", stream,
                        vm.streamError(), vm.streamProperty(), id + "StreamError",
                        kind == StreamFormViewModel.Kind.KINESIS ? "A stream of the local Kinesis."
                                : "A table of the local DynamoDB Streams that has a stream."),
                FormFields.check(id + "Enabled", "Activate trigger", vm.enabledProperty()),
                FormFields.field("Starting position", position, null, null, null, null),
                timestampField, numbers,
                FormFields.check(id + "Bisect", "Split batch on error", vm.bisectProperty()),
                FormFields.check(id + "ReportFailures", "Report batch item failures", vm.reportFailuresProperty()),
                FormFields.field("On-failure destination", onFailure, vm.onFailureError(), vm.onFailureProperty(),
                        id + "OnFailureError", "Optional: an SQS queue or SNS topic ARN for records that failed."),
                FormFields.field("Filter criteria", new VBox(6, filters, PatternTesterView.button(services,
                                PatternDialect.LAMBDA_FILTER, id, kind == StreamFormViewModel.Kind.KINESIS ? "get-records" : "insert",
                                filters.textProperty())), vm.filtersError(), vm.filtersProperty(), id + "FiltersError",
                        "One JSON pattern per line (at most 5)."));
        vm.load();
    }

    private TextField text(String suffix, String prompt, int columns, StringProperty value) {
        TextField f = FormFields.text(id + suffix, prompt, columns);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private VBox number(String label, String suffix, StringProperty value, javafx.beans.binding.StringBinding error, String hint) {
        return FormFields.field(label, text(suffix, "", 8, value), error, value, id + suffix + "Error", hint);
    }

    StreamFormViewModel viewModel() { return vm; }

    @Override public String id() { return id; }
    @Override public String title() { return vm.kind() == StreamFormViewModel.Kind.KINESIS ? "Kinesis" : "DynamoDB"; }
    @Override public Ikon icon() { return vm.kind() == StreamFormViewModel.Kind.KINESIS ? Feather.ACTIVITY : Feather.DATABASE; }
    @Override public Node node() { return node; }
    @Override public ObservableBooleanValue validProperty() { return vm.validProperty(); }
    @Override public TaskRunner.Task<String> add() { return vm.add(); }
}
