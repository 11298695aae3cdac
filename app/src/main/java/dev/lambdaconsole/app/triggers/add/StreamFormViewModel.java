package dev.lambdaconsole.app.triggers.add;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.SimulatorServices;
import dev.lambdaconsole.simulators.mappings.Mapping;
import dev.lambdaconsole.simulators.streams.Stream;
import dev.lambdaconsole.simulators.streams.StreamInfo;
import dev.lambdaconsole.simulators.streams.StreamStore;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Add trigger → Kinesis or DynamoDB: a stream of the local services, where to start, batching, retries and
 * record age, bisect, parallelization, tumbling window, an on-failure destination, partial batch responses and
 * filters; created with CreateEventSourceMapping's JSON, so its rules and errors are Lambda's.
 */
public final class StreamFormViewModel extends FormModel {
    public enum Kind { KINESIS, DYNAMODB }

    /** A stream to pick: shown by name (a table's name for DynamoDB). */
    public record StreamChoice(String name, String arn) {
        @Override public String toString() { return name; }
    }

    private final SimulatorServices services;
    private final Kind kind;
    private final ObservableList<StreamChoice> streams = FXCollections.observableArrayList();
    private final StringProperty stream = new SimpleStringProperty("");
    private final StringProperty startingPosition = new SimpleStringProperty("LATEST");
    private final StringProperty timestamp = new SimpleStringProperty("");
    private final StringProperty batchSize = new SimpleStringProperty("100");
    private final StringProperty batchWindow = new SimpleStringProperty("0");
    private final StringProperty retries = new SimpleStringProperty("-1");
    private final StringProperty maxAge = new SimpleStringProperty("-1");
    private final BooleanProperty bisect = new SimpleBooleanProperty(false);
    private final StringProperty parallelization = new SimpleStringProperty("1");
    private final StringProperty tumbling = new SimpleStringProperty("0");
    private final StringProperty onFailure = new SimpleStringProperty("");
    private final BooleanProperty reportFailures = new SimpleBooleanProperty(false);
    private final StringProperty filters = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringBinding streamError;
    private final StringBinding timestampError;
    private final StringBinding batchSizeError;
    private final StringBinding batchWindowError;
    private final StringBinding retriesError;
    private final StringBinding maxAgeError;
    private final StringBinding parallelizationError;
    private final StringBinding tumblingError;
    private final StringBinding onFailureError;
    private final StringBinding filtersError;

    public StreamFormViewModel(SimulatorServices services, EngineSettings settings, String function, Kind kind,
                               TaskRunner tasks) {
        super(tasks, function, settings);
        this.services = services;
        this.kind = kind;
        streamError = rule(() -> resolved().isPresent() ? null : stream.get().isBlank()
                ? (kind == Kind.KINESIS ? "Choose a Kinesis stream." : "Choose a DynamoDB table with a stream.")
                : (kind == Kind.KINESIS ? "There is no Kinesis stream " : "There is no stream of DynamoDB table ")
                + stream.get().strip() + " in the local services.", stream, streams);
        timestampError = rule(this::timestampRule, timestamp, startingPosition);
        batchSizeError = rule(() -> FieldRules.wholeNumber(batchSize.get(), 1, 10000, false), batchSize);
        batchWindowError = rule(() -> FieldRules.wholeNumber(batchWindow.get(), 0, 300, true), batchWindow);
        retriesError = rule(() -> FieldRules.wholeNumber(retries.get(), -1, 10000, true), retries);
        maxAgeError = rule(this::maxAgeRule, maxAge);
        parallelizationError = rule(() -> FieldRules.wholeNumber(parallelization.get(), 1, 10, true), parallelization);
        tumblingError = rule(() -> FieldRules.wholeNumber(tumbling.get(), 0, 900, true), tumbling);
        onFailureError = rule(this::destinationRule, onFailure);
        filtersError = rule(() -> FieldRules.filterProblem(filters.get()), filters);
        rulesDeclared();
    }

    /** Where a mapping may start reading this kind of stream. */
    public List<String> startingPositions() {
        return kind == Kind.KINESIS ? List.of("LATEST", "TRIM_HORIZON", "AT_TIMESTAMP") : List.of("LATEST", "TRIM_HORIZON");
    }

    private String timestampRule() {
        if (!"AT_TIMESTAMP".equals(startingPosition.get())) return null;
        if (timestamp.get().isBlank()) return "Enter the time to start reading from, e.g. 2026-12-03T10:00:00Z.";
        try {
            Instant.parse(timestamp.get().strip());
            return null;
        } catch (DateTimeParseException e) {
            return "Enter the time as ISO-8601 in UTC, e.g. 2026-12-03T10:00:00Z.";
        }
    }

    private String maxAgeRule() {
        String range = FieldRules.wholeNumber(maxAge.get(), -1, 604800, true);
        if (range != null) return "Must be -1 (infinite) or between 60 and 604800.";
        int age = FieldRules.number(maxAge.get(), -1);
        return age != -1 && age < 60 ? "Must be -1 (infinite) or between 60 and 604800." : null;
    }

    private String destinationRule() {
        String d = onFailure.get().strip();
        if (d.isEmpty()) return null;
        if (!d.matches("arn:aws[a-z-]*:(sqs|sns):[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]+")) {
            return "The on-failure destination must be the ARN of an SQS queue or an SNS topic.";
        }
        return null;
    }

    private Optional<StreamChoice> resolved() {
        String s = stream.get() == null ? "" : stream.get().strip();
        return streams.stream().filter(c -> c.name().equals(s) || c.arn().equals(s)).findFirst();
    }

    /** Lists the streams of this kind (in the background). */
    public void load() {
        tasks.run(this::choices).onSuccess(streams::setAll);
    }

    private List<StreamChoice> choices() {
        List<Stream> list = kind == Kind.DYNAMODB ? services.dynamoDbStreams().streams()
                : services.streams() instanceof StreamStore store ? store.streams(StreamInfo.Kind.KINESIS) : List.of();
        return list.stream().map(s -> new StreamChoice(s.name(), s.arn())).toList();
    }

    @Override
    protected String create() {
        StreamChoice s = resolved().orElseThrow();
        Mapping m = services.mappings().orElseThrow(() -> new IllegalStateException("The event source mappings are not running."))
                .create(request(s.arn()));
        return (kind == Kind.KINESIS ? "Kinesis stream " : "DynamoDB table ") + s.name() + " → " + function
                + ": event source mapping " + m.uuid();
    }

    ObjectNode request(String streamArn) {
        ObjectNode r = Json.object().put("FunctionName", function).put("EventSourceArn", streamArn)
                .put("Enabled", enabled.get()).put("StartingPosition", startingPosition.get())
                .put("BatchSize", FieldRules.number(batchSize.get(), 100));
        if ("AT_TIMESTAMP".equals(startingPosition.get())) {
            r.put("StartingPositionTimestamp", Instant.parse(timestamp.get().strip()).toEpochMilli() / 1000.0);
        }
        r.put("MaximumBatchingWindowInSeconds", FieldRules.number(batchWindow.get(), 0));
        r.put("MaximumRetryAttempts", FieldRules.number(retries.get(), -1));
        r.put("MaximumRecordAgeInSeconds", FieldRules.number(maxAge.get(), -1));
        r.put("BisectBatchOnFunctionError", bisect.get());
        r.put("ParallelizationFactor", FieldRules.number(parallelization.get(), 1));
        r.put("TumblingWindowInSeconds", FieldRules.number(tumbling.get(), 0));
        if (!onFailure.get().isBlank()) {
            r.putObject("DestinationConfig").putObject("OnFailure").put("Destination", onFailure.get().strip());
        }
        if (reportFailures.get()) r.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
        SqsFormViewModel.putFilters(r, filters.get());
        return r;
    }

    public Kind kind() { return kind; }
    public ObservableList<StreamChoice> streams() { return streams; }
    public StringProperty streamProperty() { return stream; }
    public StringProperty startingPositionProperty() { return startingPosition; }
    public StringProperty timestampProperty() { return timestamp; }
    public StringProperty batchSizeProperty() { return batchSize; }
    public StringProperty batchWindowProperty() { return batchWindow; }
    public StringProperty retriesProperty() { return retries; }
    public StringProperty maxAgeProperty() { return maxAge; }
    public BooleanProperty bisectProperty() { return bisect; }
    public StringProperty parallelizationProperty() { return parallelization; }
    public StringProperty tumblingProperty() { return tumbling; }
    public StringProperty onFailureProperty() { return onFailure; }
    public BooleanProperty reportFailuresProperty() { return reportFailures; }
    public StringProperty filtersProperty() { return filters; }
    public BooleanProperty enabledProperty() { return enabled; }
    public StringBinding streamError() { return streamError; }
    public StringBinding timestampError() { return timestampError; }
    public StringBinding batchSizeError() { return batchSizeError; }
    public StringBinding batchWindowError() { return batchWindowError; }
    public StringBinding retriesError() { return retriesError; }
    public StringBinding maxAgeError() { return maxAgeError; }
    public StringBinding parallelizationError() { return parallelizationError; }
    public StringBinding tumblingError() { return tumblingError; }
    public StringBinding onFailureError() { return onFailureError; }
    public StringBinding filtersError() { return filtersError; }
}
