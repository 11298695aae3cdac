package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.app.common.ConsoleServices;

import java.util.ArrayList;
import java.util.List;

/** The forms of Add trigger, in the Lambda console's order of sources. */
public final class TriggerForms {
    private TriggerForms() { }

    public static List<TriggerForm> all(ConsoleServices services, String function) {
        List<TriggerForm> forms = new ArrayList<>();
        forms.add(new ApiGatewayForm(services, function));
        forms.add(new LogsFormView(services, function));
        forms.add(new StreamFormView(services, function, StreamFormViewModel.Kind.DYNAMODB));
        forms.add(new EventBridgeRuleForm(services, function));
        forms.add(new ScheduleForm(services, function));
        forms.add(new FunctionUrlForm(services, function));
        forms.add(new StreamFormView(services, function, StreamFormViewModel.Kind.KINESIS));
        forms.add(new S3FormView(services, function));
        forms.add(new SnsFormView(services, function));
        forms.add(new SqsFormView(services, function));
        return forms;
    }
}
