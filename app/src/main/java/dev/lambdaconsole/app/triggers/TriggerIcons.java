package dev.lambdaconsole.app.triggers;

import dev.lambdaconsole.simulators.triggers.Destination;
import dev.lambdaconsole.simulators.triggers.TriggerKind;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Feather icon of each kind of source and destination. */
final class TriggerIcons {
    private TriggerIcons() { }

    static Feather of(TriggerKind kind) {
        return switch (kind) {
            case S3 -> Feather.ARCHIVE;
            case SQS -> Feather.INBOX;
            case SNS -> Feather.RADIO;
            case EVENTBRIDGE_RULE -> Feather.SHARE_2;
            case SCHEDULE -> Feather.CLOCK;
            case API_GATEWAY -> Feather.GLOBE;
            case FUNCTION_URL -> Feather.LINK;
            case KINESIS -> Feather.ACTIVITY;
            case DYNAMODB -> Feather.DATABASE;
            case LOGS -> Feather.FILE_TEXT;
        };
    }

    static Feather of(Destination.Kind kind) {
        return switch (kind) {
            case SQS -> Feather.INBOX;
            case SNS -> Feather.RADIO;
            case LAMBDA -> Feather.CPU;
            case EVENT_BUS -> Feather.SHARE_2;
            case S3 -> Feather.ARCHIVE;
        };
    }

    static FontIcon icon(TriggerKind kind) { return new FontIcon(of(kind)); }

    static FontIcon icon(Destination.Kind kind) { return new FontIcon(of(kind)); }
}
