package dev.lambdaconsole.runtime.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reply of a service: status, headers (besides Content-Type), content type and body.
 *
 * @param headers      one value per name
 * @param multiHeaders names sent more than once ({@code Set-Cookie}, API Gateway's multi-value headers), written
 *                     after {@code headers}
 * @param stream       when not null, the body is written by it (large objects, response streaming) instead of
 *                     {@code body}; it runs on a worker thread and may block
 */
public record ServiceResponse(int status, Map<String, String> headers, String contentType, byte[] body,
                             Map<String, List<String>> multiHeaders, BodyWriter stream) {
    /** Writes a body that is too large or too slow to hold in memory. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    public ServiceResponse {
        headers = new LinkedHashMap<>(headers);
        body = body == null ? new byte[0] : body;
        Map<String, List<String>> multi = new LinkedHashMap<>();
        if (multiHeaders != null) multiHeaders.forEach((k, v) -> multi.put(k, List.copyOf(v)));
        multiHeaders = multi;
    }

    public ServiceResponse(int status, Map<String, String> headers, String contentType, byte[] body) {
        this(status, headers, contentType, body, Map.of(), null);
    }

    public static ServiceResponse of(int status, String contentType, byte[] body) {
        return new ServiceResponse(status, Map.of(), contentType, body);
    }

    public static ServiceResponse text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static ServiceResponse empty(int status) {
        return new ServiceResponse(status, Map.of(), null, new byte[0]);
    }

    /** A reply whose body {@code writer} writes as it goes (the gateway streams it to the client). */
    public static ServiceResponse streamed(int status, Map<String, String> headers, String contentType,
                                           BodyWriter writer) {
        return new ServiceResponse(status, headers, contentType, null, Map.of(), writer);
    }

    /** This reply with one more header. */
    public ServiceResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ServiceResponse(status, h, contentType, body, multiHeaders, stream);
    }

    /** This reply with {@code name} sent once per value (after any single value of that name). */
    public ServiceResponse withHeaderValues(String name, List<String> values) {
        Map<String, List<String>> m = new LinkedHashMap<>(multiHeaders);
        List<String> all = new ArrayList<>(m.getOrDefault(name, List.of()));
        all.addAll(values);
        m.put(name, all);
        return new ServiceResponse(status, headers, contentType, body, m, stream);
    }
}
