package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.util.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events API Gateway and Function URLs hand to a function: payload format 2.0 (HTTP APIs, Function URLs) and
 * 1.0 (REST APIs, HTTP APIs with PayloadFormatVersion 1.0), field for field as AWS builds them.
 */
public final class ProxyEvents {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** Where the event is going and what API Gateway knows of the request's route. */
    public record Target(String apiId, String accountId, String stage, String routeKey,
                         Map<String, String> pathParameters, Map<String, String> stageVariables, JsonNode authorizer) {
    }

    private ProxyEvents() { }

    /** Payload format 2.0. {@code functionUrl}: as Function URLs build it (nulls present, no route but $default). */
    public static ObjectNode v2(ProxyRequest r, Target t, boolean functionUrl) {
        ObjectNode e = Json.object();
        e.put("version", "2.0");
        e.put("routeKey", t.routeKey());
        e.put("rawPath", r.rawPath());
        e.put("rawQueryString", r.rawQuery());
        List<String> cookies = r.cookies();
        if (!cookies.isEmpty()) {
            ArrayNode c = e.putArray("cookies");
            cookies.forEach(c::add);
        }
        ObjectNode headers = e.putObject("headers");
        r.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Cookie")) headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
        });
        Map<String, List<String>> query = ServiceRequest.parseForm(r.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode q = e.putObject("queryStringParameters");
            query.forEach((k, v) -> q.put(k, String.join(",", v)));
        }
        ObjectNode rc = e.putObject("requestContext");
        rc.put("accountId", t.accountId());
        rc.put("apiId", t.apiId());
        if (functionUrl) rc.putNull("authentication");
        if (t.authorizer() != null) rc.set("authorizer", t.authorizer());
        else if (functionUrl) rc.putNull("authorizer");
        rc.put("domainName", r.domainName());
        rc.put("domainPrefix", r.domainPrefix());
        ObjectNode http = rc.putObject("http");
        http.put("method", r.method());
        http.put("path", ProxyRequest.decode(r.rawPath()));
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", r.sourceIp());
        http.put("userAgent", r.userAgent());
        rc.put("requestId", r.requestId());
        rc.put("routeKey", t.routeKey());
        rc.put("stage", t.stage());
        rc.put("time", TIME.format(Instant.ofEpochMilli(r.timeEpochMs())));
        rc.put("timeEpoch", r.timeEpochMs());
        body(e, r, !ProxyRequest.textual(r.http().header("Content-Type")), functionUrl);
        map(e, "pathParameters", t.pathParameters(), functionUrl);
        map(e, "stageVariables", t.stageVariables(), functionUrl);
        return e;
    }

    /**
     * Payload format 1.0 (REST APIs; HTTP APIs when {@code httpApi}, with "version"). {@code resource}: the REST
     * resource path or the HTTP API route's path; {@code path}: the path without the stage (REST) or as sent.
     */
    public static ObjectNode v1(ProxyRequest r, Target t, String resource, String resourceId, String path,
                                boolean httpApi, boolean base64) {
        ObjectNode e = Json.object();
        if (httpApi) e.put("version", "1.0");
        e.put("resource", resource);
        e.put("path", ProxyRequest.decode(path));
        e.put("httpMethod", r.method());
        Map<String, List<String>> all = r.headers();
        ObjectNode headers = Json.object();
        ObjectNode multi = Json.object();
        all.forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            ArrayNode a = multi.putArray(name);
            values.forEach(a::add);
        });
        e.set("headers", headers.isEmpty() ? null : headers);
        e.set("multiValueHeaders", multi.isEmpty() ? null : multi);
        Map<String, List<String>> query = ServiceRequest.parseForm(r.rawQuery());
        if (query.isEmpty()) {
            e.putNull("queryStringParameters");
            e.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode q = e.putObject("queryStringParameters");
            ObjectNode mq = e.putObject("multiValueQueryStringParameters");
            query.forEach((k, v) -> {
                q.put(k, v.get(v.size() - 1));
                ArrayNode a = mq.putArray(k);
                v.forEach(a::add);
            });
        }
        ObjectNode rc = Json.object();
        rc.put("accountId", t.accountId());
        rc.put("apiId", t.apiId());
        if (t.authorizer() != null) rc.set("authorizer", t.authorizer());
        rc.put("domainName", r.domainName());
        rc.put("domainPrefix", r.domainPrefix());
        rc.put("extendedRequestId", r.requestId());
        rc.put("httpMethod", r.method());
        ObjectNode identity = rc.putObject("identity");
        for (String k : List.of("accessKey", "accountId", "caller", "cognitoAuthenticationProvider",
                "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId")) {
            identity.putNull(k);
        }
        identity.put("sourceIp", r.sourceIp());
        identity.putNull("user");
        identity.put("userAgent", r.userAgent());
        identity.putNull("userArn");
        rc.put("path", ProxyRequest.decode(r.rawPath()));
        rc.put("protocol", "HTTP/1.1");
        rc.put("requestId", httpApi ? r.requestId() : java.util.UUID.randomUUID().toString());
        rc.put("requestTime", TIME.format(Instant.ofEpochMilli(r.timeEpochMs())));
        rc.put("requestTimeEpoch", r.timeEpochMs());
        rc.put("resourceId", resourceId);
        rc.put("resourcePath", resource);
        rc.put("stage", t.stage());
        map(e, "pathParameters", t.pathParameters(), true);
        map(e, "stageVariables", t.stageVariables(), true);
        e.set("requestContext", rc);
        body(e, r, base64, true);
        return e;
    }

    private static void body(ObjectNode e, ProxyRequest r, boolean base64, boolean nullWhenEmpty) {
        byte[] body = r.http().body();
        if (body.length == 0) {
            if (nullWhenEmpty) e.putNull("body");
            e.put("isBase64Encoded", false);
            return;
        }
        e.put("body", base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        e.put("isBase64Encoded", base64);
    }

    private static void map(ObjectNode e, String field, Map<String, String> values, boolean nullWhenEmpty) {
        if (values == null || values.isEmpty()) {
            if (nullWhenEmpty) e.putNull(field);
            return;
        }
        ObjectNode o = e.putObject(field);
        new LinkedHashMap<>(values).forEach(o::put);
    }
}
