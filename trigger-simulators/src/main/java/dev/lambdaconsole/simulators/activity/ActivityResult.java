package dev.lambdaconsole.simulators.activity;

/** What became of one delivery of a trigger, in the words the activity view uses. */
public enum ActivityResult {
    /** Handed to the function's asynchronous queue; not run yet. */
    QUEUED,
    SUCCESS,
    FUNCTION_ERROR,
    /** The function reported some of the batch's items as failed (batchItemFailures). */
    PARTIAL_FAILURE,
    THROTTLED,
    /** An asynchronous event failed on every attempt and went nowhere (no on-failure destination). */
    RETRIES_EXHAUSTED,
    /** Failed SQS messages reached the queue's maxReceiveCount: SQS moves them to its dead-letter queue. */
    SENT_TO_DLQ,
    /** The failed event or batch went to an on-failure destination. */
    SENT_TO_DESTINATION,
    /** Every record was filtered out: no invocation. */
    FILTERED,
    /** Too old to be tried again (the event's or record's maximum age). */
    EVENT_AGE_EXCEEDED,
    /** A stream batch given up with no on-failure destination: its records were dropped. */
    DROPPED,
    /** The function could not be invoked (missing, payload too large, …). */
    ERROR;

    /** Whether this is the end of a delivery that went wrong. */
    public boolean failed() {
        return this != QUEUED && this != SUCCESS && this != FILTERED;
    }
}
