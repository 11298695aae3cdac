package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One batch a poller handed to the function (or dropped), as the trigger activity view and the metrics read it.
 *
 * @param result     OK, PARTIAL (some items reported failed), FUNCTION_ERROR, THROTTLED, FILTERED (every record
 *                   filtered out, no invoke), DISCARDED (sent to the on-failure destination or dropped), or
 *                   ERROR (the function could not be invoked)
 * @param attempt    1 for the first invoke of this batch, 2 for its first retry, …
 * @param failed     the records that failed (reported items, or the whole batch)
 * @param iteratorAgeMs streams: the age of the batch's last record when it was read; SQS: the oldest message's age
 * @param shardId    streams only
 * @param requestId  the invocation's request id (its log stream shows it), if invoked
 * @param detail     the error type, the destination, or why it failed
 * @param recordIds  the batch's records (the first {@value #MAX_IDS}): SQS message ids, stream sequence numbers (null in older history lines)
 * @param failedIds  the records that failed, by the same ids: the reported {@code batchItemFailures}, or the
 *                   whole batch when the invocation failed (null when none failed)
 * @param destination where failed records went or are going: the on-failure destination of a stream mapping, or
 *                   the queue's dead-letter queue once failed messages reached its maxReceiveCount
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(long timeEpochMs, String mappingUuid, String eventSourceArn, String functionArn, String result,
                       int batchSize, int attempt, int failed, long iteratorAgeMs, String shardId,
                       String firstSequenceNumber, String lastSequenceNumber, String requestId, Double durationMs,
                       String detail, java.util.List<String> recordIds, java.util.List<String> failedIds,
                       String destination) {
    /** At most this many ids are kept of a batch's records and of its failed ones ({@code batchSize} and
     * {@code failed} count them all). */
    public static final int MAX_IDS = 200;

    public Delivery {
        recordIds = capped(recordIds);
        failedIds = capped(failedIds);
    }

    private static java.util.List<String> capped(java.util.List<String> ids) {
        if (ids == null) return null;
        return java.util.List.copyOf(ids.size() > MAX_IDS ? ids.subList(0, MAX_IDS) : ids);
    }

    /** A delivery without record ids or destination (as recorded before they were). */
    public Delivery(long timeEpochMs, String mappingUuid, String eventSourceArn, String functionArn, String result,
                    int batchSize, int attempt, int failed, long iteratorAgeMs, String shardId,
                    String firstSequenceNumber, String lastSequenceNumber, String requestId, Double durationMs,
                    String detail) {
        this(timeEpochMs, mappingUuid, eventSourceArn, functionArn, result, batchSize, attempt, failed, iteratorAgeMs,
                shardId, firstSequenceNumber, lastSequenceNumber, requestId, durationMs, detail, null, null, null);
    }
}
