package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One object level of a pattern: every field must match (AND), and for each {@code $or} one alternative must. A
 * nested pattern matches an event array of objects if one element matches all of it.
 */
record ObjectPattern(List<Field> fields, List<List<ObjectPattern>> ors, boolean dottedKeys) {
    private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();

    /** A key and either a nested pattern or a pattern array. */
    record Field(String key, ObjectPattern nested, LeafPattern leaf) { }

    /** Null if {@code event} matches, else why not (the first field that failed). */
    String whyNot(JsonNode event, String path) {
        JsonNode object = event != null && event.isObject() ? event : EMPTY;
        for (Field f : fields) {
            String at = path.isEmpty() ? f.key() : path + "." + f.key();
            List<JsonNode> values = values(object, f.key());
            if (f.leaf() != null) {
                List<JsonNode> leaves = new ArrayList<>();
                for (JsonNode v : values) leaves(v, leaves);
                if (!f.leaf().matches(leaves)) return f.leaf().whyNot(at, leaves);
            } else {
                List<JsonNode> candidates = new ArrayList<>();
                for (JsonNode v : values) objects(v, candidates);
                if (dottedKeys) {
                    ObjectNode joined = dottedChildren(object, f.key());
                    if (joined != null) candidates.add(joined);
                }
                if (candidates.isEmpty()) candidates.add(EMPTY);
                String first = null;
                for (JsonNode c : candidates) {
                    String why = f.nested().whyNot(c, at);
                    if (why == null) { first = null; break; }
                    if (first == null) first = why;
                }
                if (first != null) return first;
            }
        }
        for (List<ObjectPattern> alternatives : ors) {
            List<String> reasons = new ArrayList<>();
            boolean any = false;
            for (ObjectPattern alternative : alternatives) {
                String why = alternative.whyNot(object, path);
                if (why == null) { any = true; break; }
                reasons.add(why);
            }
            if (!any) return "no alternative of " + (path.isEmpty() ? "" : path + ".") + "$or matches (" + String.join("; ", reasons) + ")";
        }
        return null;
    }

    /** The values a key names: the literal key, and with dotted keys also the nested fields "a.b" spells. */
    private List<JsonNode> values(JsonNode object, String key) {
        List<JsonNode> out = new ArrayList<>(1);
        JsonNode direct = object.get(key);
        if (direct != null) out.add(direct);
        if (dottedKeys) {
            for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
                JsonNode head = object.get(key.substring(0, dot));
                if (head == null) continue;
                List<JsonNode> children = new ArrayList<>();
                objects(head, children);
                for (JsonNode child : children) out.addAll(values(child, key.substring(dot + 1)));
            }
        }
        return out;
    }

    /** Event keys "key.x" seen as the object {"x": …}, or null when there are none. */
    private static ObjectNode dottedChildren(JsonNode object, String key) {
        ObjectNode joined = null;
        String prefix = key + ".";
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length()) {
                if (joined == null) joined = JsonNodeFactory.instance.objectNode();
                joined.set(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return joined;
    }

    private static void leaves(JsonNode value, List<JsonNode> out) {
        if (value.isArray()) for (JsonNode e : value) leaves(e, out);
        else if (!value.isObject()) out.add(value);
    }

    private static void objects(JsonNode value, List<JsonNode> out) {
        if (value.isArray()) for (JsonNode e : value) objects(e, out);
        else if (value.isObject()) out.add(value);
    }
}
