package dev.lambdaconsole.simulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.protocol.AwsJsonEndpoint;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.streams.ShardIterators;
import dev.lambdaconsole.simulators.streams.Stream;
import dev.lambdaconsole.simulators.streams.StreamRecord;
import dev.lambdaconsole.simulators.streams.StreamStore;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The DynamoDB Streams API ({@code DynamoDBStreams_20120810}, JSON 1.0, signing name "dynamodb"): ListStreams,
 * DescribeStream, GetShardIterator and GetRecords over the table streams of {@link DynamoDbStreams}.
 */
public final class DynamoDbStreamsService {
    /** DynamoDB Streams' iterators last 15 minutes (Kinesis's 5). */
    static final long ITERATOR_LIFETIME_MS = 900_000;
    private final DynamoDbStreams streams;
    private final StreamStore store;

    public DynamoDbStreamsService(DynamoDbStreams streams, StreamStore store) {
        this.streams = streams;
        this.store = store;
    }

    public AwsJsonEndpoint endpoint() {
        return AwsJsonEndpoint.builder("dynamodbstreams", "DynamoDBStreams_20120810", "1.0").signingNames("dynamodb")
                .operation("ListStreams", this::listStreams)
                .operation("DescribeStream", this::describeStream)
                .operation("GetShardIterator", this::getShardIterator)
                .operation("GetRecords", this::getRecords)
                .build();
    }

    JsonNode listStreams(JsonNode in) {
        String table = text(in, "TableName");
        int limit = integer(in, "Limit", 100, 1, 100);
        String after = text(in, "ExclusiveStartStreamArn");
        List<Stream> all = new ArrayList<>();
        for (Stream s : streams.streams()) if (table == null || s.name().equals(table)) all.add(s);
        int from = 0;
        if (after != null) {
            for (int i = 0; i < all.size(); i++) if (all.get(i).arn().equals(after)) from = i + 1;
        }
        List<Stream> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        ObjectNode out = Json.object();
        ArrayNode array = out.putArray("Streams");
        for (Stream s : page) {
            ObjectNode o = array.addObject();
            o.put("StreamArn", s.arn());
            o.put("TableName", s.name());
            o.put("StreamLabel", s.label());
        }
        if (from + limit < all.size()) out.put("LastEvaluatedStreamArn", page.get(page.size() - 1).arn());
        return out;
    }

    JsonNode describeStream(JsonNode in) {
        Stream s = stream(required(in, "StreamArn", "streamArn"));
        int limit = integer(in, "Limit", 100, 1, 100);
        String after = text(in, "ExclusiveStartShardId");
        List<Stream.Shard> shards = new ArrayList<>();
        for (Stream.Shard shard : s.shards()) if (after == null || shard.id().compareTo(after) > 0) shards.add(shard);
        boolean more = shards.size() > limit;
        if (more) shards = shards.subList(0, limit);
        ObjectNode out = Json.object();
        ObjectNode d = out.putObject("StreamDescription");
        d.put("StreamArn", s.arn());
        d.put("StreamLabel", s.label());
        d.put("StreamStatus", s.status());
        d.put("StreamViewType", s.viewType());
        d.put("CreationRequestDateTime", BigDecimal.valueOf(s.created().toEpochMilli()).movePointLeft(3));
        d.put("TableName", s.name());
        ArrayNode array = d.putArray("Shards");
        for (Stream.Shard shard : shards) {
            ObjectNode o = array.addObject();
            o.put("ShardId", shard.id());
            o.putObject("SequenceNumberRange").put("StartingSequenceNumber", shard.startingSequenceNumber());
        }
        if (more) d.put("LastEvaluatedShardId", shards.get(shards.size() - 1).id());
        return out;
    }

    JsonNode getShardIterator(JsonNode in) {
        Stream s = stream(required(in, "StreamArn", "streamArn"));
        String shardId = required(in, "ShardId", "shardId");
        String type = required(in, "ShardIteratorType", "shardIteratorType");
        Stream.Shard shard = s.shard(shardId);
        if (shard == null) {
            throw AwsServiceException.notFound("Requested resource not found: Shard does not exist");
        }
        String sequence = text(in, "SequenceNumber");
        String after = switch (type) {
            case "TRIM_HORIZON" -> null;
            case "LATEST" -> store.lastSequence(s.arn(), shardId);
            case "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER" -> {
                if (sequence == null) {
                    throw validation("Must provide a sequence number for iterator type " + type);
                }
                if (!StreamStore.isSequenceNumber(sequence)) {
                    throw validation("Invalid SequenceNumber: " + sequence + " (a sequence number of this stream has "
                            + StreamStore.SEQUENCE_DIGITS + " digits)");
                }
                String first = store.read(s.arn(), shardId, null, 1).stream().findFirst()
                        .map(StreamRecord::sequenceNumber).orElse(null);
                if (first != null && sequence.compareTo(first) < 0 && sequence.compareTo(shard.startingSequenceNumber()) > 0) {
                    throw new AwsServiceException(400, "TrimmedDataAccessException", "The requested sequence number "
                            + sequence + " is beyond the trim horizon of shard " + shardId);
                }
                yield type.equals("AFTER_SEQUENCE_NUMBER") ? sequence : StreamStore.previous(sequence);
            }
            default -> throw validation("1 validation error detected: Value '" + type + "' at 'shardIteratorType' failed "
                    + "to satisfy constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, "
                    + "AT_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST]");
        };
        ObjectNode out = Json.object();
        out.put("ShardIterator", ShardIterators.encode(s.arn(), shardId, after, store.clock().instant()));
        return out;
    }

    JsonNode getRecords(JsonNode in) {
        String iterator = required(in, "ShardIterator", "shardIterator");
        int limit = integer(in, "Limit", 1000, 1, 1000);
        ShardIterators.Position at = ShardIterators.decode(iterator);
        if (at == null) throw validation("Invalid ShardIterator");
        Instant now = store.clock().instant();
        if (now.toEpochMilli() - at.created().toEpochMilli() > ITERATOR_LIFETIME_MS) {
            throw new AwsServiceException(400, "ExpiredIteratorException", "Shard iterator has expired (iterators last "
                    + "15 minutes; get a new one with GetShardIterator)");
        }
        Stream s = stream(at.streamArn());
        List<StreamRecord> records = store.read(s.arn(), at.shardId(), at.afterSequence(), limit);
        ObjectNode out = Json.object();
        ArrayNode array = out.putArray("Records");
        for (StreamRecord r : records) array.add(streams.apiRecord(s.arn(), r));
        String next = records.isEmpty() ? at.afterSequence() : records.get(records.size() - 1).sequenceNumber();
        out.put("NextShardIterator", ShardIterators.encode(s.arn(), at.shardId(), next, now));
        return out;
    }

    private Stream stream(String arn) {
        return streams.stream(arn).orElseThrow(() -> AwsServiceException.notFound(
                "Requested resource not found: Stream: " + arn + " not found"));
    }

    private static String text(JsonNode in, String member) {
        JsonNode v = in.get(member);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw AwsServiceException.badRequest("SerializationException", member + " must be a string");
        return v.textValue();
    }

    private static String required(JsonNode in, String member, String wireName) {
        String v = text(in, member);
        if (v == null) throw validation("1 validation error detected: Value null at '" + wireName
                + "' failed to satisfy constraint: Member must not be null");
        return v;
    }

    private static int integer(JsonNode in, String member, int dflt, int min, int max) {
        JsonNode v = in.get(member);
        if (v == null || v.isNull()) return dflt;
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw AwsServiceException.badRequest("SerializationException", member + " must be an integer");
        }
        int n = v.intValue();
        if (n < min || n > max) throw validation("1 validation error detected: Value '" + n + "' at '"
                + Character.toLowerCase(member.charAt(0)) + member.substring(1) + "' failed to satisfy constraint: Member "
                + "must have value " + (min == 1 && n < min ? "greater than or equal to " + min : "less than or equal to " + max));
        return n;
    }

    private static AwsServiceException validation(String message) {
        return AwsServiceException.badRequest("ValidationException", message);
    }
}
