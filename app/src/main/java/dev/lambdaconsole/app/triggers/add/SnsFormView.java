package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.triggers.patterns.PatternDialect;
import dev.lambdaconsole.app.triggers.patterns.PatternTesterView;
import dev.lambdaconsole.simulators.patterns.SnsFilterPolicy;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Add trigger's SNS form. */
public final class SnsFormView implements TriggerForm {
    private final SnsFormViewModel vm;
    private final VBox node;

    public SnsFormView(ConsoleServices services, String function) {
        vm = new SnsFormViewModel(services.simulators(), services.engine().settings(), function, services.tasks());
        ComboBox<String> topic = SqsFormView.queuePicker("snsTopic", vm.topics(), vm.topicProperty());
        TextArea policy = SqsFormView.filterArea("snsFilterPolicy", vm.filterPolicyProperty());
        ComboBox<SnsFilterPolicy.Scope> scope = new ComboBox<>(FXCollections.observableArrayList(SnsFilterPolicy.Scope.values()));
        scope.setId("snsFilterScope");
        scope.valueProperty().bindBidirectional(vm.scopeProperty());
        Button test = PatternTesterView.button(services, PatternDialect.SNS_FILTER_POLICY, "sns", "notification",
                vm.filterPolicyProperty(), tester -> tester.scopeProperty().set(vm.scopeProperty().get()));
        node = new VBox(14,
                FormFields.field("SNS topic", topic, vm.topicError(), vm.topicProperty(), "snsTopicError",
                        "Pick a topic of the local SNS, or type a name: the topic is created."),
                FormFields.field("Filter policy", new VBox(6, policy, new HBox(10, scope, test)), vm.filterPolicyError(),
                        vm.filterPolicyProperty(), "snsFilterPolicyError",
                        "Optional JSON, e.g. {\"store\": [\"example_corp\"]}; over the message attributes or the body."));
        vm.load();
    }

    SnsFormViewModel viewModel() { return vm; }

    @Override public String id() { return "sns"; }
    @Override public String title() { return "SNS"; }
    @Override public Ikon icon() { return Feather.RADIO; }
    @Override public Node node() { return node; }
    @Override public ObservableBooleanValue validProperty() { return vm.validProperty(); }
    @Override public TaskRunner.Task<String> add() { return vm.add(); }
}
