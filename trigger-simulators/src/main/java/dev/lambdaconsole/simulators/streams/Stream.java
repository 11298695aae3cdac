package dev.lambdaconsole.simulators.streams;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * A stream as the store keeps it: a Kinesis data stream or a DynamoDB table's stream.
 *
 * @param name           the Kinesis stream's name, or the DynamoDB table's name
 * @param mode           Kinesis's PROVISIONED or ON_DEMAND; null for DynamoDB
 * @param viewType       DynamoDB's StreamViewType; null for Kinesis
 * @param label          DynamoDB's StreamLabel (the ISO timestamp in its ARN); null for Kinesis
 * @param retentionHours how long records are kept (24 unless changed)
 */
public record Stream(String arn, String name, StreamInfo.Kind kind, String status, String mode, String viewType,
                     String label, int retentionHours, Instant created, List<Shard> shards) {

    /** A shard and the hash keys it owns (inclusive), as Kinesis splits 0..2^128-1 evenly. */
    public record Shard(String id, int index, BigInteger startingHashKey, BigInteger endingHashKey,
                        String startingSequenceNumber) {
        public boolean owns(BigInteger hashKey) {
            return hashKey.compareTo(startingHashKey) >= 0 && hashKey.compareTo(endingHashKey) <= 0;
        }
    }

    public StreamInfo info() {
        return new StreamInfo(arn, name, kind, shards.stream().map(Shard::id).toList(), viewType);
    }

    public Shard shard(String shardId) {
        return shards.stream().filter(s -> s.id().equals(shardId)).findFirst().orElse(null);
    }

    /** The shard that owns a hash key (0..2^128-1). */
    public Shard shardFor(BigInteger hashKey) {
        for (Shard s : shards) if (s.owns(hashKey)) return s;
        throw new IllegalArgumentException("Hash key " + hashKey + " is outside 0..2^128-1");
    }
}
