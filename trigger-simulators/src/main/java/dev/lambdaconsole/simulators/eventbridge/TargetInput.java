package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.util.Json;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a target receives: the whole event, or the target's {@code Input} (constant JSON), {@code InputPath} (a
 * part of the event) or {@code InputTransformer} (variables from the event substituted into a template).
 *
 * <p>Substitution follows EventBridge: inside a quoted JSON string a variable's text is inserted (a string's
 * characters, escaped so the JSON stays valid; an object or array as its JSON); outside quotes a string is inserted
 * as a quoted JSON string, a number, boolean, object or array as JSON, a path the event lacks as {@code null}. A
 * template that is not JSON at all (plain text) gets each value's text as is. The reserved variables are
 * {@code aws.events.rule-arn}, {@code aws.events.rule-name}, {@code aws.events.event.ingestion-time},
 * {@code aws.events.event} (the event without detail) and {@code aws.events.event.json} (the whole event).
 */
final class TargetInput {
    private static final Pattern VARIABLE = Pattern.compile("<([^<>\\s]+)>");

    private TargetInput() { }

    /** Checks a target's input settings as PutTargets does. */
    static void check(JsonNode target) {
        String id = target.path("Id").asText();
        int given = (target.hasNonNull("Input") ? 1 : 0) + (target.hasNonNull("InputPath") ? 1 : 0)
                + (target.hasNonNull("InputTransformer") ? 1 : 0);
        if (given > 1) {
            throw validation("Only one of Input, InputPath, or InputTransformer must be provided for target " + id + ".");
        }
        if (target.hasNonNull("Input")) {
            try {
                Json.MAPPER.readTree(target.get("Input").asText());
            } catch (java.io.IOException e) {
                throw validation("Input for target " + id + " is not valid JSON text.");
            }
        }
        if (target.hasNonNull("InputPath")) path(target.get("InputPath").asText(), "InputPath", id);
        JsonNode t = target.get("InputTransformer");
        if (t != null && !t.isNull()) {
            if (!t.hasNonNull("InputTemplate")) {
                throw validation("1 validation error detected: Value null at 'targets.1.member.inputTransformer.inputTemplate' "
                        + "failed to satisfy constraint: Member must not be null");
            }
            JsonNode paths = t.path("InputPathsMap");
            if (paths.size() > 100) throw validation("InputPathsMap of target " + id + " has more than 100 entries.");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("aws.")) {
                    throw validation("InputTransformer for target " + id + ": the InputPathsMap key " + e.getKey()
                            + " is reserved (keys can't start with 'aws.').");
                }
                path(e.getValue().asText(), "InputPathsMap", id);
            }
        }
    }

    private static JsonPath path(String text, String member, String id) {
        try {
            return JsonPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw validation(member + " for target " + id + " is not valid: " + e.getMessage() + ".");
        }
    }

    private static AwsServiceException validation(String message) {
        return AwsServiceException.badRequest("ValidationException", message);
    }

    /** The text a target receives for {@code event}. */
    static String of(JsonNode target, ObjectNode event, String ruleArn, String ruleName, Instant ingested) {
        if (target.hasNonNull("Input")) return target.get("Input").asText();
        if (target.hasNonNull("InputPath")) {
            JsonNode v = JsonPath.parse(target.get("InputPath").asText()).read(event);
            return v == null ? "null" : Json.write(v);
        }
        JsonNode t = target.get("InputTransformer");
        if (t == null || t.isNull()) return Json.write(event);
        Map<String, JsonNode> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = t.path("InputPathsMap").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), JsonPath.parse(e.getValue().asText()).read(event));
        }
        values.put("aws.events.rule-arn", Json.MAPPER.getNodeFactory().textNode(ruleArn));
        values.put("aws.events.rule-name", Json.MAPPER.getNodeFactory().textNode(ruleName));
        values.put("aws.events.event.ingestion-time", Json.MAPPER.getNodeFactory().textNode(
                EventBridgeService.TIME.format(ingested)));
        ObjectNode withoutDetail = event.deepCopy();
        withoutDetail.remove("detail");
        values.put("aws.events.event", withoutDetail);
        values.put("aws.events.event.json", event);
        return transform(t.get("InputTemplate").asText(), values);
    }

    /** Substitutes {@code values} into {@code template}; a variable not in {@code values} stays as written. */
    static String transform(String template, Map<String, JsonNode> values) {
        boolean json = isJson(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        boolean inString = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '<') {
                Matcher m = VARIABLE.matcher(template).region(i, template.length());
                if (m.lookingAt() && values.containsKey(m.group(1))) {
                    JsonNode v = values.get(m.group(1));
                    if (!json) out.append(text(v));
                    else if (inString) out.append(escaped(text(v)));
                    else out.append(v == null ? "null" : Json.write(v));
                    i = m.end() - 1;
                    continue;
                }
            }
            if (json && c == '"') inString = !inString;
            if (json && inString && c == '\\' && i + 1 < template.length()) {
                out.append(c).append(template.charAt(++i));
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Whether the template is JSON once its variables (outside strings) stand for a value. */
    private static boolean isJson(String template) {
        String probe = VARIABLE.matcher(template).replaceAll("null");
        try {
            Json.MAPPER.readTree(probe);
            return !probe.isBlank();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) return "";
        return v.isTextual() ? v.textValue() : Json.write(v);
    }

    private static String escaped(String s) {
        String quoted = Json.write(s);
        return quoted.substring(1, quoted.length() - 1);
    }
}
