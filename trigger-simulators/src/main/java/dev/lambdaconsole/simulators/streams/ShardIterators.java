package dev.lambdaconsole.simulators.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Shard iterators of the Kinesis and DynamoDB Streams APIs: an opaque base64 text holding the stream, the shard,
 * the sequence number to read after (empty: from the oldest record retained) and when the iterator was made
 * (both APIs expire iterators after 5 minutes; GetRecords' NextShardIterator is a fresh one).
 */
public final class ShardIterators {
    public static final long LIFETIME_MS = 300_000;
    private static final String VERSION = "lc1";

    private ShardIterators() { }

    public record Position(String streamArn, String shardId, String afterSequence, Instant created) { }

    public static String encode(String streamArn, String shardId, String afterSequence, Instant created) {
        String text = String.join("|", VERSION, streamArn, shardId, afterSequence == null ? "" : afterSequence,
                Long.toString(created.toEpochMilli()));
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The iterator's position, or null when the text is not one of our iterators. */
    public static Position decode(String iterator) {
        if (iterator == null) return null;
        String text;
        try {
            text = new String(Base64.getDecoder().decode(iterator), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION)) return null;
        String after = parts[3];
        if (!after.isEmpty() && !StreamStore.isSequenceNumber(after)) return null;
        try {
            return new Position(parts[1], parts[2], after.isEmpty() ? null : after,
                    Instant.ofEpochMilli(Long.parseLong(parts[4])));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
