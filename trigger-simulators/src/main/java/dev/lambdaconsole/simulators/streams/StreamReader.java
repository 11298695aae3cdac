package dev.lambdaconsole.simulators.streams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stream machinery as the pollers read it: Kinesis data streams and DynamoDB table streams alike. Sequence
 * numbers are decimal strings of one fixed length per store, so their string order is their numeric order.
 */
public interface StreamReader {
    /** The stream with this ARN (a Kinesis stream or a DynamoDB table's stream), if it exists. */
    Optional<StreamInfo> describe(String streamArn);

    /**
     * Up to {@code limit} records of a shard, oldest first, with a sequence number greater than
     * {@code afterSequence} ({@code null}: from the oldest record still retained).
     */
    List<StreamRecord> read(String streamArn, String shardId, String afterSequence, int limit);

    /** The sequence number of the shard's newest record, or null when it has none (LATEST starts after it). */
    String lastSequence(String streamArn, String shardId);

    /** The sequence number just before the first record that arrived at or after {@code time} (AT_TIMESTAMP), or null. */
    String sequenceBefore(String streamArn, String shardId, Instant time);

    /** Calls {@code listener} (on the appending thread; it must not block) after records are appended to the stream. */
    AutoCloseable onAppend(String streamArn, Runnable listener);
}
