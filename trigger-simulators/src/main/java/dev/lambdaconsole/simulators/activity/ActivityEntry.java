package dev.lambdaconsole.simulators.activity;

import java.util.List;

/**
 * One delivery of a trigger as the activity view shows it, from a push source (one event) or an event source
 * mapping (one batch).
 *
 * @param key          stable across updates of the same delivery (a queued event that later succeeds)
 * @param source       {@code sqs}, {@code kinesis}, {@code dynamodb} for mappings; the push source's kind
 *                     ({@code s3}, {@code sns}, {@code events}, {@code schedule}, {@code apigateway},
 *                     {@code function-url}, {@code logs}) otherwise
 * @param batchSize    records handed over (1 for push sources)
 * @param records      the records' ids: SQS message ids, stream sequence numbers (empty for push sources and for
 *                     older history)
 * @param failedItems  the ids of the records that failed (all of the batch when the invocation failed)
 * @param requestId    the invocation's request id, or null when nothing was invoked
 * @param attempts     invocations of this event or batch so far (for SQS, its receive count); 0 while queued
 * @param iteratorAgeMs streams: the age of the batch's last record when read; SQS: the oldest message's age;
 *                     null for push sources
 * @param statusCode   HTTP sources: the status answered to the client
 * @param destination  where the failed event or records went (on-failure destination, dead-letter queue)
 * @param detail       the error, or what the source did
 * @param event        push sources: the event as the function received it
 * @param shardId      streams: the shard read
 */
public record ActivityEntry(String key, long timeEpochMs, String source, String sourceArn, String functionName,
                            int batchSize, List<String> records, List<String> failedItems, int failedCount,
                            String requestId, ActivityResult result, int attempts, Long iteratorAgeMs,
                            Double durationMs, Integer statusCode, String destination, String detail, String event,
                            String shardId) {
    public ActivityEntry {
        records = records == null ? List.of() : List.copyOf(records);
        failedItems = failedItems == null ? List.of() : List.copyOf(failedItems);
    }

    /** Attempts after the first. */
    public int retries() {
        return Math.max(0, attempts - 1);
    }
}
