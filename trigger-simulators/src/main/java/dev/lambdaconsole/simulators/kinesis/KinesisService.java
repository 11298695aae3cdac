package dev.lambdaconsole.simulators.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.protocol.JsonOperation;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.streams.ShardIterators;
import dev.lambdaconsole.simulators.streams.Stream;
import dev.lambdaconsole.simulators.streams.StreamInfo;
import dev.lambdaconsole.simulators.streams.StreamRecord;
import dev.lambdaconsole.simulators.streams.StreamStore;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local Kinesis Data Streams ({@code Kinesis_20131202}), free of HTTP: streams, shards, records and iterators
 * over the {@link StreamStore}. Requests and answers are JSON trees as the JSON 1.1 protocol has them (Data as
 * base64 text or, from CBOR, bytes; timestamps as epoch seconds); {@link KinesisEndpoint} does the wire.
 */
public final class KinesisService {
    static final int ON_DEMAND_SHARDS = 4;
    static final int MAX_RECORD_BYTES = 1 << 20;
    static final int MIN_RETENTION = 24;
    static final int MAX_RETENTION = 8760;

    private final StreamStore store;
    private final String region;
    private final String account;

    public KinesisService(StreamStore store, String region, String account) {
        this.store = store;
        this.region = region;
        this.account = account;
    }

    /** The operations by name, for the endpoint. */
    public Map<String, JsonOperation> operations() {
        Map<String, JsonOperation> ops = new LinkedHashMap<>();
        ops.put("CreateStream", this::createStream);
        ops.put("DeleteStream", this::deleteStream);
        ops.put("ListStreams", this::listStreams);
        ops.put("DescribeStream", this::describeStream);
        ops.put("DescribeStreamSummary", this::describeStreamSummary);
        ops.put("ListShards", this::listShards);
        ops.put("PutRecord", this::putRecord);
        ops.put("PutRecords", this::putRecords);
        ops.put("GetShardIterator", this::getShardIterator);
        ops.put("GetRecords", this::getRecords);
        ops.put("IncreaseStreamRetentionPeriod", in -> retention(in, true));
        ops.put("DecreaseStreamRetentionPeriod", in -> retention(in, false));
        return ops;
    }

    public String arn(String streamName) {
        return "arn:aws:kinesis:" + region + ":" + account + ":stream/" + streamName;
    }

    JsonNode createStream(JsonNode in) {
        String name = Members.text(in, "StreamName");
        if (name == null) throw Members.missing("streamName");
        Members.checkName(name, "streamName");
        String mode = in.path("StreamModeDetails").path("StreamMode").asText("PROVISIONED");
        if (!mode.equals("PROVISIONED") && !mode.equals("ON_DEMAND")) {
            throw Members.invalid("streamModeDetails.streamMode", mode, "Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]");
        }
        Integer shards = Members.integer(in, "ShardCount");
        if (mode.equals("ON_DEMAND")) {
            shards = shards == null ? ON_DEMAND_SHARDS : shards;
        } else if (shards == null) {
            throw invalidArgument("ShardCount is required for a PROVISIONED stream (or set StreamModeDetails "
                    + "{\"StreamMode\":\"ON_DEMAND\"}).");
        }
        if (shards < 1) throw Members.invalid("shardCount", shards.toString(), "Member must have value greater than or equal to 1");
        if (shards > 1000) throw limitExceeded("This local Kinesis allows up to 1000 shards per stream (asked for " + shards + ").");
        if (!store.create(new StreamStore.NewStream(arn(name), name, StreamInfo.Kind.KINESIS, shards, mode, null, null))) {
            throw new AwsServiceException(400, "ResourceInUseException",
                    "Stream " + name + " under account " + account + " already exists.");
        }
        return Json.object();
    }

    JsonNode deleteStream(JsonNode in) {
        Stream s = stream(in);
        store.delete(s.arn());
        return Json.object();
    }

    JsonNode listStreams(JsonNode in) {
        Integer limit = Members.integer(in, "Limit");
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 10000) throw Members.invalid("limit", String.valueOf(max), "Member must have value between 1 and 10000");
        String after = Members.text(in, "ExclusiveStartStreamName");
        String token = Members.text(in, "NextToken");
        if (token != null) after = Members.fromToken(token);
        List<Stream> all = store.streams(StreamInfo.Kind.KINESIS);
        List<Stream> page = new ArrayList<>();
        for (Stream s : all) if (after == null || s.name().compareTo(after) > 0) page.add(s);
        boolean more = page.size() > max;
        if (more) page = page.subList(0, max);
        ObjectNode out = Json.object();
        ArrayNode names = out.putArray("StreamNames");
        page.forEach(s -> names.add(s.name()));
        out.put("HasMoreStreams", more);
        ArrayNode summaries = out.putArray("StreamSummaries");
        for (Stream s : page) {
            ObjectNode summary = summaries.addObject();
            summary.put("StreamName", s.name());
            summary.put("StreamARN", s.arn());
            summary.put("StreamStatus", s.status());
            summary.putObject("StreamModeDetails").put("StreamMode", s.mode());
            summary.put("StreamCreationTimestamp", seconds(s.created()));
        }
        if (more) out.put("NextToken", Members.token(page.get(page.size() - 1).name()));
        return out;
    }

    JsonNode describeStream(JsonNode in) {
        Stream s = stream(in);
        Integer limit = Members.integer(in, "Limit");
        String after = Members.text(in, "ExclusiveStartShardId");
        List<Stream.Shard> shards = new ArrayList<>();
        for (Stream.Shard shard : s.shards()) if (after == null || shard.id().compareTo(after) > 0) shards.add(shard);
        boolean more = limit != null && shards.size() > limit;
        if (more) shards = shards.subList(0, limit);
        ObjectNode out = Json.object();
        ObjectNode d = out.putObject("StreamDescription");
        d.put("StreamName", s.name());
        d.put("StreamARN", s.arn());
        d.put("StreamStatus", s.status());
        d.putObject("StreamModeDetails").put("StreamMode", s.mode());
        shards(d.putArray("Shards"), shards);
        d.put("HasMoreShards", more);
        d.put("RetentionPeriodHours", s.retentionHours());
        d.put("StreamCreationTimestamp", seconds(s.created()));
        d.putArray("EnhancedMonitoring").addObject().putArray("ShardLevelMetrics");
        d.put("EncryptionType", "NONE");
        return out;
    }

    JsonNode describeStreamSummary(JsonNode in) {
        Stream s = stream(in);
        ObjectNode out = Json.object();
        ObjectNode d = out.putObject("StreamDescriptionSummary");
        d.put("StreamName", s.name());
        d.put("StreamARN", s.arn());
        d.put("StreamStatus", s.status());
        d.putObject("StreamModeDetails").put("StreamMode", s.mode());
        d.put("RetentionPeriodHours", s.retentionHours());
        d.put("StreamCreationTimestamp", seconds(s.created()));
        d.putArray("EnhancedMonitoring").addObject().putArray("ShardLevelMetrics");
        d.put("EncryptionType", "NONE");
        d.put("OpenShardCount", s.shards().size());
        d.put("ConsumerCount", 0);
        return out;
    }

    JsonNode listShards(JsonNode in) {
        String token = Members.text(in, "NextToken");
        String after = Members.text(in, "ExclusiveStartShardId");
        Stream s;
        if (token != null) {
            if (in.hasNonNull("StreamName") || in.hasNonNull("StreamARN")) {
                throw invalidArgument("NextToken and StreamName cannot be provided together.");
            }
            String[] parts = Members.fromToken(token).split("\\|", 2);
            if (parts.length != 2) throw invalidArgument("Invalid ListShards NextToken.");
            s = stream(parts[0], null);
            after = parts[1];
        } else {
            s = stream(in);
        }
        Integer maxResults = Members.integer(in, "MaxResults");
        int max = maxResults == null ? 1000 : maxResults;
        if (max < 1 || max > 10000) throw Members.invalid("maxResults", String.valueOf(max), "Member must have value between 1 and 10000");
        List<Stream.Shard> shards = new ArrayList<>();
        for (Stream.Shard shard : s.shards()) if (after == null || shard.id().compareTo(after) > 0) shards.add(shard);
        boolean more = shards.size() > max;
        if (more) shards = shards.subList(0, max);
        ObjectNode out = Json.object();
        shards(out.putArray("Shards"), shards);
        if (more) out.put("NextToken", Members.token(s.arn() + "|" + shards.get(shards.size() - 1).id()));
        return out;
    }

    private static void shards(ArrayNode array, List<Stream.Shard> shards) {
        for (Stream.Shard shard : shards) {
            ObjectNode o = array.addObject();
            o.put("ShardId", shard.id());
            ObjectNode hash = o.putObject("HashKeyRange");
            hash.put("StartingHashKey", shard.startingHashKey().toString());
            hash.put("EndingHashKey", shard.endingHashKey().toString());
            o.putObject("SequenceNumberRange").put("StartingSequenceNumber", shard.startingSequenceNumber());
        }
    }

    JsonNode putRecord(JsonNode in) {
        Stream s = stream(in);
        StreamRecord r = store.append(s.arn(), List.of(entry(in, "", s))).get(0);
        ObjectNode out = Json.object();
        out.put("ShardId", r.shardId());
        out.put("SequenceNumber", r.sequenceNumber());
        out.put("EncryptionType", "NONE");
        return out;
    }

    JsonNode putRecords(JsonNode in) {
        Stream s = stream(in);
        JsonNode records = in.get("Records");
        if (records == null || records.isNull()) throw Members.missing("records");
        if (!records.isArray()) throw Members.serialization("Records must be a list");
        if (records.isEmpty() || records.size() > 500) {
            throw Members.invalid("records", "(" + records.size() + " entries)", "Member must have length between 1 and 500");
        }
        List<StreamStore.Append> appends = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) appends.add(entry(records.get(i), "records." + (i + 1) + ".member.", s));
        List<StreamRecord> written = store.append(s.arn(), appends);
        ObjectNode out = Json.object();
        out.put("FailedRecordCount", 0); // nothing throttles locally: every entry is written, in order
        ArrayNode results = out.putArray("Records");
        for (StreamRecord r : written) {
            ObjectNode o = results.addObject();
            o.put("SequenceNumber", r.sequenceNumber());
            o.put("ShardId", r.shardId());
        }
        out.put("EncryptionType", "NONE");
        return out;
    }

    private StreamStore.Append entry(JsonNode in, String path, Stream s) {
        byte[] data = Members.blob(in, "Data");
        if (data == null) throw Members.missing(path + "data");
        String key = Members.text(in, "PartitionKey");
        if (key == null) throw Members.missing(path + "partitionKey");
        if (key.isEmpty() || key.length() > 256) {
            throw Members.invalid(path + "partitionKey", key, "Member must have length between 1 and 256");
        }
        if (data.length + key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_RECORD_BYTES) {
            throw Members.invalid(path + "data", "(" + data.length + " bytes)", "Member must have length less than or equal to 1048576");
        }
        String explicit = Members.text(in, "ExplicitHashKey");
        BigInteger hash;
        if (explicit == null) {
            hash = StreamStore.hashKey(key);
        } else {
            try {
                hash = new BigInteger(explicit);
            } catch (NumberFormatException e) {
                hash = null;
            }
            if (hash == null || !explicit.matches("0|([1-9]\\d{0,38})") || !StreamStore.validHashKey(hash)) {
                throw invalidArgument("Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. "
                        + "Specified value was " + explicit);
            }
        }
        return new StreamStore.Append(hash, key, data, null, null, null);
    }

    JsonNode getShardIterator(JsonNode in) {
        Stream s = stream(in);
        String shardId = Members.text(in, "ShardId");
        if (shardId == null) throw Members.missing("shardId");
        String type = Members.text(in, "ShardIteratorType");
        if (type == null) throw Members.missing("shardIteratorType");
        Stream.Shard shard = s.shard(shardId);
        if (shard == null) {
            throw AwsServiceException.notFound("Shard " + shardId + " in stream " + s.name() + " under account "
                    + account + " does not exist");
        }
        String sequence = Members.text(in, "StartingSequenceNumber");
        String after = switch (type) {
            case "TRIM_HORIZON" -> null;
            case "LATEST" -> store.lastSequence(s.arn(), shardId);
            case "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER" -> {
                if (sequence == null) {
                    throw invalidArgument("StartingSequenceNumber must be specified for ShardIteratorType " + type + ".");
                }
                if (!StreamStore.isSequenceNumber(sequence) || !sequence.endsWith(String.format("%020d", shard.index()))) {
                    throw invalidArgument("StartingSequenceNumber " + sequence + " used in GetShardIterator on shard "
                            + shardId + " in stream " + s.name() + " under account " + account + " is invalid.");
                }
                yield type.equals("AFTER_SEQUENCE_NUMBER") ? sequence : StreamStore.previous(sequence);
            }
            case "AT_TIMESTAMP" -> {
                JsonNode t = in.get("Timestamp");
                if (t == null || t.isNull()) {
                    throw invalidArgument("Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. "
                            + "Current request has no timestamp parameter.");
                }
                Instant time = Members.instant(t, "timestamp");
                Instant now = store.clock().instant();
                if (time.isAfter(now)) {
                    throw invalidArgument("The timestampInMillis parameter cannot be greater than the "
                            + "currentTimestampInMillis. timestampInMillis: " + time.toEpochMilli()
                            + ", currentTimestampInMillis: " + now.toEpochMilli());
                }
                yield store.sequenceBefore(s.arn(), shardId, time);
            }
            default -> throw Members.invalid("shardIteratorType", type, "Member must satisfy enum value set: "
                    + "[AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP]");
        };
        if (type.endsWith("_SEQUENCE_NUMBER")) {
            String last = store.lastSequence(s.arn(), shardId);
            boolean issued = sequence.equals(shard.startingSequenceNumber()) || (last != null && sequence.compareTo(last) <= 0);
            if (!issued) {
                throw invalidArgument("StartingSequenceNumber " + sequence + " used in GetShardIterator on shard "
                        + shardId + " in stream " + s.name() + " under account " + account + " is invalid because "
                        + "it did not come from this stream.");
            }
        }
        ObjectNode out = Json.object();
        out.put("ShardIterator", ShardIterators.encode(s.arn(), shardId, after, store.clock().instant()));
        return out;
    }

    JsonNode getRecords(JsonNode in) {
        String iterator = Members.text(in, "ShardIterator");
        if (iterator == null) throw Members.missing("shardIterator");
        Integer limitIn = Members.integer(in, "Limit");
        int limit = limitIn == null ? 10000 : limitIn;
        if (limit < 1 || limit > 10000) throw Members.invalid("limit", String.valueOf(limit), "Member must have value between 1 and 10000");
        ShardIterators.Position at = ShardIterators.decode(iterator);
        if (at == null) throw invalidArgument("Invalid ShardIterator.");
        Instant now = store.clock().instant();
        if (now.toEpochMilli() - at.created().toEpochMilli() > ShardIterators.LIFETIME_MS) {
            throw new AwsServiceException(400, "ExpiredIteratorException", "Iterator expired. The iterator was created at "
                    + "time " + at.created() + " while right now it is " + now + " which is further in the future than "
                    + "the tolerated delay of " + ShardIterators.LIFETIME_MS + " milliseconds.");
        }
        Stream s = stream(at.streamArn(), null);
        if (s.shard(at.shardId()) == null) {
            throw AwsServiceException.notFound("Shard " + at.shardId() + " in stream " + s.name() + " under account "
                    + account + " does not exist");
        }
        List<StreamRecord> records = store.read(s.arn(), at.shardId(), at.afterSequence(), limit);
        ObjectNode out = Json.object();
        ArrayNode array = out.putArray("Records");
        for (StreamRecord r : records) {
            ObjectNode o = array.addObject();
            o.put("SequenceNumber", r.sequenceNumber());
            o.put("ApproximateArrivalTimestamp", seconds(r.arrival()));
            o.put("Data", r.data());
            o.put("PartitionKey", r.partitionKey());
        }
        String next = records.isEmpty() ? at.afterSequence() : records.get(records.size() - 1).sequenceNumber();
        out.put("NextShardIterator", ShardIterators.encode(s.arn(), at.shardId(), next, now));
        String last = store.lastSequence(s.arn(), at.shardId());
        long behind = 0;
        if (last != null && next != null && last.compareTo(next) > 0 && !records.isEmpty()) {
            behind = Math.max(0, now.toEpochMilli() - records.get(records.size() - 1).arrival().toEpochMilli());
        }
        out.put("MillisBehindLatest", behind);
        return out;
    }

    JsonNode retention(JsonNode in, boolean increase) {
        Stream s = stream(in);
        Integer hours = Members.integer(in, "RetentionPeriodHours");
        if (hours == null) throw Members.missing("retentionPeriodHours");
        if (hours < MIN_RETENTION) {
            throw invalidArgument("Minimum allowed retention period is " + MIN_RETENTION + " hours. Requested retention "
                    + "period (" + hours + " hours) is too short.");
        }
        if (hours > MAX_RETENTION) {
            throw invalidArgument("Maximum allowed retention period is " + MAX_RETENTION + " hours. Requested retention "
                    + "period (" + hours + " hours) is too long.");
        }
        if (increase && hours < s.retentionHours()) {
            throw invalidArgument("Requested retention period (" + hours + " hours) for stream " + s.name()
                    + " can not be shorter than existing retention period (" + s.retentionHours()
                    + " hours). Use DecreaseRetentionPeriod API.");
        }
        if (!increase && hours > s.retentionHours()) {
            throw invalidArgument("Requested retention period (" + hours + " hours) for stream " + s.name()
                    + " can not be longer than existing retention period (" + s.retentionHours()
                    + " hours). Use IncreaseRetentionPeriod API.");
        }
        store.setRetention(s.arn(), hours);
        return Json.object();
    }

    /** The stream a request names by StreamName or StreamARN. */
    private Stream stream(JsonNode in) {
        String name = Members.text(in, "StreamName");
        String arn = Members.text(in, "StreamARN");
        if (name == null && arn == null) throw invalidArgument("Either StreamName or StreamARN should be provided.");
        if (name != null) Members.checkName(name, "streamName");
        return stream(arn, name);
    }

    private Stream stream(String arn, String name) {
        if (arn != null && name != null && !arn.equals(arn(name))) {
            throw invalidArgument("StreamARN " + arn + " and StreamName " + name + " name different streams.");
        }
        String target = arn != null ? arn : arn(name);
        return store.stream(target).filter(s -> s.kind() == StreamInfo.Kind.KINESIS).orElseThrow(() -> {
            String shown = arn == null ? name : arn.substring(arn.indexOf('/') + 1);
            return AwsServiceException.notFound("Stream " + shown + " under account " + account + " not found.");
        });
    }

    /** Epoch seconds with milliseconds, as the JSON protocol writes timestamps. */
    static BigDecimal seconds(Instant t) {
        return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3);
    }

    static AwsServiceException invalidArgument(String message) {
        return AwsServiceException.badRequest("InvalidArgumentException", message);
    }

    static AwsServiceException limitExceeded(String message) {
        return AwsServiceException.badRequest("LimitExceededException", message);
    }
}
