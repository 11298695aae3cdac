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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(long timeEpochMs, String mappingUuid, String eventSourceArn, String functionArn, String result,
                       int batchSize, int attempt, int failed, long iteratorAgeMs, String shardId,
                       String firstSequenceNumber, String lastSequenceNumber, String requestId, Double durationMs,
                       String detail) {
}
