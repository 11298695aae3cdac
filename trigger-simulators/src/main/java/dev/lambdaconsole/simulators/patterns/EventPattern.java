package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A compiled event pattern: an EventBridge rule's pattern, an SNS filter policy or a Lambda filter, matched
 * against one JSON document. Immutable and safe to share between threads.
 */
public final class EventPattern {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Dialect dialect;
    private final JsonNode source;
    private final ObjectPattern root;

    private EventPattern(Dialect dialect, JsonNode source, ObjectPattern root) {
        this.dialect = dialect;
        this.source = source;
        this.root = root;
    }

    /** Parses and checks {@code json}; throws {@link InvalidPatternException} in the dialect's AWS error shape. */
    public static EventPattern parse(String json, Dialect dialect) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "\n at [Source: (String)\"" + json + "\"; line: " + at.getLineNr()
                    + ", column: " + at.getColumnNr() + "]";
            throw dialect.invalid(e.getOriginalMessage() + where);
        }
        return of(tree, dialect);
    }

    /** Checks and compiles an already parsed pattern. */
    public static EventPattern of(JsonNode pattern, Dialect dialect) {
        return new EventPattern(dialect, pattern, new PatternCompiler(dialect).compile(pattern));
    }

    public boolean matches(JsonNode event) { return root.whyNot(event, "") == null; }

    /** Whether {@code event} matches and, if not, the first field and condition that failed. */
    public Match explain(JsonNode event) {
        String why = root.whyNot(event, "");
        return why == null ? Match.MATCHED : Match.failed(why);
    }

    public Dialect dialect() { return dialect; }

    /** The pattern as given. */
    public JsonNode pattern() { return source; }

    @Override
    public String toString() { return dialect + " " + source; }
}
