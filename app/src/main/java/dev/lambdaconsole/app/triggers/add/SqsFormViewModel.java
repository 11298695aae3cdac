package dev.lambdaconsole.app.triggers.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.SimulatorServices;
import dev.lambdaconsole.simulators.mappings.Mapping;
import dev.lambdaconsole.simulators.sqs.SqsAccess;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * Add trigger → SQS: a queue of the local SQS (or a new one), batch size and window, report batch item failures,
 * maximum concurrency, filter criteria and enabled; created through the event source mapping service with the
 * JSON of CreateEventSourceMapping, so its rules and errors are Lambda's.
 */
public final class SqsFormViewModel extends FormModel {
    private final SimulatorServices services;
    private final ObservableList<String> queues = FXCollections.observableArrayList();
    private final StringProperty queue = new SimpleStringProperty("");
    private final StringProperty batchSize = new SimpleStringProperty("10");
    private final StringProperty batchWindow = new SimpleStringProperty("0");
    private final BooleanProperty reportFailures = new SimpleBooleanProperty(false);
    private final StringProperty maxConcurrency = new SimpleStringProperty("");
    private final StringProperty filters = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringBinding queueError;
    private final StringBinding batchSizeError;
    private final StringBinding batchWindowError;
    private final StringBinding maxConcurrencyError;
    private final StringBinding filtersError;

    public SqsFormViewModel(SimulatorServices services, EngineSettings settings, String function, TaskRunner tasks) {
        super(tasks, function, settings);
        this.services = services;
        queueError = rule(() -> FieldRules.queueName(queue.get()), queue);
        batchSizeError = rule(this::batchSizeRule, batchSize, batchWindow, queue);
        batchWindowError = rule(() -> FieldRules.wholeNumber(batchWindow.get(), 0, 300, true) == null && fifo()
                && FieldRules.number(batchWindow.get(), 0) > 0
                ? "A batch window is not supported for FIFO queues." : FieldRules.wholeNumber(batchWindow.get(), 0, 300, true),
                batchWindow, queue);
        maxConcurrencyError = rule(() -> FieldRules.wholeNumber(maxConcurrency.get(), 2, 1000, true), maxConcurrency);
        filtersError = rule(() -> FieldRules.filterProblem(filters.get()), filters);
        rulesDeclared();
    }

    private boolean fifo() { return queue.get() != null && queue.get().strip().endsWith(".fifo"); }

    private String batchSizeRule() {
        String range = FieldRules.wholeNumber(batchSize.get(), 1, 10000, false);
        if (range != null) return range;
        int size = FieldRules.number(batchSize.get(), 10);
        if (fifo() && size > 10) return "Batch size for FIFO queues must be between 1 and 10.";
        if (size > 10 && FieldRules.number(batchWindow.get(), 0) == 0) {
            return "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10.";
        }
        return null;
    }

    /** Lists the local SQS's queues (in the background). */
    public void load() {
        tasks.run(this::queueNames).onSuccess(queues::setAll);
    }

    private List<String> queueNames() {
        SqsAccess sqs = services.sqs().orElseThrow(() -> new IllegalStateException("The local SQS is not running."));
        List<String> names = new ArrayList<>();
        for (JsonNode url : sqs.call("ListQueues", Json.object()).path("QueueUrls")) {
            String u = url.asText();
            names.add(u.substring(u.lastIndexOf('/') + 1));
        }
        names.sort(null);
        return names;
    }

    @Override
    protected String create() {
        SqsAccess sqs = services.sqs().orElseThrow(() -> new IllegalStateException("The local SQS is not running."));
        String name = queue.get().strip();
        String queueArn = arn("sqs", name);
        boolean created = false;
        if (sqs.queue(queueArn).isEmpty()) {
            ObjectNode request = Json.object().put("QueueName", name);
            if (name.endsWith(".fifo")) request.putObject("Attributes").put("FifoQueue", "true");
            sqs.call("CreateQueue", request);
            created = true;
        }
        Mapping m = services.mappings().orElseThrow(() -> new IllegalStateException("The event source mappings are not running."))
                .create(request(queueArn));
        return "SQS queue " + name + (created ? " (new)" : "") + " → " + function + ": event source mapping " + m.uuid();
    }

    /** The CreateEventSourceMapping request the form stands for. */
    ObjectNode request(String queueArn) {
        ObjectNode r = Json.object().put("FunctionName", function).put("EventSourceArn", queueArn)
                .put("Enabled", enabled.get()).put("BatchSize", FieldRules.number(batchSize.get(), 10));
        if (!batchWindow.get().isBlank()) r.put("MaximumBatchingWindowInSeconds", FieldRules.number(batchWindow.get(), 0));
        if (reportFailures.get()) r.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
        if (!maxConcurrency.get().isBlank()) {
            r.putObject("ScalingConfig").put("MaximumConcurrency", FieldRules.number(maxConcurrency.get(), 2));
        }
        putFilters(r, filters.get());
        return r;
    }

    static void putFilters(ObjectNode request, String text) {
        List<String> patterns = FieldRules.filterPatterns(text);
        if (patterns.isEmpty()) return;
        ArrayNode list = request.putObject("FilterCriteria").putArray("Filters");
        for (String p : patterns) list.addObject().put("Pattern", p);
    }

    public ObservableList<String> queues() { return queues; }
    public StringProperty queueProperty() { return queue; }
    public StringProperty batchSizeProperty() { return batchSize; }
    public StringProperty batchWindowProperty() { return batchWindow; }
    public BooleanProperty reportFailuresProperty() { return reportFailures; }
    public StringProperty maxConcurrencyProperty() { return maxConcurrency; }
    public StringProperty filtersProperty() { return filters; }
    public BooleanProperty enabledProperty() { return enabled; }
    public StringBinding queueError() { return queueError; }
    public StringBinding batchSizeError() { return batchSizeError; }
    public StringBinding batchWindowError() { return batchWindowError; }
    public StringBinding maxConcurrencyError() { return maxConcurrencyError; }
    public StringBinding filtersError() { return filtersError; }
}
