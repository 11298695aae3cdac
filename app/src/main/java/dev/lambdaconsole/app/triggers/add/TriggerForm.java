package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One source's form in Add trigger (S3, SQS, SNS, EventBridge rule, schedule, API Gateway, Function URL,
 * Kinesis, DynamoDB, CloudWatch Logs). The dialog lists the forms, shows the one picked, enables "Add" while it
 * is valid and calls {@link #add()}.
 */
public interface TriggerForm {
    /** Stable id for tests, e.g. "s3", "sqs", "schedule". */
    String id();

    /** The source's name in the picker, e.g. "S3". */
    String title();

    Ikon icon();

    /** The form's content; built once per dialog. */
    Node node();

    /** True while every field satisfies its rules. */
    ObservableBooleanValue validProperty();

    /** Creates the trigger in the background; succeeds with a one-line summary, fails with the service's error. */
    TaskRunner.Task<String> add();

    /** Releases listeners and timers when the dialog closes. */
    default void close() { }
}
