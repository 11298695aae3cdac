package dev.lambdaconsole.runtime.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request to the local endpoint, body already read, free of the HTTP server's types so that services
 * and their tests do not depend on Jetty.
 */
public final class ServiceRequest {
    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String requestId;
    private final String remoteAddress;
    private Map<String, List<String>> query;

    /** {@code headers}: names in any case; {@code rawQuery}: the undecoded query string or null. */
    public ServiceRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                          String requestId) {
        this(method, path, rawQuery, headers, body, requestId, "127.0.0.1");
    }

    /** {@code remoteAddress}: the client's IP address, as API Gateway reports it in {@code sourceIp}. */
    public ServiceRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                          String requestId, String remoteAddress) {
        this.remoteAddress = remoteAddress == null ? "127.0.0.1" : remoteAddress;
        this.method = method;
        this.path = path == null || path.isEmpty() ? "/" : path;
        this.rawQuery = rawQuery;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        this.headers = Collections.unmodifiableMap(h);
        this.body = body == null ? new byte[0] : body;
        this.requestId = requestId;
    }

    public String method() { return method; }

    /** The client's IP address (loopback for the local endpoint unless the gateway says otherwise). */
    public String remoteAddress() { return remoteAddress; }

    /** The path as sent (still percent-encoded), e.g. {@code /2015-03-31/functions/hello/invocations}. */
    public String path() { return path; }

    public String rawQuery() { return rawQuery; }

    public byte[] body() { return body; }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    /** The id the gateway answers with in {@code x-amzn-RequestId}. */
    public String requestId() { return requestId; }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> headers() { return headers; }

    /** The host the client addressed, without the port, lower case; "" when absent. */
    public String host() {
        String host = header("Host");
        if (host == null) return "";
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) host = host.substring(0, colon);
        return host.toLowerCase(Locale.ROOT);
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        List<String> values = queryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> queryAll(String name) {
        return queryParameters().getOrDefault(name, List.of());
    }

    /** The query parameters, decoded, in order. */
    public Map<String, List<String>> queryParameters() {
        if (query == null) query = parseForm(rawQuery);
        return query;
    }

    /** Decodes {@code a=1&b=x+y} (a query string or a form body) into its parameters, in order. */
    public static Map<String, List<String>> parseForm(String form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) return out;
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The SigV4 service name the client signed for (Authorization header or presigned query), or null. */
    public String signingService() {
        String credential = null;
        String auth = header("Authorization");
        if (auth != null) {
            int i = auth.indexOf("Credential=");
            if (i >= 0) {
                int end = auth.indexOf(',', i);
                credential = auth.substring(i + "Credential=".length(), end < 0 ? auth.length() : end).trim();
            }
        }
        if (credential == null) credential = query("X-Amz-Credential");
        if (credential == null) return null;
        String[] parts = credential.split("/");
        return parts.length >= 5 ? parts[parts.length - 2] : null;
    }

    /** The {@code X-Amz-Target} header (JSON protocols), or null. */
    public String target() { return header("X-Amz-Target"); }

    /** The content type without parameters, lower case, or "". */
    public String contentType() {
        String type = header("Content-Type");
        if (type == null) return "";
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() { return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery); }
}
