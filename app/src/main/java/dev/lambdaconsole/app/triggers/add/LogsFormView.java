package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.common.ConsoleServices;
import dev.lambdaconsole.app.triggers.patterns.PatternDialect;
import dev.lambdaconsole.app.triggers.patterns.PatternTesterView;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** Add trigger's CloudWatch Logs form. */
public final class LogsFormView implements TriggerForm {
    private final LogsFormViewModel vm;
    private final VBox node;

    public LogsFormView(ConsoleServices services, String function) {
        vm = new LogsFormViewModel(services.runtime().logSubscriptions(), services.logs(), services.workspace(),
                services.engine().settings(), function, services.tasks());
        ComboBox<String> group = SqsFormView.queuePicker("logsGroup", vm.groups(), vm.groupProperty());
        TextField name = FormFields.text("logsFilterName", "e.g. errors", 24);
        name.textProperty().bindBidirectional(vm.filterNameProperty());
        TextField pattern = FormFields.text("logsFilterPattern", "e.g. ERROR -Retry, or { $.level = \"ERROR\" }", 40);
        pattern.textProperty().bindBidirectional(vm.filterPatternProperty());
        node = new VBox(14,
                FormFields.field("Log group", group, vm.groupError(), vm.groupProperty(), "logsGroupError",
                        "Another function's log group (/aws/lambda/NAME) or a group of the log store."),
                FormFields.field("Filter name", name, vm.filterNameError(), vm.filterNameProperty(), "logsFilterNameError", null),
                FormFields.field("Filter pattern", new HBox(10, pattern, PatternTesterView.button(services,
                                PatternDialect.LOGS_FILTER, "cloudwatch", "logs", vm.filterPatternProperty())),
                        vm.filterPatternError(), vm.filterPatternProperty(), "logsFilterPatternError",
                        "Empty: every log event. Terms, {JSON conditions} or [space-delimited fields]."));
        vm.load();
    }

    LogsFormViewModel viewModel() { return vm; }

    @Override public String id() { return "logs"; }
    @Override public String title() { return "CloudWatch Logs"; }
    @Override public Ikon icon() { return Feather.FILE_TEXT; }
    @Override public Node node() { return node; }
    @Override public ObservableBooleanValue validProperty() { return vm.validProperty(); }
    @Override public TaskRunner.Task<String> add() { return vm.add(); }
}
