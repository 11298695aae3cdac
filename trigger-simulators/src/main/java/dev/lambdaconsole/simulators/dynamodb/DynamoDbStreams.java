package dev.lambdaconsole.simulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.streams.Stream;
import dev.lambdaconsole.simulators.streams.StreamInfo;
import dev.lambdaconsole.simulators.streams.StreamRecord;
import dev.lambdaconsole.simulators.streams.StreamStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * DynamoDB table streams on the {@link StreamStore}. Tables exist here only as their streams: a table's stream is
 * created with a view type, and changes of its items are written as INSERT, MODIFY and REMOVE records whose
 * {@code dynamodb} member is what Lambda and the DynamoDB Streams API deliver (images kept per view type). A
 * record's shard is chosen from the MD5 of its Keys, so the changes of one item stay in order in one shard.
 */
public final class DynamoDbStreams {
    public static final List<String> VIEW_TYPES = List.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");
    public static final int DEFAULT_SHARDS = 2;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final StreamStore store;
    private final String region;
    private final String account;

    public DynamoDbStreams(StreamStore store, String region, String account) {
        this.store = store;
        this.region = region;
        this.account = account;
    }

    public String region() { return region; }

    /**
     * Creates the stream of a table ({@code arn:aws:dynamodb:R:A:table/T/stream/<label>}).
     *
     * @throws IllegalArgumentException for a bad table name, view type or shard count
     * @throws IllegalStateException when the table already has a stream
     */
    public Stream createStream(String table, String viewType, int shards) {
        checkTableName(table);
        if (!VIEW_TYPES.contains(viewType)) {
            throw new IllegalArgumentException("StreamViewType must be one of " + String.join(", ", VIEW_TYPES)
                    + " (got '" + viewType + "')");
        }
        if (shards < 1 || shards > 100) throw new IllegalArgumentException("shards must be 1..100 (got " + shards + ")");
        Optional<Stream> existing = streamOf(table);
        if (existing.isPresent()) {
            throw new IllegalStateException("Table " + table + " already has a stream: " + existing.get().arn()
                    + ". Delete it first to create one with another view type.");
        }
        String label = LABEL.format(store.clock().instant());
        String arn = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + table + "/stream/" + label;
        store.create(new StreamStore.NewStream(arn, table, StreamInfo.Kind.DYNAMODB, shards, null, viewType, label));
        return store.stream(arn).orElseThrow();
    }

    /** Deletes the table's stream and its records; false when it had none. */
    public boolean deleteStream(String table) {
        return streamOf(table).map(s -> store.delete(s.arn())).orElse(false);
    }

    /** The table's stream, if it has one. */
    public Optional<Stream> streamOf(String table) {
        return streams().stream().filter(s -> s.name().equals(table)).findFirst();
    }

    /** Every table stream, by table name. */
    public List<Stream> streams() {
        return store.streams(StreamInfo.Kind.DYNAMODB);
    }

    public Optional<Stream> stream(String arn) {
        return store.stream(arn).filter(s -> s.kind() == StreamInfo.Kind.DYNAMODB);
    }

    /**
     * Writes changes to the table's stream in one transaction, in order.
     *
     * @throws IllegalArgumentException when the table has no stream
     */
    public List<StreamRecord> put(String table, List<Change> changes) {
        Stream stream = streamOf(table).orElseThrow(() -> new IllegalArgumentException("Table " + table
                + " has no stream. Create one first: lambda-console dynamodb-streams create-stream --table " + table));
        String view = stream.viewType();
        List<StreamStore.Append> appends = new ArrayList<>();
        for (Change c : changes) {
            JsonNode identity = null;
            if (c.ttl()) {
                ObjectNode id = Json.object();
                id.put("type", "Service");
                id.put("principalId", "dynamodb.amazonaws.com");
                identity = id;
            }
            appends.add(new StreamStore.Append(StreamStore.hashKey(canonical(c.keys())), null, null, c.eventName(),
                    (seq, arrival) -> body(c, view, seq, arrival), identity));
        }
        return store.append(stream.arn(), appends);
    }

    /** The {@code dynamodb} member: ApproximateCreationDateTime, Keys, images per view type, SequenceNumber, SizeBytes. */
    static ObjectNode body(Change c, String view, String sequence, Instant arrival) {
        ObjectNode d = Json.object();
        d.put("ApproximateCreationDateTime", arrival.getEpochSecond());
        d.set("Keys", c.keys());
        boolean newImage = view.equals("NEW_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
        boolean oldImage = view.equals("OLD_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
        int size = AttributeValues.size(c.keys());
        if (newImage && c.newImage() != null) {
            d.set("NewImage", c.newImage());
            size += AttributeValues.size(c.newImage());
        }
        if (oldImage && c.oldImage() != null) {
            d.set("OldImage", c.oldImage());
            size += AttributeValues.size(c.oldImage());
        }
        d.put("SequenceNumber", sequence);
        d.put("SizeBytes", size);
        d.put("StreamViewType", view);
        return d;
    }

    /**
     * A record as the DynamoDB Streams API's GetRecords returns it: eventID, eventName, eventVersion, eventSource,
     * awsRegion, dynamodb, userIdentity ({@code PrincipalId}, {@code Type}). Lambda's event record has the same
     * members plus {@code eventSourceARN}, but its userIdentity is {@code {type, principalId}}, as in
     * {@link StreamRecord#userIdentity()}.
     */
    public ObjectNode apiRecord(String streamArn, StreamRecord r) {
        ObjectNode o = Json.object();
        o.put("eventID", eventId(streamArn, r.sequenceNumber()));
        o.put("eventName", r.eventName());
        o.put("eventVersion", "1.1");
        o.put("eventSource", "aws:dynamodb");
        o.put("awsRegion", region);
        o.set("dynamodb", r.dynamodb());
        if (r.userIdentity() != null) { // the API's Identity shape is PascalCase; Lambda's event has type, principalId
            ObjectNode identity = o.putObject("userIdentity");
            identity.put("PrincipalId", r.userIdentity().path("principalId").asText());
            identity.put("Type", r.userIdentity().path("type").asText());
        }
        return o;
    }

    /** A stable id of a record: 32 hex digits from its stream and sequence number. */
    static String eventId(String streamArn, String sequence) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((streamArn + "/" + sequence).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Keys as text with the attributes in name order, so one item always hashes to one shard. */
    static String canonical(ObjectNode keys) {
        java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
        keys.fields().forEachRemaining(f -> sorted.put(f.getKey(), f.getValue()));
        return sorted.toString();
    }

    static void checkTableName(String table) {
        if (table == null || table.length() < 3 || table.length() > 255 || !table.matches("[a-zA-Z0-9_.-]+")) {
            throw new IllegalArgumentException("A table name is 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.' (got "
                    + (table == null ? "none" : "'" + table + "'") + ")");
        }
    }
}
