package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Checks a pattern's structure (objects, arrays, {@code $or}) and compiles it; match values go to {@link Operators}. */
final class PatternCompiler {
    private final Dialect dialect;
    private final Operators operators;

    PatternCompiler(Dialect dialect) {
        this.dialect = dialect;
        this.operators = new Operators(dialect);
    }

    ObjectPattern compile(JsonNode root) {
        if (root == null || !root.isObject()) throw dialect.invalid("Filter is not an object");
        return object(root, true);
    }

    private ObjectPattern object(JsonNode node, boolean root) {
        if (node.isEmpty() && !root) throw dialect.invalid("Empty objects are not allowed");
        List<ObjectPattern.Field> fields = new ArrayList<>();
        List<List<ObjectPattern>> ors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.equals("$or") && value.isArray()) {
                ors.add(or(value));
            } else if (value.isObject()) {
                fields.add(new ObjectPattern.Field(key, object(value, false), null));
            } else if (value.isArray()) {
                fields.add(new ObjectPattern.Field(key, null, leaf(value)));
            } else {
                throw dialect.invalid(Values.quote(key) + " must be an object or an array");
            }
        }
        return new ObjectPattern(List.copyOf(fields), List.copyOf(ors), dialect.dottedKeys());
    }

    private List<ObjectPattern> or(JsonNode alternatives) {
        if (alternatives.size() < 2) throw dialect.invalid("\"$or\" must be an array of at least two objects");
        List<ObjectPattern> out = new ArrayList<>();
        for (JsonNode alternative : alternatives) {
            if (!alternative.isObject()) throw dialect.invalid("\"$or\" must be an array of at least two objects");
            out.add(object(alternative, false));
        }
        return List.copyOf(out);
    }

    private LeafPattern leaf(JsonNode array) {
        if (array.isEmpty()) throw dialect.invalid("Empty arrays are not allowed");
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode value : array) {
            if (value.isObject()) conditions.add(operators.compile(value));
            else if (value.isTextual() || value.isNumber() || value.isBoolean() || value.isNull()) {
                conditions.add(new Condition.Exact(value));
            } else {
                throw dialect.invalid("Match value must be String, number, true, false, or null");
            }
        }
        return new LeafPattern(List.copyOf(conditions));
    }
}
