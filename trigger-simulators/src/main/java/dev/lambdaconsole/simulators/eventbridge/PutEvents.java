package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.util.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** PutEvents: 1-10 entries, 256 KB in all, each checked on its own (a bad entry fails alone) and routed. */
final class PutEvents {
    static final int MAX_ENTRIES = 10;
    static final int MAX_BYTES = 256 * 1024;

    private final EventBridgeService s;

    /** Whether each accepted entry's result also carries the built event and the rules it went to (console). */
    private final boolean report;

    PutEvents(EventBridgeService service) { this(service, false); }

    PutEvents(EventBridgeService service, boolean report) {
        this.s = service;
        this.report = report;
    }

    JsonNode putEvents(JsonNode input) {
        JsonNode entries = input.get("Entries");
        if (entries == null || !entries.isArray()) {
            throw validation("1 validation error detected: Value null at 'entries' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw validation("1 validation error detected: Value '" + entries + "' at 'entries' failed to satisfy "
                    + "constraint: Member must have length " + (entries.isEmpty() ? "greater than or equal to 1"
                    : "less than or equal to " + MAX_ENTRIES));
        }
        long size = 0;
        for (JsonNode e : entries) size += size(e);
        if (size > MAX_BYTES) throw validation("Total size of the entries in the request is over the limit.");
        Instant now = s.clock().instant();
        ObjectNode out = Json.object();
        ArrayNode results = Json.MAPPER.createArrayNode();
        int failed = 0;
        for (JsonNode e : entries) {
            try {
                String bus = s.busName(e);
                synchronized (s) {
                    s.bus(bus);
                }
                ObjectNode event = event(e, now);
                ObjectNode result = results.addObject().put("EventId", event.get("id").asText());
                List<Rule> matched = s.route(bus, event, now);
                if (report) {
                    result.set("Event", event.deepCopy());
                    ArrayNode arns = result.putArray("MatchedRules");
                    for (Rule r : matched) arns.add(r.arn());
                }
            } catch (EntryError error) {
                failed++;
                results.addObject().put("ErrorCode", error.code).put("ErrorMessage", error.getMessage());
            } catch (AwsServiceException error) {
                failed++;
                results.addObject().put("ErrorCode", error.code()).put("ErrorMessage", error.getMessage());
            }
        }
        out.put("FailedEntryCount", failed);
        out.set("Entries", results);
        return out;
    }

    private ObjectNode event(JsonNode e, Instant now) {
        String source = required(e, "Source");
        String detailType = required(e, "DetailType");
        String detailText = required(e, "Detail");
        JsonNode detail;
        try {
            detail = Json.MAPPER.readTree(detailText);
        } catch (java.io.IOException ex) {
            detail = null;
        }
        if (detail == null || !detail.isObject()) throw new EntryError("MalformedDetail", "Detail is malformed.");
        Instant time = now;
        JsonNode t = e.get("Time");
        if (t != null && !t.isNull()) {
            if (t.isNumber()) time = Instant.ofEpochMilli(Math.round(t.asDouble() * 1000));
            else {
                try {
                    time = Instant.parse(t.asText());
                } catch (java.time.format.DateTimeParseException ex) {
                    throw new EntryError("InvalidArgument", "Parameter Time is not valid.");
                }
            }
        }
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", s.accountId());
        event.put("time", EventBridgeService.TIME.format(time));
        event.put("region", s.region());
        ArrayNode resources = event.putArray("resources");
        for (JsonNode r : e.path("Resources")) resources.add(r.asText());
        event.set("detail", detail);
        return event;
    }

    private static String required(JsonNode e, String member) {
        JsonNode v = e.get(member);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new EntryError("InvalidArgument", "Parameter " + member + " is not valid. Reason: " + member
                    + " is a required argument.");
        }
        return v.asText();
    }

    /** The size EventBridge counts: Time 14 bytes, Source, DetailType, Detail and Resources in UTF-8. */
    private static long size(JsonNode e) {
        long n = e.hasNonNull("Time") ? 14 : 0;
        n += utf8(e.path("Source").asText("")) + utf8(e.path("DetailType").asText("")) + utf8(e.path("Detail").asText(""));
        for (JsonNode r : e.path("Resources")) n += utf8(r.asText());
        return n;
    }

    private static long utf8(String s) { return s.getBytes(StandardCharsets.UTF_8).length; }

    private static AwsServiceException validation(String message) {
        return AwsServiceException.badRequest("ValidationException", message);
    }

    /** One entry's failure: reported in its result, not thrown to the caller. */
    private static final class EntryError extends RuntimeException {
        final String code;

        EntryError(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
