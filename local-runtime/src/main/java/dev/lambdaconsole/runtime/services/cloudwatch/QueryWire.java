package dev.lambdaconsole.runtime.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.protocol.Xml;
import dev.lambdaconsole.runtime.util.Json;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudWatch's Query protocol: form parameters ({@code Dimensions.member.1.Name=…}) to the request tree, and the
 * response tree to XML ({@code <OpResponse><OpResult>…</OpResult><ResponseMetadata>…}), lists as {@code member}
 * elements, the ExtendedStatistics map as {@code entry}/{@code key}/{@code value}, timestamps in ISO 8601.
 */
final class QueryWire {
    static final String NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    private static final Set<String> TIMESTAMPS = Set.of("Timestamp", "Timestamps");
    private static final Set<String> MAPS = Set.of("ExtendedStatistics");

    private QueryWire() { }

    static ObjectNode tree(Map<String, List<String>> form) {
        ObjectNode root = Json.object();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            String key = e.getKey();
            if (key.equals("Action") || key.equals("Version") || key.startsWith("X-Amz-") || e.getValue().isEmpty()) continue;
            put(root, key.split("\\."), 0, e.getValue().get(0));
        }
        return root;
    }

    /** Puts {@code value} at the path; {@code Name.member.N} is the Nth (from 1) element of the list Name. */
    private static void put(ObjectNode node, String[] path, int i, String value) {
        String name = path[i];
        if (i + 2 < path.length && path[i + 1].equals("member")) {
            ArrayNode list = node.has(name) && node.get(name).isArray() ? (ArrayNode) node.get(name) : node.putArray(name);
            int index;
            try {
                index = Integer.parseInt(path[i + 2]) - 1;
            } catch (NumberFormatException ex) {
                throw CloudWatchErrors.invalid("The parameter " + String.join(".", path) + " has no list index.");
            }
            if (index < 0 || index > 1000) throw CloudWatchErrors.invalid("The list index in " + String.join(".", path) + " is out of range.");
            while (list.size() <= index) list.addNull();
            if (i + 3 == path.length) {
                list.set(index, Json.MAPPER.getNodeFactory().textNode(value));
            } else {
                ObjectNode element = list.get(index).isObject() ? (ObjectNode) list.get(index) : Json.object();
                list.set(index, element);
                put(element, path, i + 3, value);
            }
            return;
        }
        if (i == path.length - 1) {
            node.put(name, value);
        } else {
            ObjectNode child = node.has(name) && node.get(name).isObject() ? (ObjectNode) node.get(name) : node.putObject(name);
            put(child, path, i + 1, value);
        }
    }

    static String xml(String operation, JsonNode result, String requestId) {
        StringBuilder b = new StringBuilder("<").append(operation).append("Response xmlns=\"").append(NAMESPACE).append("\">");
        b.append('<').append(operation).append("Result>");
        members(b, result);
        b.append("</").append(operation).append("Result>");
        b.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
        b.append("</").append(operation).append("Response>\n");
        return b.toString();
    }

    private static void members(StringBuilder b, JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            b.append('<').append(name).append('>');
            if (MAPS.contains(name) && v.isObject()) {
                v.fields().forEachRemaining(entry -> b.append("<entry><key>").append(Xml.escape(entry.getKey()))
                        .append("</key><value>").append(entry.getValue().asText()).append("</value></entry>"));
            } else if (v.isArray()) {
                for (JsonNode item : v) {
                    b.append("<member>");
                    value(b, name, item);
                    b.append("</member>");
                }
            } else {
                value(b, name, v);
            }
            b.append("</").append(name).append('>');
        }
    }

    private static void value(StringBuilder b, String name, JsonNode v) {
        if (v.isObject()) members(b, v);
        else if (TIMESTAMPS.contains(name) && v.isNumber()) b.append(Instant.ofEpochMilli(Math.round(v.asDouble() * 1000)));
        else b.append(Xml.escape(v.asText()));
    }
}
