package dev.lambdaconsole.simulators.activity;

import dev.lambdaconsole.simulators.mappings.Delivery;
import dev.lambdaconsole.simulators.push.PushDelivery;

import java.util.List;
import java.util.function.Function;

/** Reads the two delivery records (push sources, event source mappings) as activity entries. */
final class ActivityEntries {
    private ActivityEntries() { }

    /**
     * A push delivery; {@code onFailureDestination} gives a function's asynchronous on-failure destination (or
     * null), which is where an event that exhausted its retries or grew too old went.
     */
    static ActivityEntry of(PushDelivery d, Function<String, String> onFailureDestination) {
        String destination = null;
        ActivityResult result = switch (d.status() == null ? "" : d.status()) {
            case PushDelivery.QUEUED -> ActivityResult.QUEUED;
            case PushDelivery.SUCCESS -> ActivityResult.SUCCESS;
            case PushDelivery.FUNCTION_ERROR -> ActivityResult.FUNCTION_ERROR;
            case PushDelivery.RETRIES_EXHAUSTED, PushDelivery.EVENT_AGE_EXCEEDED -> {
                destination = onFailureDestination.apply(d.functionName());
                if (PushDelivery.EVENT_AGE_EXCEEDED.equals(d.status())) yield ActivityResult.EVENT_AGE_EXCEEDED;
                yield destination == null ? ActivityResult.RETRIES_EXHAUSTED : ActivityResult.SENT_TO_DESTINATION;
            }
            default -> d.statusCode() != null && d.statusCode() == 429 ? ActivityResult.THROTTLED : ActivityResult.ERROR;
        };
        String key = d.requestId() != null ? "push:" + d.requestId()
                : "push:" + d.timeEpochMs() + ":" + System.identityHashCode(d);
        return new ActivityEntry(key, d.timeEpochMs(), d.source(), d.sourceArn(), functionName(d.functionName()), 1,
                List.of(), List.of(), result.failed() ? 1 : 0, d.requestId(), result,
                d.attempts(), null, d.durationMs(), d.statusCode(), destination, d.detail(), d.event(), null);
    }

    /** A batch an event source mapping handed over (or dropped). */
    static ActivityEntry of(Delivery d) {
        ActivityResult result = switch (d.result() == null ? "" : d.result()) {
            case "OK" -> ActivityResult.SUCCESS;
            case "PARTIAL" -> d.destination() != null ? ActivityResult.SENT_TO_DLQ : ActivityResult.PARTIAL_FAILURE;
            case "FUNCTION_ERROR" -> d.destination() != null ? ActivityResult.SENT_TO_DLQ : ActivityResult.FUNCTION_ERROR;
            case "THROTTLED" -> d.destination() != null ? ActivityResult.SENT_TO_DLQ : ActivityResult.THROTTLED;
            case "FILTERED" -> ActivityResult.FILTERED;
            case "DISCARDED" -> d.destination() != null ? ActivityResult.SENT_TO_DESTINATION
                    : d.detail() != null && d.detail().startsWith("RecordAgeExceeded") ? ActivityResult.EVENT_AGE_EXCEEDED
                    : ActivityResult.DROPPED;
            default -> d.destination() != null ? ActivityResult.SENT_TO_DLQ : ActivityResult.ERROR;
        };
        String key = "mapping:" + d.mappingUuid() + ":" + d.timeEpochMs() + ":" + System.identityHashCode(d);
        return new ActivityEntry(key, d.timeEpochMs(), sourceOf(d.eventSourceArn()), d.eventSourceArn(),
                functionName(d.functionArn()), d.batchSize(), records(d), d.failedIds(), d.failed(), d.requestId(),
                result, d.attempt(), d.iteratorAgeMs(), d.durationMs(), null, d.destination(), d.detail(), null,
                d.shardId());
    }

    /** The record ids of a delivery; for history without them, the stream batch's first and last sequence number. */
    private static List<String> records(Delivery d) {
        if (d.recordIds() != null) return d.recordIds();
        if (d.firstSequenceNumber() == null) return List.of();
        return d.firstSequenceNumber().equals(d.lastSequenceNumber()) ? List.of(d.firstSequenceNumber())
                : List.of(d.firstSequenceNumber(), d.lastSequenceNumber());
    }

    static String sourceOf(String arn) {
        if (arn == null) return "";
        if (arn.startsWith("arn:aws:sqs:")) return "sqs";
        if (arn.startsWith("arn:aws:kinesis:")) return "kinesis";
        if (arn.startsWith("arn:aws:dynamodb:")) return "dynamodb";
        return "";
    }

    /** A function's name from its name or ARN (with or without a qualifier). */
    static String functionName(String nameOrArn) {
        if (nameOrArn == null) return null;
        int at = nameOrArn.indexOf(":function:");
        if (at < 0) return nameOrArn;
        String rest = nameOrArn.substring(at + ":function:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }
}
