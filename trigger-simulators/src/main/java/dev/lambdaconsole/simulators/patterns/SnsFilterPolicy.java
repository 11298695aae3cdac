package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * An SNS subscription filter policy: over the message attributes (the default scope) or over the message body
 * read as JSON ({@code FilterPolicyScope: MessageBody}). At most 5 keys and 150 combinations of values.
 */
public final class SnsFilterPolicy {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final int MAX_KEYS = 5;
    static final int MAX_COMBINATIONS = 150;

    public enum Scope {
        MESSAGE_ATTRIBUTES("MessageAttributes"), MESSAGE_BODY("MessageBody");

        private final String wireName;

        Scope(String wireName) { this.wireName = wireName; }

        public String wireName() { return wireName; }

        /** {@code MessageAttributes} or {@code MessageBody}; null means the default (attributes). */
        public static Scope fromWire(String value) {
            if (value == null) return MESSAGE_ATTRIBUTES;
            for (Scope s : values()) if (s.wireName.equals(value)) return s;
            throw new dev.lambdaconsole.runtime.gateway.AwsServiceException(400, "InvalidParameter",
                    "Invalid parameter: FilterPolicyScope: Invalid value [" + value + "]. Please use either "
                            + "MessageBody or MessageAttributes");
        }
    }

    private final Scope scope;
    private final EventPattern pattern;

    private SnsFilterPolicy(Scope scope, EventPattern pattern) {
        this.scope = scope;
        this.pattern = pattern;
    }

    public static SnsFilterPolicy parse(String json, Scope scope) {
        Dialect d = Dialect.SNS_FILTER_POLICY;
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw d.invalid("failed to parse JSON. " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) throw d.invalid("Filter policy must be a JSON object");
        if (scope == Scope.MESSAGE_ATTRIBUTES) noNesting(tree);
        EventPattern pattern = EventPattern.of(tree, d);
        long[] size = Complexity.of(tree);
        if (size[0] > MAX_KEYS) throw d.invalid("Filter policy can not have more than " + MAX_KEYS + " keys");
        if (size[1] > MAX_COMBINATIONS) throw d.invalid("Filter policy is too complex");
        return new SnsFilterPolicy(scope, pattern);
    }

    private static void noNesting(JsonNode policy) {
        for (Iterator<Map.Entry<String, JsonNode>> it = policy.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("$or") && e.getValue().isArray()) {
                for (JsonNode alternative : e.getValue()) if (alternative.isObject()) noNesting(alternative);
            } else if (e.getValue().isObject()) {
                throw Dialect.SNS_FILTER_POLICY.invalid("Filter policy scope MessageAttributes does not support nested filter policy");
            }
        }
    }

    public Scope scope() { return scope; }

    /** Matches a published message: its body and its attributes in the Publish or the Lambda event shape. */
    public Match explain(String message, JsonNode messageAttributes) {
        if (scope == Scope.MESSAGE_ATTRIBUTES) return pattern.explain(attributes(messageAttributes));
        JsonNode body;
        try {
            body = message == null ? null : MAPPER.readTree(message);
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) return Match.failed("the message body is not a JSON object");
        return pattern.explain(body);
    }

    public boolean matches(String message, JsonNode messageAttributes) {
        return explain(message, messageAttributes).matched();
    }

    /**
     * Message attributes as the document the policy is matched against: String as text, Number as a number,
     * String.Array as its JSON array; Binary attributes are not matched. Accepts {@code {Type, Value}} (the
     * notification) and {@code {DataType, StringValue}} (Publish).
     */
    static ObjectNode attributes(JsonNode messageAttributes) {
        ObjectNode doc = MAPPER.createObjectNode();
        if (messageAttributes == null) return doc;
        for (Iterator<Map.Entry<String, JsonNode>> it = messageAttributes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = text(e.getValue(), "Type", "DataType");
            String value = text(e.getValue(), "Value", "StringValue");
            if (type == null || value == null) continue;
            if (type.startsWith("Number")) {
                try {
                    doc.put(e.getKey(), new BigDecimal(value.trim()));
                } catch (NumberFormatException ignored) {
                    doc.put(e.getKey(), value);
                }
            } else if (type.startsWith("String.Array")) {
                try {
                    JsonNode array = MAPPER.readTree(value);
                    doc.set(e.getKey(), array != null && array.isArray() ? array : doc.textNode(value));
                } catch (JsonProcessingException ex) {
                    doc.put(e.getKey(), value);
                }
            } else if (type.startsWith("String")) {
                doc.put(e.getKey(), value);
            }
        }
        return doc;
    }

    private static String text(JsonNode node, String a, String b) {
        JsonNode v = node.get(a);
        if (v == null) v = node.get(b);
        return v == null || v.isNull() ? null : v.asText();
    }
}
