package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.config.Forms;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.triggers.add.EventBridgeRuleFormViewModel.Mode;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/** Add trigger → EventBridge rule: a new rule with an event pattern, or an existing rule, on a chosen bus. */
public final class EventBridgeRuleForm implements TriggerForm {
    private final EventBridgeRuleFormViewModel vm;
    private Node node;

    public EventBridgeRuleForm(ConsoleServices services, String function) {
        vm = new EventBridgeRuleFormViewModel(function, services.engine().settings().functionArn(function),
                () -> services.simulators().eventBridge(), services.tasks());
        vm.load();
    }

    public EventBridgeRuleFormViewModel viewModel() { return vm; }

    @Override public String id() { return "eventbridge"; }
    @Override public String title() { return "EventBridge (CloudWatch Events)"; }
    @Override public Ikon icon() { return Feather.ZAP; }
    @Override public ObservableBooleanValue validProperty() { return vm.validProperty(); }
    @Override public TaskRunner.Task<String> add() { return vm.add(); }

    @Override
    public Node node() {
        if (node == null) node = build();
        return node;
    }

    private Node build() {
        ComboBox<Mode> mode = FormNodes.choice("ruleMode", List.of(Mode.NEW, Mode.EXISTING), vm.modeProperty(),
                m -> m == Mode.NEW ? "Create a new rule" : "Existing rules");
        ComboBox<String> bus = FormNodes.choice("ruleBus", vm.buses().get(), vm.busProperty(), s -> s);
        FormNodes.items(bus, vm.buses());
        ComboBox<String> existing = FormNodes.choice("ruleExisting", vm.rulesOfBus().get(), vm.existingRuleProperty(), s -> s);
        FormNodes.items(existing, vm.rulesOfBus());
        TextField name = FormNodes.text("ruleName", 30, vm.ruleNameProperty());
        TextField description = FormNodes.text("ruleDescription", 40, vm.descriptionProperty());
        TextArea pattern = new TextArea();
        pattern.setId("rulePattern");
        pattern.setPrefRowCount(7);
        pattern.setPromptText("{\n  \"source\": [\"com.example.orders\"],\n  \"detail-type\": [\"Order Placed\"]\n}");
        pattern.textProperty().bindBidirectional(vm.patternProperty());
        CheckBox enabled = new CheckBox("Enable the rule");
        enabled.setId("ruleEnabled");
        enabled.selectedProperty().bindBidirectional(vm.enabledProperty());
        ObservableBooleanValue creating = Bindings.equal(vm.modeProperty(), Mode.NEW);

        VBox patternField = FormNodes.field("Event pattern", pattern, vm.patternError(), "rulePatternError",
                "JSON, matched as the bus matches events (prefix, anything-but, numeric, exists, wildcard, $or, …).");
        Label patternError = (Label) patternField.lookup("#rulePatternError");
        patternError.setCursor(Cursor.HAND);
        patternError.setTooltip(new Tooltip("Click to put the cursor where the error is"));
        patternError.setOnMouseClicked(e -> caretTo(pattern, vm.patternProblem().get()));
        Label loadError = Forms.error(vm.loadError(), "ruleLoadError");
        return FormNodes.body(
                loadError,
                FormNodes.field("Rule", mode, null, null, null),
                FormNodes.field("Event bus", bus, null, null, "The default bus or one of your custom buses."),
                FormNodes.showWhen(FormNodes.field("Existing rule", existing, vm.existingRuleError(), "ruleExistingError",
                        null), Bindings.not(creating)),
                FormNodes.showWhen(FormNodes.field("Rule name", name, vm.ruleNameError(), "ruleNameError",
                        "Up to 64 letters, digits, '.', '-' and '_'."), creating),
                FormNodes.showWhen(FormNodes.field("Description (optional)", description, vm.descriptionError(),
                        "ruleDescriptionError", null), creating),
                FormNodes.showWhen(patternField, creating),
                FormNodes.showWhen(enabled, creating));
    }

    /** Puts the caret at a syntax error's line and column. */
    private static void caretTo(TextArea area, EventBridgeRuleFormViewModel.PatternProblem problem) {
        if (problem == null || problem.line() <= 0) return;
        String text = area.getText();
        int offset = 0;
        for (int line = 1; line < problem.line() && offset >= 0; line++) {
            offset = text.indexOf('\n', offset);
            if (offset >= 0) offset++;
        }
        if (offset < 0) offset = text.length();
        area.requestFocus();
        area.positionCaret(Math.min(text.length(), offset + Math.max(0, problem.column() - 1)));
    }
}
