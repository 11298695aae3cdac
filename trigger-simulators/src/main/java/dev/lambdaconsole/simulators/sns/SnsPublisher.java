package dev.lambdaconsole.simulators.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.util.Json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Publish and PublishBatch: SNS's checks of a message, FIFO deduplication and sequence numbers. */
final class SnsPublisher {
    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    static final int MAX_BATCH = 10;
    static final int MAX_ATTRIBUTES = 10;
    static final long DEDUPLICATION_MS = 5 * 60 * 1000;
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final SnsService service;
    private final AtomicLong sequence = new AtomicLong(10_000_000_000_000_000L);
    /** FIFO topics: deduplication id to the first message's id and when it expires. */
    private final Map<String, Map<String, Deduplicated>> deduplication = new HashMap<>();

    private record Deduplicated(String messageId, String sequenceNumber, long expires) { }

    SnsPublisher(SnsService service) { this.service = service; }

    void publish(QueryArgs a, SnsXml x) {
        String topicArn = a.get("TopicArn");
        String targetArn = a.get("TargetArn");
        if (a.get("PhoneNumber") != null) {
            throw SnsErrors.invalid("PhoneNumber Reason: the local SNS does not send SMS");
        }
        if (topicArn == null && targetArn == null) {
            throw SnsErrors.invalid("TopicArn or TargetArn Reason: no value for required parameter");
        }
        if (topicArn != null && targetArn != null) {
            throw SnsErrors.invalid("TopicArn Reason: Only one of TopicArn or TargetArn may be given");
        }
        Topic t = topicArn != null ? service.topic(topicArn) : target(targetArn);
        SnsMessage m = message(t, a);
        x.element("MessageId", m.messageId());
        if (m.sequenceNumber() != null) x.element("SequenceNumber", m.sequenceNumber());
    }

    private Topic target(String targetArn) {
        try {
            SnsService.topicArn(targetArn, "TargetArn");
        } catch (AwsServiceException e) {
            throw SnsErrors.invalid("TargetArn Reason: the local SNS publishes to topics only (no platform endpoints)");
        }
        return service.topic(targetArn);
    }

    void publishBatch(QueryArgs a, SnsXml x) {
        Topic t = service.topic(a.get("TopicArn"));
        List<QueryArgs> entries = a.members("PublishBatchRequestEntries");
        if (entries.isEmpty()) throw SnsErrors.batch("EmptyBatchRequest", "The batch request doesn't contain any entries.");
        if (entries.size() > MAX_BATCH) {
            throw SnsErrors.batch("TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        long total = 0;
        for (QueryArgs e : entries) {
            String id = e.get("Id");
            if (id == null || !id.matches("[A-Za-z0-9_-]{1,80}")) {
                throw SnsErrors.batch("InvalidBatchEntryId",
                        "The Id of a batch entry in a batch request doesn't abide by the specification.");
            }
            if (!ids.add(id)) {
                throw SnsErrors.batch("BatchEntryIdsNotDistinct", "Two or more batch entries in the request have the same Id.");
            }
            total += size(e);
        }
        if (total > MAX_MESSAGE_BYTES) {
            throw SnsErrors.batch("BatchRequestTooLong", "The length of all the messages put together is more than the limit.");
        }
        x.open("Successful");
        List<String[]> failed = new ArrayList<>();
        for (QueryArgs e : entries) {
            try {
                SnsMessage m = message(t, e);
                x.open("member").element("Id", e.get("Id")).element("MessageId", m.messageId())
                        .element("SequenceNumber", m.sequenceNumber()).close("member");
            } catch (AwsServiceException error) {
                failed.add(new String[] {e.get("Id"), error.code(), error.getMessage(), String.valueOf(!error.isServerError())});
            }
        }
        x.close("Successful");
        x.open("Failed");
        for (String[] f : failed) {
            x.open("member").element("Id", f[0]).element("Code", f[1]).element("Message", f[2])
                    .element("SenderFault", f[3]).close("member");
        }
        x.close("Failed");
    }

    /** Checks one message (Publish or a batch entry), and hands it to the subscriptions. */
    SnsMessage message(Topic t, QueryArgs a) {
        String message = a.get("Message");
        if (message == null || message.isEmpty()) throw SnsErrors.invalid("Empty message");
        if (size(a) > MAX_MESSAGE_BYTES) throw SnsErrors.invalid("Message too long");
        String subject = a.get("Subject");
        if (subject != null && (subject.isEmpty() || subject.length() > 100 || !subject.chars().allMatch(c -> c >= 32 && c < 127))) {
            throw SnsErrors.invalid("Subject");
        }
        Map<String, String> structured = null;
        String structure = a.get("MessageStructure");
        if (structure != null) {
            if (!structure.equals("json")) throw SnsErrors.invalid("MessageStructure");
            structured = structured(message);
        }
        Map<String, SnsMessage.Attribute> attributes = attributes(a);
        String group = a.get("MessageGroupId");
        String dedup = a.get("MessageDeduplicationId");
        if (t.fifo()) {
            if (group == null || group.isEmpty()) {
                throw SnsErrors.invalid("The MessageGroupId parameter is required for FIFO topics");
            }
            if (dedup == null) {
                if (!t.contentBasedDeduplication()) {
                    throw SnsErrors.invalid("The topic should either have ContentBasedDeduplication enabled or "
                            + "MessageDeduplicationId provided explicitly");
                }
                dedup = sha256(message);
            }
        } else if (dedup != null) {
            throw SnsErrors.invalid("MessageDeduplicationId Reason: The request includes MessageDeduplicationId "
                    + "parameter that is not valid for this topic type");
        }
        if (t.fifo()) {
            long now = System.currentTimeMillis();
            Map<String, Deduplicated> seen = deduplication.computeIfAbsent(t.arn(), k -> new HashMap<>());
            for (Iterator<Deduplicated> it = seen.values().iterator(); it.hasNext(); ) if (it.next().expires() < now) it.remove();
            Deduplicated earlier = seen.get(dedup);
            if (earlier != null) {
                return new SnsMessage(earlier.messageId(), t.arn(), subject, message, structured, attributes,
                        TIMESTAMP.format(Instant.now()), group, dedup, earlier.sequenceNumber());
            }
        }
        String sequenceNumber = t.fifo() ? String.format("%020d", sequence.incrementAndGet()) : null;
        SnsMessage m = new SnsMessage(UUID.randomUUID().toString(), t.arn(), subject, message, structured, attributes,
                TIMESTAMP.format(Instant.now()), group, dedup, sequenceNumber);
        if (t.fifo()) {
            deduplication.get(t.arn()).put(dedup, new Deduplicated(m.messageId(), sequenceNumber,
                    System.currentTimeMillis() + DEDUPLICATION_MS));
        }
        service.fanOut(t, m);
        return m;
    }

    private static Map<String, String> structured(String message) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(message);
        } catch (java.io.IOException e) {
            throw SnsErrors.invalid("Message Structure - JSON message body failed to parse");
        }
        if (tree == null || !tree.isObject()) throw SnsErrors.invalid("Message Structure - JSON message body failed to parse");
        if (!tree.has("default")) throw SnsErrors.invalid("Message Structure - No default entry in JSON message body");
        Map<String, String> out = new LinkedHashMap<>();
        tree.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue()
                : e.getValue().toString()));
        return out;
    }

    /** The message attributes, checked as SNS checks them, in the notification's {Type, Value} form. */
    static Map<String, SnsMessage.Attribute> attributes(QueryArgs a) {
        Map<String, QueryArgs> sent = a.structMap("MessageAttributes", "Name", "Value");
        if (sent.size() > MAX_ATTRIBUTES) {
            throw SnsErrors.invalidValue("Number of message attributes [" + sent.size()
                    + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        Map<String, SnsMessage.Attribute> out = new LinkedHashMap<>();
        for (Map.Entry<String, QueryArgs> e : sent.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || name.length() > 256 || !name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")
                    || name.endsWith(".") || name.contains("..") || name.toLowerCase(java.util.Locale.ROOT).startsWith("aws.")
                    || name.toLowerCase(java.util.Locale.ROOT).startsWith("amazon.")) {
                throw SnsErrors.invalidValue("The message attribute name '" + name + "' is invalid. Names may contain "
                        + "alphanumeric characters, hyphens, underscores and periods, must not start or end with a period, "
                        + "nor contain two periods in a row, nor start with AWS. or Amazon.");
            }
            String type = e.getValue().get("DataType");
            if (type == null || type.isEmpty()) {
                throw SnsErrors.invalidValue("The message attribute '" + name + "' must contain a non-empty message attribute type.");
            }
            String base = type.contains(".") && !type.startsWith("String.Array") ? type.substring(0, type.indexOf('.')) : type;
            if (type.startsWith("String.Array")) base = "String.Array";
            String value;
            switch (base) {
                case "String", "Number", "String.Array" -> {
                    value = e.getValue().get("StringValue");
                    if (value == null || value.isEmpty()) {
                        throw SnsErrors.invalidValue("The message attribute '" + name + "' must contain non-empty message "
                                + "attribute value for message attribute type '" + base + "'.");
                    }
                    if (base.equals("Number")) {
                        try {
                            new BigDecimal(value.trim());
                        } catch (NumberFormatException ex) {
                            throw SnsErrors.invalidValue("Could not cast message attribute '" + name + "' value to number.");
                        }
                    }
                    if (base.equals("String.Array")) checkArray(name, value);
                }
                case "Binary" -> {
                    value = e.getValue().get("BinaryValue");
                    if (value == null || value.isEmpty()) {
                        throw SnsErrors.invalidValue("The message attribute '" + name + "' must contain non-empty message "
                                + "attribute value for message attribute type 'Binary'.");
                    }
                }
                default -> throw SnsErrors.invalidValue("The message attribute '" + name + "' has an invalid message "
                        + "attribute type, the set of supported type prefixes is Binary, Number, and String.");
            }
            out.put(name, new SnsMessage.Attribute(type, value));
        }
        return out;
    }

    private static void checkArray(String name, String value) {
        JsonNode array;
        try {
            array = Json.MAPPER.readTree(value);
        } catch (java.io.IOException ex) {
            array = null;
        }
        boolean ok = array != null && array.isArray();
        if (ok) for (JsonNode v : array) if (v.isContainerNode()) ok = false;
        if (!ok) {
            throw SnsErrors.invalidValue("The message attribute '" + name + "' with type 'String.Array' has an invalid "
                    + "value: it must be a JSON array of strings, numbers, true, false or null.");
        }
    }

    /** What counts against the 256 KB: the message, and each attribute's name, type and value. */
    private static long size(QueryArgs a) {
        long n = utf8(a.get("Message"));
        for (Map.Entry<String, QueryArgs> e : a.structMap("MessageAttributes", "Name", "Value").entrySet()) {
            n += utf8(e.getKey()) + utf8(e.getValue().get("DataType")) + utf8(e.getValue().get("StringValue"))
                    + utf8(e.getValue().get("BinaryValue"));
        }
        return n;
    }

    private static long utf8(String s) { return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length; }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
