package dev.lambdaconsole.app.triggers.patterns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.logs.filter.FilterPattern;
import dev.lambdaconsole.runtime.logs.filter.FilterPatternException;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.mappings.FilterDocuments;
import dev.lambdaconsole.simulators.patterns.Dialect;
import dev.lambdaconsole.simulators.patterns.EventPattern;
import dev.lambdaconsole.simulators.patterns.InvalidPatternException;
import dev.lambdaconsole.simulators.patterns.Match;
import dev.lambdaconsole.simulators.patterns.SnsFilterPolicy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Matches a sample against a pattern as the service would: EventBridge against the event; SNS against the
 * notification's message attributes or its body; Lambda FilterCriteria against each record as the pollers see it
 * (SQS body, Kinesis data decoded); CloudWatch Logs against each log message. A pure function.
 */
public final class PatternEvaluator {
    private PatternEvaluator() { }

    public static Verdict evaluate(PatternDialect dialect, SnsFilterPolicy.Scope scope, String pattern, String event) {
        return switch (dialect) {
            case EVENT_PATTERN -> eventPattern(pattern, event);
            case SNS_FILTER_POLICY -> snsPolicy(pattern, scope, event);
            case LAMBDA_FILTER -> lambdaFilter(pattern, event);
            case LOGS_FILTER -> logsFilter(pattern, event);
        };
    }

    private static Verdict eventPattern(String pattern, String event) {
        EventPattern p;
        try {
            p = EventPattern.parse(pattern, Dialect.EVENTBRIDGE);
        } catch (InvalidPatternException e) {
            return Verdict.invalidPattern(e.getMessage());
        }
        JsonNode doc;
        try {
            doc = json(event);
        } catch (IllegalArgumentException e) {
            return Verdict.invalidEvent(e.getMessage());
        }
        return verdict(p.explain(doc));
    }

    private static Verdict snsPolicy(String pattern, SnsFilterPolicy.Scope scope, String event) {
        SnsFilterPolicy policy;
        try {
            policy = SnsFilterPolicy.parse(pattern, scope == null ? SnsFilterPolicy.Scope.MESSAGE_ATTRIBUTES : scope);
        } catch (InvalidPatternException e) {
            return Verdict.invalidPattern(e.getMessage());
        }
        JsonNode doc;
        try {
            doc = json(event);
        } catch (IllegalArgumentException e) {
            return Verdict.invalidEvent(e.getMessage());
        }
        // the Lambda event of a notification, one notification, or (body scope) the message itself
        JsonNode sns = doc.path("Records").path(0).path("Sns");
        if (sns.isMissingNode() && doc.has("Message")) sns = doc;
        if (sns.isMissingNode()) return verdict(policy.explain(doc.toString(), null));
        return verdict(policy.explain(sns.path("Message").asText(null), sns.get("MessageAttributes")));
    }

    private static Verdict lambdaFilter(String pattern, String event) {
        List<EventPattern> filters = new ArrayList<>();
        List<String> texts;
        try {
            texts = LambdaFilters.split(pattern);
        } catch (IllegalArgumentException e) {
            return Verdict.invalidPattern(e.getMessage());
        }
        for (int i = 0; i < texts.size(); i++) {
            try {
                filters.add(EventPattern.parse(texts.get(i), Dialect.LAMBDA_FILTER));
            } catch (InvalidPatternException e) {
                return Verdict.invalidPattern((texts.size() > 1 ? "Filter " + (i + 1) + ": " : "") + e.getMessage()
                        + " (" + e.reason() + ")");
            }
        }
        JsonNode doc;
        try {
            doc = json(event);
        } catch (IllegalArgumentException e) {
            return Verdict.invalidEvent(e.getMessage());
        }
        List<JsonNode> records = new ArrayList<>();
        if (doc.path("Records").isArray()) doc.path("Records").forEach(records::add); else records.add(doc);
        if (records.isEmpty()) return Verdict.invalidEvent("The event has no records.");
        List<String> reasons = new ArrayList<>();
        int passed = 0;
        for (int i = 0; i < records.size(); i++) {
            Match m = FilterDocuments.explain(filters, records.get(i));
            if (m.matched()) passed++;
            else reasons.add(records.size() > 1 ? "record " + (i + 1) + ": " + m.reason() : m.reason());
        }
        if (reasons.isEmpty()) {
            return Verdict.matched(records.size() == 1 ? null : "All " + records.size() + " records pass the filters.");
        }
        String counted = records.size() > 1 ? passed + " of " + records.size() + " records pass; " : "";
        return Verdict.notMatched(counted + String.join("; ", reasons));
    }

    private static Verdict logsFilter(String pattern, String event) {
        FilterPattern p;
        try {
            p = FilterPattern.parse(pattern);
        } catch (FilterPatternException e) {
            return Verdict.invalidPattern(e.getMessage());
        }
        List<String> messages = logMessages(event);
        if (messages.isEmpty()) return Verdict.invalidEvent("There is no log message to match: type one per line.");
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) if (p.matches(messages.get(i))) matching.add(i + 1);
        if (matching.size() == messages.size()) {
            return Verdict.matched(messages.size() == 1 ? null : "All " + messages.size() + " messages match.");
        }
        if (matching.isEmpty()) {
            return Verdict.notMatched(messages.size() == 1 ? "The message does not satisfy " + describe(p)
                    : "None of the " + messages.size() + " messages satisfies " + describe(p));
        }
        return new Verdict(Verdict.Kind.MATCHED, "Matched " + matching.size() + " of " + messages.size() + " messages",
                "Messages " + matching + " match; the others do not satisfy " + describe(p));
    }

    private static String describe(FilterPattern p) {
        String t = p.text().strip();
        if (t.startsWith("{")) return "the JSON condition " + t + " (or is not a JSON object).";
        if (t.startsWith("[")) return "the space-delimited fields " + t + ".";
        return "the terms " + t + " (every term must occur, case-sensitive; ?term: any of them; -term: none).";
    }

    /** The messages of a CloudWatch Logs subscription event (awslogs.data decoded), else one per line of text. */
    static List<String> logMessages(String event) {
        String t = event == null ? "" : event.strip();
        List<String> out = new ArrayList<>();
        if (t.startsWith("{")) {
            try {
                JsonNode doc = Json.MAPPER.readTree(t);
                JsonNode data = doc.path("awslogs").path("data");
                JsonNode payload = data.isTextual() ? unzip(data.asText()) : doc;
                if (payload.has("logEvents")) {
                    for (JsonNode e : payload.path("logEvents")) out.add(e.path("message").asText(""));
                    return out;
                }
            } catch (IOException | IllegalArgumentException notAnEvent) {
                // a message that happens to start with "{"
            }
        }
        for (String line : (event == null ? "" : event).split("\\R")) if (!line.isEmpty()) out.add(line);
        return out;
    }

    private static JsonNode unzip(String base64) throws IOException {
        byte[] zipped = Base64.getDecoder().decode(base64);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            return Json.MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Verdict verdict(Match m) {
        return m.matched() ? Verdict.matched(null) : Verdict.notMatched(m.reason());
    }

    private static JsonNode json(String text) {
        try {
            JsonNode doc = Json.MAPPER.readTree(text == null ? "" : text);
            if (doc == null || doc.isMissingNode()) throw new IllegalArgumentException("Type or pick a sample event.");
            return doc;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException(e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }
}
