package dev.lambdaconsole.simulators.streams;

import java.util.List;

/**
 * A stream as the pollers see it.
 *
 * @param kind       which service's records it holds
 * @param shardIds   its open shards, in order (e.g. {@code shardId-000000000000})
 * @param viewType   DynamoDB's StreamViewType (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES); null for Kinesis
 */
public record StreamInfo(String arn, String name, Kind kind, List<String> shardIds, String viewType) {
    public enum Kind { KINESIS, DYNAMODB }
}
