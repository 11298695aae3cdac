package dev.lambdaconsole.runtime.logs;

/**
 * How the log store's writer is doing, for a status bar or a health check.
 *
 * @param writerRunning      false once the store is closed (or, should it ever happen, its writer died)
 * @param lastBatchFailed    the most recent batch could not be written (it was dropped)
 * @param droppedBatches     batches lost since the store opened: their events and records are not stored
 * @param subscriberFailures live-tail or Monitor listeners that threw (the writer went on)
 * @param lastError          the latest failure, null when there was none
 * @param lastErrorAtMs      when it happened (epoch ms), 0 when there was none
 */
public record LogStoreHealth(boolean writerRunning, boolean lastBatchFailed, long droppedBatches,
                             long subscriberFailures, String lastError, long lastErrorAtMs) {
    public static final LogStoreHealth OK = new LogStoreHealth(true, false, 0, 0, null, 0);

    /** The writer runs and the latest batch was written. */
    public boolean ok() {
        return writerRunning && !lastBatchFailed;
    }
}
