package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.simulators.SimulatorServices;
import dev.lambdaconsole.simulators.patterns.InvalidPatternException;
import dev.lambdaconsole.simulators.patterns.SnsFilterPolicy;
import dev.lambdaconsole.simulators.sns.SnsService;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Add trigger → SNS: a topic of the local SNS (or a new one), an optional filter policy over the message
 * attributes or the body; subscribes the function (protocol lambda) as Subscribe does.
 */
public final class SnsFormViewModel extends FormModel {
    private final SimulatorServices services;
    private final ObservableList<String> topics = FXCollections.observableArrayList();
    private final StringProperty topic = new SimpleStringProperty("");
    private final StringProperty filterPolicy = new SimpleStringProperty("");
    private final ObjectProperty<SnsFilterPolicy.Scope> scope =
            new SimpleObjectProperty<>(SnsFilterPolicy.Scope.MESSAGE_ATTRIBUTES);
    private final StringBinding topicError;
    private final StringBinding filterPolicyError;

    public SnsFormViewModel(SimulatorServices services, EngineSettings settings, String function, TaskRunner tasks) {
        super(tasks, function, settings);
        this.services = services;
        topicError = rule(() -> FieldRules.topicName(topicName()), topic);
        filterPolicyError = rule(this::policyRule, filterPolicy, scope);
        rulesDeclared();
    }

    /** The topic's name; a topic ARN typed or picked names its last part. */
    private String topicName() {
        String t = topic.get() == null ? "" : topic.get().strip();
        return t.startsWith("arn:") ? t.substring(t.lastIndexOf(':') + 1) : t;
    }

    private String policyRule() {
        if (filterPolicy.get().isBlank()) return null;
        try {
            SnsFilterPolicy.parse(filterPolicy.get(), scope.get());
            return null;
        } catch (InvalidPatternException e) {
            return e.getMessage();
        }
    }

    private SnsService sns() {
        return services.sns().orElseThrow(() -> new IllegalStateException("The local SNS is not running."));
    }

    /** Lists the topics by name (in the background). */
    public void load() {
        tasks.run(() -> sns().topicArns().stream().map(a -> a.substring(a.lastIndexOf(':') + 1)).sorted().toList())
                .onSuccess(topics::setAll);
    }

    @Override
    protected String create() {
        SnsService sns = sns();
        String name = topicName();
        String arn = arn("sns", name);
        boolean created = !sns.topicArns().contains(arn);
        if (created) arn = sns.createTopic(name);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (!filterPolicy.get().isBlank()) {
            attributes.put("FilterPolicy", filterPolicy.get().strip());
            attributes.put("FilterPolicyScope", scope.get().wireName());
        }
        String subscription = sns.subscribe(arn, "lambda", functionArn(), attributes);
        return "SNS topic " + name + (created ? " (new)" : "") + " → " + function + ": " + subscription;
    }

    public ObservableList<String> topics() { return topics; }
    public StringProperty topicProperty() { return topic; }
    public StringProperty filterPolicyProperty() { return filterPolicy; }
    public ObjectProperty<SnsFilterPolicy.Scope> scopeProperty() { return scope; }
    public StringBinding topicError() { return topicError; }
    public StringBinding filterPolicyError() { return filterPolicyError; }
}
