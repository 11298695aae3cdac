package dev.lambdaconsole.simulators.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One change of a table's item, as a line of {@code dynamodb-streams put} says it:
 * {@code {"eventName":"INSERT|MODIFY|REMOVE","Keys":{...},"NewImage":{...},"OldImage":{...},"ttl":false}}.
 *
 * <p>Rules: Keys is required (one or two S/N/B attributes). INSERT and MODIFY need NewImage; REMOVE must not have
 * one. INSERT must not have OldImage; MODIFY and REMOVE need it when the stream keeps old images (OLD_IMAGE,
 * NEW_AND_OLD_IMAGES). Every image holds the key attributes with the Keys' values. {@code ttl: true} (REMOVE only)
 * marks a deletion by Time to Live. Images the stream's view type does not keep are dropped.
 *
 * @param ttl whether DynamoDB's Time to Live removed the item (the record then carries its service userIdentity)
 */
public record Change(String eventName, ObjectNode keys, ObjectNode newImage, ObjectNode oldImage, boolean ttl) {
    public static final List<String> EVENT_NAMES = List.of("INSERT", "MODIFY", "REMOVE");
    static final Set<String> FIELDS = Set.of("eventName", "Keys", "NewImage", "OldImage", "ttl");

    /** A change that breaks a rule: the field (e.g. {@code NewImage.price.N}) and the rule. */
    public static final class InvalidChangeException extends IllegalArgumentException {
        private final String field;

        InvalidChangeException(String field, String rule) {
            super(field + ": " + rule);
            this.field = field;
        }

        public String field() { return field; }
    }

    /** Reads and checks a change for a stream of {@code viewType}. */
    public static Change parse(JsonNode line, String viewType) {
        if (line == null || !line.isObject()) throw new InvalidChangeException("(line)", "a change is a JSON object");
        Iterator<String> names = line.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidChangeException(name, "unknown field (a change has eventName, Keys, NewImage, OldImage "
                        + "and ttl; the names are case-sensitive)");
            }
        }
        JsonNode event = line.get("eventName");
        if (event == null || event.isNull()) throw new InvalidChangeException("eventName", "required: INSERT, MODIFY or REMOVE");
        if (!event.isTextual() || !EVENT_NAMES.contains(event.textValue())) {
            throw new InvalidChangeException("eventName", "must be INSERT, MODIFY or REMOVE (got " + event + ")");
        }
        String name = event.textValue();
        ObjectNode keys = item(line, "Keys", true);
        ObjectNode newImage = item(line, "NewImage", false);
        ObjectNode oldImage = item(line, "OldImage", false);
        try {
            AttributeValues.checkKeys(keys, "Keys");
            if (newImage != null) AttributeValues.checkItem(newImage, "NewImage");
            if (oldImage != null) AttributeValues.checkItem(oldImage, "OldImage");
        } catch (AttributeValues.InvalidValueException e) {
            throw new InvalidChangeException(e.path(), e.getMessage().substring(e.path().length() + 2));
        }
        boolean keepsOld = viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
        switch (name) {
            case "INSERT" -> {
                if (newImage == null) throw new InvalidChangeException("NewImage", "required for INSERT (the new item)");
                if (oldImage != null) throw new InvalidChangeException("OldImage", "an INSERT has no old image");
            }
            case "MODIFY" -> {
                if (newImage == null) throw new InvalidChangeException("NewImage", "required for MODIFY (the item after)");
                if (oldImage == null && keepsOld) throw new InvalidChangeException("OldImage", "required for MODIFY on a "
                        + viewType + " stream (the item before)");
            }
            default -> {
                if (newImage != null) throw new InvalidChangeException("NewImage", "a REMOVE has no new image");
                if (oldImage == null && keepsOld) throw new InvalidChangeException("OldImage", "required for REMOVE on a "
                        + viewType + " stream (the item removed)");
            }
        }
        keysIn(keys, newImage, "NewImage");
        keysIn(keys, oldImage, "OldImage");
        JsonNode ttl = line.get("ttl");
        boolean byTtl = false;
        if (ttl != null && !ttl.isNull()) {
            if (!ttl.isBoolean()) throw new InvalidChangeException("ttl", "must be true or false (got " + ttl + ")");
            byTtl = ttl.booleanValue();
            if (byTtl && !name.equals("REMOVE")) throw new InvalidChangeException("ttl", "only a REMOVE can be a TTL deletion");
        }
        return new Change(name, keys, newImage, oldImage, byTtl);
    }

    private static ObjectNode item(JsonNode line, String field, boolean required) {
        JsonNode v = line.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new InvalidChangeException(field, "required: the item's key, e.g. {\"id\":{\"S\":\"a1\"}}");
            return null;
        }
        if (!v.isObject()) throw new InvalidChangeException(field, "must be an object of attribute name to AttributeValue");
        return (ObjectNode) v;
    }

    private static void keysIn(ObjectNode keys, ObjectNode image, String field) {
        if (image == null) return;
        keys.fields().forEachRemaining(k -> {
            JsonNode v = image.get(k.getKey());
            if (v == null) throw new InvalidChangeException(field + "." + k.getKey(), "the image must hold the key attribute "
                    + k.getKey());
            if (!v.equals(k.getValue())) throw new InvalidChangeException(field + "." + k.getKey(), "differs from Keys ("
                    + v + " vs " + k.getValue() + ")");
        });
    }
}
