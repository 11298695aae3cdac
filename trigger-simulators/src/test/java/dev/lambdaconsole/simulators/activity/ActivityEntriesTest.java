package dev.lambdaconsole.simulators.activity;

import dev.lambdaconsole.simulators.mappings.Delivery;
import dev.lambdaconsole.simulators.push.PushDelivery;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Push deliveries and mapping batches read as activity entries. */
class ActivityEntriesTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders";
    private static final String FN_ARN = "arn:aws:lambda:us-east-1:123456789012:function:worker";

    private static PushDelivery push(String status, Integer statusCode) {
        return new PushDelivery(1000, "s3", "arn:aws:s3:::bucket", "worker", "req-1", "Event", status, 3, statusCode,
                null, "detail", "{\"Records\":[]}");
    }

    private static Delivery batch(String result, List<String> failed, String destination, String detail) {
        return new Delivery(2000, "uuid-1", QUEUE, FN_ARN, result, 3, 2, failed == null ? 0 : failed.size(), 1500,
                null, null, null, "req-2", 12.5, detail, List.of("m1", "m2", "m3"), failed, destination);
    }

    @Test
    void aPushDeliveryKeepsItsKeyFromQueuedToSuccess() {
        ActivityEntry queued = ActivityEntries.of(push(PushDelivery.QUEUED, null), f -> null);
        ActivityEntry done = ActivityEntries.of(push(PushDelivery.SUCCESS, null), f -> null);
        assertThat(queued.result()).isEqualTo(ActivityResult.QUEUED);
        assertThat(done.result()).isEqualTo(ActivityResult.SUCCESS);
        assertThat(done.key()).isEqualTo(queued.key());
        assertThat(done.batchSize()).isEqualTo(1);
        assertThat(done.event()).isEqualTo("{\"Records\":[]}");
        assertThat(done.iteratorAgeMs()).isNull();
        assertThat(done.retries()).isEqualTo(2);
    }

    @Test
    void exhaustedRetriesNameTheFunctionsOnFailureDestination() {
        String dlq = "arn:aws:sqs:us-east-1:123456789012:failed-events";
        ActivityEntry sent = ActivityEntries.of(push(PushDelivery.RETRIES_EXHAUSTED, null), f -> f.equals("worker") ? dlq : null);
        assertThat(sent.result()).isEqualTo(ActivityResult.SENT_TO_DESTINATION);
        assertThat(sent.destination()).isEqualTo(dlq);
        ActivityEntry dropped = ActivityEntries.of(push(PushDelivery.RETRIES_EXHAUSTED, null), f -> null);
        assertThat(dropped.result()).isEqualTo(ActivityResult.RETRIES_EXHAUSTED);
        assertThat(dropped.destination()).isNull();
        assertThat(ActivityEntries.of(push(PushDelivery.EVENT_AGE_EXCEEDED, null), f -> dlq).result())
                .isEqualTo(ActivityResult.EVENT_AGE_EXCEEDED);
    }

    @Test
    void anHttpSourceKeepsItsStatusAnd429IsAThrottle() {
        ActivityEntry e = ActivityEntries.of(push(PushDelivery.ERROR, 429), f -> null);
        assertThat(e.result()).isEqualTo(ActivityResult.THROTTLED);
        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(ActivityEntries.of(push(PushDelivery.ERROR, 502), f -> null).result()).isEqualTo(ActivityResult.ERROR);
    }

    @Test
    void aPartialBatchNamesItsFailedItems() {
        ActivityEntry e = ActivityEntries.of(batch("PARTIAL", List.of("m2"), null, "failed: m2"));
        assertThat(e.result()).isEqualTo(ActivityResult.PARTIAL_FAILURE);
        assertThat(e.failedItems()).containsExactly("m2");
        assertThat(e.records()).containsExactly("m1", "m2", "m3");
        assertThat(e.source()).isEqualTo("sqs");
        assertThat(e.functionName()).isEqualTo("worker");
        assertThat(e.requestId()).isEqualTo("req-2");
        assertThat(e.iteratorAgeMs()).isEqualTo(1500L);
        assertThat(e.retries()).isEqualTo(1);
    }

    @Test
    void failedMessagesAtTheirMaxReceiveCountAreSentToTheDeadLetterQueue() {
        String dlq = "arn:aws:sqs:us-east-1:123456789012:orders-dlq";
        ActivityEntry e = ActivityEntries.of(batch("FUNCTION_ERROR", List.of("m1", "m2", "m3"), dlq, "boom"));
        assertThat(e.result()).isEqualTo(ActivityResult.SENT_TO_DLQ);
        assertThat(e.destination()).isEqualTo(dlq);
        assertThat(ActivityEntries.of(batch("PARTIAL", List.of("m2"), dlq, "x")).result()).isEqualTo(ActivityResult.SENT_TO_DLQ);
    }

    @Test
    void aDiscardedStreamBatchWentToItsDestinationOrWasDropped() {
        assertThat(ActivityEntries.of(batch("DISCARDED", List.of("m1"), "arn:aws:sqs:us-east-1:1:d",
                "RetryAttemptsExhausted, sent to arn:aws:sqs:us-east-1:1:d")).result())
                .isEqualTo(ActivityResult.SENT_TO_DESTINATION);
        assertThat(ActivityEntries.of(batch("DISCARDED", List.of("m1"), null,
                "RetryAttemptsExhausted, no on-failure destination: records dropped")).result())
                .isEqualTo(ActivityResult.DROPPED);
        assertThat(ActivityEntries.of(batch("DISCARDED", List.of("m1"), null,
                "RecordAgeExceeded, no on-failure destination: records dropped")).result())
                .isEqualTo(ActivityResult.EVENT_AGE_EXCEEDED);
    }

    @Test
    void olderHistoryWithoutRecordIdsShowsTheStreamBatchsFirstAndLastSequenceNumber() {
        Delivery old = new Delivery(1, "u", "arn:aws:kinesis:us-east-1:1:stream/s", FN_ARN + ":live", "OK", 5, 1, 0, 10,
                "shardId-000000000000", "100", "104", "r", 1.0, null);
        ActivityEntry e = ActivityEntries.of(old);
        assertThat(e.records()).containsExactly("100", "104");
        assertThat(e.source()).isEqualTo("kinesis");
        assertThat(e.functionName()).isEqualTo("worker");
        assertThat(e.shardId()).isEqualTo("shardId-000000000000");
    }

    @Test
    void aDeliveryKeepsAtMostTwoHundredIds() {
        List<String> many = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "id" + i).toList();
        Delivery d = new Delivery(1, "u", QUEUE, FN_ARN, "FUNCTION_ERROR", 500, 1, 500, 0, null, null, null, "r", 1.0,
                null, many, many, null);
        assertThat(d.recordIds()).hasSize(Delivery.MAX_IDS).startsWith("id0");
        assertThat(ActivityEntries.of(d).failedCount()).isEqualTo(500);
    }
}
