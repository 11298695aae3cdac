package dev.lambdaconsole.simulators.apigateway;

import dev.lambdaconsole.runtime.gateway.ServiceRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request to an API or a Function URL as its proxy sees it: the path inside the API (still percent-encoded,
 * the stage included), the domain the client addressed, and the ids API Gateway gives it.
 *
 * @param rawPath    e.g. {@code /prod/items/1}; "/" at least
 * @param domainName e.g. {@code a1b2c3d4e5.execute-api.localhost}
 */
public record ProxyRequest(ServiceRequest http, String rawPath, String domainName, String domainPrefix,
                           String requestId, long timeEpochMs) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** {@code http} addressed at {@code rawPath} of an API on {@code domainName}. */
    public static ProxyRequest of(ServiceRequest http, String rawPath, String domainName) {
        int dot = domainName.indexOf('.');
        byte[] id = new byte[10];
        RANDOM.nextBytes(id);
        String requestId = Base64.getUrlEncoder().withoutPadding().encodeToString(id).substring(0, 14) + "=";
        return new ProxyRequest(http, rawPath.isEmpty() ? "/" : rawPath, domainName,
                dot < 0 ? domainName : domainName.substring(0, dot), requestId, System.currentTimeMillis());
    }

    public String method() { return http.method(); }

    public String rawQuery() { return http.rawQuery() == null ? "" : http.rawQuery(); }

    public String sourceIp() { return http.remoteAddress(); }

    public String userAgent() { return http.header("User-Agent") == null ? "" : http.header("User-Agent"); }

    /** The header names as the client sent them, each with its values in order. */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> out = new LinkedHashMap<>(http.headers());
        out.putIfAbsent("X-Forwarded-For", List.of(sourceIp()));
        out.putIfAbsent("X-Forwarded-Proto", List.of("http"));
        String host = http.header("Host");
        int colon = host == null ? -1 : host.lastIndexOf(':');
        out.putIfAbsent("X-Forwarded-Port", List.of(colon > 0 ? host.substring(colon + 1) : "80"));
        out.putIfAbsent("X-Amzn-Trace-Id", List.of(traceId()));
        return out;
    }

    private String traceId() {
        return "Root=1-" + Long.toHexString(timeEpochMs / 1000) + "-" + requestId.replaceAll("[^A-Za-z0-9]", "")
                .toLowerCase(Locale.ROOT) + "0000000000";
    }

    /** The cookies of the Cookie headers, one entry each ({@code a=1}). */
    public List<String> cookies() {
        List<String> out = new ArrayList<>();
        for (String header : http.headers().getOrDefault("Cookie", List.of())) {
            for (String c : header.split(";")) if (!c.isBlank()) out.add(c.trim());
        }
        return out;
    }

    /** A percent-encoded path or value, decoded ({@code +} stays a plus sign). */
    public static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Whether API Gateway passes a body of this content type as text (else base64, isBase64Encoded true). */
    public static boolean textual(String contentType) {
        if (contentType == null || contentType.isEmpty()) return false;
        String t = contentType.toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) t = t.substring(0, semi).trim();
        return t.startsWith("text/") || t.equals("application/json") || t.equals("application/javascript")
                || t.equals("application/xml") || t.endsWith("+json") || t.endsWith("+xml");
    }
}
