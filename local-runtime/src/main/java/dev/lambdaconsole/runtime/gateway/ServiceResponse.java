package dev.lambdaconsole.runtime.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A reply of a service: status, headers (besides Content-Type), content type and body. */
public record ServiceResponse(int status, Map<String, String> headers, String contentType, byte[] body) {
    public ServiceResponse {
        headers = new LinkedHashMap<>(headers);
        body = body == null ? new byte[0] : body;
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

    /** This reply with one more header. */
    public ServiceResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ServiceResponse(status, h, contentType, body);
    }
}
