package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A function's answer turned into the HTTP response API Gateway sends: payload format 2.0 (simplified responses,
 * cookies) and 1.0 (statusCode, headers, multiValueHeaders, body, isBase64Encoded). A response API Gateway
 * would refuse throws {@link Malformed} naming what is wrong (the caller answers 500 or 502 as the service does).
 */
public final class ProxyResponses {
    private static final Set<String> V1_KEYS = Set.of("statusCode", "headers", "multiValueHeaders", "body",
            "isBase64Encoded");
    /** Headers the HTTP server computes itself. */
    private static final Set<String> HOP = Set.of("content-length", "transfer-encoding", "connection");

    /** A response API Gateway cannot use ("Malformed Lambda proxy response"). */
    public static final class Malformed extends Exception {
        public Malformed(String message) { super(message); }
    }

    private ProxyResponses() { }

    /** Payload format 2.0: an object with statusCode is a response, anything else the body of a 200. */
    public static ServiceResponse v2(byte[] payload) throws Malformed {
        JsonNode json = parse(payload);
        if (!json.isObject() || !json.has("statusCode")) {
            String body = json.isTextual() ? json.asText() : Json.write(json);
            return ServiceResponse.text(200, "application/json", body);
        }
        int status = status(json.get("statusCode"), true);
        Map<String, List<String>> headers = headers(json);
        List<String> cookies = new ArrayList<>();
        JsonNode c = json.path("cookies");
        if (c.isArray()) c.forEach(v -> cookies.add(v.asText()));
        else if (!c.isMissingNode() && !c.isNull()) throw new Malformed("cookies must be a list of strings");
        if (!cookies.isEmpty()) headers.computeIfAbsent("Set-Cookie", k -> new ArrayList<>()).addAll(cookies);
        return response(status, headers, body(json, true));
    }

    /** Payload format 1.0: an object of statusCode, headers, multiValueHeaders, body and isBase64Encoded only. */
    public static ServiceResponse v1(byte[] payload) throws Malformed {
        JsonNode json = parse(payload);
        if (!json.isObject() || json.isEmpty()) throw new Malformed("The response must be a JSON object with statusCode");
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!V1_KEYS.contains(name)) throw new Malformed("Unknown field in the response: " + name);
        }
        int status = json.has("statusCode") ? status(json.get("statusCode"), false) : 200;
        return response(status, headers(json), body(json, false));
    }

    private static JsonNode parse(byte[] payload) throws Malformed {
        try {
            JsonNode json = Json.MAPPER.readTree(payload);
            if (json == null) throw new Malformed("The function returned nothing");
            return json;
        } catch (IOException e) {
            throw new Malformed("The function's response is not JSON: " + e.getMessage());
        }
    }

    private static int status(JsonNode code, boolean lenient) throws Malformed {
        int status;
        if (code.isInt()) status = code.asInt();
        else if (code.isTextual() && code.asText().matches("\\d{3}")) status = Integer.parseInt(code.asText());
        else throw new Malformed("statusCode must be a whole number (got " + code + ")");
        if (status < 100 || status > 599) throw new Malformed("statusCode must be between 100 and 599 (got " + status + ")");
        return status;
    }

    /** headers then multiValueHeaders: a name in both is sent once with its values joined, multi first. */
    private static Map<String, List<String>> headers(JsonNode json) throws Malformed {
        Map<String, List<String>> out = new LinkedHashMap<>();
        JsonNode multi = json.path("multiValueHeaders");
        if (multi.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> values = new ArrayList<>();
                if (e.getValue().isArray()) e.getValue().forEach(v -> values.add(v.asText()));
                else values.add(e.getValue().asText());
                out.put(e.getKey(), values);
            }
        } else if (!multi.isMissingNode() && !multi.isNull()) {
            throw new Malformed("multiValueHeaders must be an object of lists");
        }
        JsonNode single = json.path("headers");
        if (single.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = out.keySet().stream().filter(k -> k.equalsIgnoreCase(e.getKey())).findFirst().orElse(null);
                if (key != null) {
                    List<String> joined = new ArrayList<>(List.of(String.join(", ", out.get(key)) + ", "
                            + e.getValue().asText()));
                    out.put(key, joined);
                } else {
                    out.put(e.getKey(), new ArrayList<>(List.of(e.getValue().asText())));
                }
            }
        } else if (!single.isMissingNode() && !single.isNull()) {
            throw new Malformed("headers must be an object of strings");
        }
        return out;
    }

    private static byte[] body(JsonNode json, boolean lenient) throws Malformed {
        JsonNode body = json.path("body");
        if (body.isMissingNode() || body.isNull()) return new byte[0];
        String text;
        if (body.isTextual()) text = body.asText();
        else if (lenient) text = Json.write(body);
        else throw new Malformed("body must be a string (got " + body.getNodeType() + ")");
        if (json.path("isBase64Encoded").asBoolean(false)) {
            try {
                return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new Malformed("isBase64Encoded is true but the body is not base64: " + e.getMessage());
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ServiceResponse response(int status, Map<String, List<String>> headers, byte[] body) {
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) || values.isEmpty()) return;
            if (values.size() == 1) single.put(name, values.get(0));
            else multi.put(name, values);
        });
        return new ServiceResponse(status, single, null, body, multi, null);
    }

    /** API Gateway's own JSON error replies, e.g. {@code {"message":"Not Found"}}. */
    public static ServiceResponse message(int status, String message) {
        return ServiceResponse.text(status, "application/json", Json.write(Json.object().put("message", message)));
    }
}
