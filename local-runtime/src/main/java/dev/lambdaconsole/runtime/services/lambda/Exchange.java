package dev.lambdaconsole.runtime.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One request of the Lambda API and the reply being built for it. */
final class Exchange {
    final ServiceRequest request;
    final CompletableFuture<ServiceResponse> reply = new CompletableFuture<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    Exchange(ServiceRequest request) {
        this.request = request;
    }

    String method() { return request.method(); }

    String query(String name) { return request.query(name); }

    String header(String name) { return request.header(name); }

    /** Sets a header of the reply. */
    void responseHeader(String name, String value) { headers.put(name, value); }

    void json(int status, JsonNode body) {
        send(status, "application/json", Json.bytes(body));
    }

    void send(int status, String contentType, byte[] body) {
        reply.complete(new ServiceResponse(status, headers, contentType, body));
    }

    void empty(int status) {
        reply.complete(new ServiceResponse(status, headers, null, new byte[0]));
    }

    /** Fails the exchange; the endpoint writes Lambda's error for it. */
    void fail(Throwable error) { reply.completeExceptionally(error); }

    /** Lambda's error shape: X-Amzn-ErrorType plus a JSON body with Type and message (Message for 404 and 500). */
    static ServiceResponse error(ApiError e) {
        ObjectNode body = Json.object();
        body.put("Type", e.status() >= 500 ? "Service" : "User");
        String key = e.status() == 404 || e.status() == 500 ? "Message" : "message";
        body.put(key, e.getMessage());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amzn-ErrorType", e.code());
        if (e.reason() != null) {
            body.put("Reason", e.reason());
            headers.put("Retry-After", "1");
        }
        return new ServiceResponse(e.status(), headers, "application/json", Json.bytes(body));
    }
}
