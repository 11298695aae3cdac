package dev.lambdaconsole.simulators.streams;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One record of a shard.
 *
 * @param partitionKey Kinesis's partition key (null for DynamoDB)
 * @param data         Kinesis's data bytes (null for DynamoDB)
 * @param eventName    DynamoDB's INSERT, MODIFY or REMOVE (null for Kinesis)
 * @param dynamodb     DynamoDB's {@code dynamodb} member as Lambda delivers it (ApproximateCreationDateTime, Keys,
 *                     NewImage/OldImage per view type, SequenceNumber, SizeBytes, StreamViewType); null for Kinesis
 * @param userIdentity DynamoDB's {@code userIdentity} (TTL deletions), else null
 */
public record StreamRecord(String shardId, String sequenceNumber, Instant arrival, String partitionKey, byte[] data,
                           String eventName, JsonNode dynamodb, JsonNode userIdentity) {
    /** The payload's size in bytes as the 6 MB batch limit counts it. */
    public int size() {
        if (data != null) return data.length + (partitionKey == null ? 0 : partitionKey.length());
        return dynamodb == null ? 0 : dynamodb.toString().length();
    }
}
