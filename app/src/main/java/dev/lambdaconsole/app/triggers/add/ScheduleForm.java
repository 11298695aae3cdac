package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.time.Clock;

/** Add trigger → Schedule: an EventBridge rule with rate() or cron(), its next five fire times shown as you type. */
public final class ScheduleForm implements TriggerForm {
    private final ScheduleFormViewModel vm;
    private Node node;

    public ScheduleForm(ConsoleServices services, String function) {
        vm = new ScheduleFormViewModel(function, services.engine().settings().functionArn(function),
                () -> services.simulators().eventBridge(), services.tasks(), Clock.systemUTC(), Debouncer.TYPING_PAUSE);
        vm.load();
    }

    public ScheduleFormViewModel viewModel() { return vm; }

    @Override public String id() { return "schedule"; }
    @Override public String title() { return "Schedule (EventBridge)"; }
    @Override public Ikon icon() { return Feather.CLOCK; }
    @Override public ObservableBooleanValue validProperty() { return vm.validProperty(); }
    @Override public TaskRunner.Task<String> add() { return vm.add(); }
    @Override public void close() { vm.close(); }

    @Override
    public Node node() {
        if (node == null) node = build();
        return node;
    }

    private Node build() {
        TextField name = FormNodes.text("scheduleRuleName", 30, vm.ruleNameProperty());
        name.setPromptText("every-five-minutes");
        TextField description = FormNodes.text("scheduleDescription", 40, vm.descriptionProperty());
        TextField expression = FormNodes.text("scheduleExpression", 30, vm.expressionProperty());
        expression.setPromptText("rate(5 minutes)");
        SearchableComboBox<String> zone = new SearchableComboBox<>();
        zone.setId("scheduleZone");
        zone.getItems().setAll(ScheduleFormViewModel.zones());
        zone.valueProperty().bindBidirectional(vm.zoneProperty());
        Label times = new Label();
        times.setId("scheduleNextTimes");
        times.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.nextTimes().get()), vm.nextTimes()));
        CheckBox enabled = new CheckBox("Enable the rule");
        enabled.setId("scheduleEnabled");
        enabled.selectedProperty().bindBidirectional(vm.enabledProperty());
        VBox timesBox = FormNodes.field("Next five fire times", times, vm.zoneNote(), "scheduleZoneNote", null);
        FormNodes.showWhen(timesBox, Bindings.isNotEmpty(times.textProperty()));
        return FormNodes.body(
                FormNodes.field("Rule name", name, vm.ruleNameError(), "scheduleRuleNameError",
                        "Up to 64 letters, digits, '.', '-' and '_'; unique on the default event bus."),
                FormNodes.field("Description (optional)", description, vm.descriptionError(), "scheduleDescriptionError", null),
                FormNodes.field("Schedule expression", expression, vm.expressionError(), "scheduleExpressionError",
                        "rate(value unit), e.g. rate(5 minutes), or cron(minutes hours day-of-month month day-of-week "
                                + "year), e.g. cron(0 12 * * ? *). Rules read cron() in UTC."),
                FormNodes.field("Show times in", zone, null, null, null),
                timesBox,
                enabled);
    }
}
