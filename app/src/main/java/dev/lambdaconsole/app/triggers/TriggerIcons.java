package dev.lambdaconsole.app.triggers;

import dev.lambdaconsole.icons.SourceIcon;
import dev.lambdaconsole.simulators.triggers.Destination;
import dev.lambdaconsole.simulators.triggers.TriggerKind;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

import java.util.EnumMap;
import java.util.Map;

/**
 * The drawn icon (icons module) of each kind of source and destination, at 16 px; JavaFX takes the {@code @2x}
 * file beside it on HiDPI screens. One image per icon, shared by every view of it (FX thread only).
 */
final class TriggerIcons {
    static final int SIZE = 16;
    private static final Map<SourceIcon, Image> IMAGES = new EnumMap<>(SourceIcon.class);

    private TriggerIcons() { }

    static SourceIcon of(TriggerKind kind) {
        return switch (kind) {
            case S3 -> SourceIcon.S3;
            case SQS -> SourceIcon.SQS;
            case SNS -> SourceIcon.SNS;
            case EVENTBRIDGE_RULE -> SourceIcon.EVENTBRIDGE;
            case SCHEDULE -> SourceIcon.SCHEDULE;
            case API_GATEWAY -> SourceIcon.API_GATEWAY;
            case FUNCTION_URL -> SourceIcon.FUNCTION_URL;
            case KINESIS -> SourceIcon.KINESIS;
            case DYNAMODB -> SourceIcon.DYNAMODB;
            case LOGS -> SourceIcon.CLOUDWATCH;
        };
    }

    static SourceIcon of(Destination.Kind kind) {
        return switch (kind) {
            case SQS -> SourceIcon.SQS;
            case SNS -> SourceIcon.SNS;
            case LAMBDA -> SourceIcon.LAMBDA;
            case EVENT_BUS -> SourceIcon.EVENTBRIDGE;
            case S3 -> SourceIcon.S3;
        };
    }

    static Node icon(TriggerKind kind) { return view(of(kind)); }

    static Node icon(Destination.Kind kind) { return view(of(kind)); }

    /** The function itself (the overview's middle box). */
    static Node function() { return view(SourceIcon.LAMBDA); }

    static Image image(SourceIcon icon) {
        return IMAGES.computeIfAbsent(icon, i -> new Image(i.url(SIZE).toExternalForm()));
    }

    private static ImageView view(SourceIcon icon) {
        ImageView view = new ImageView(image(icon));
        view.setFitWidth(SIZE);
        view.setFitHeight(SIZE);
        view.getStyleClass().add("source-icon");
        view.setUserData(icon);
        return view;
    }
}
