package dev.lambdaconsole.runtime.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.nio.ByteBuffer;
import java.util.UUID;

/** One request of the Lambda API with its reply helpers. */
final class Exchange {
    final Request request;
    final Response response;
    final Callback callback;
    final String requestId = UUID.randomUUID().toString();
    private Fields query;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        response.getHeaders().put("x-amzn-RequestId", requestId);
    }

    String query(String name) {
        if (query == null) query = Request.extractQueryParameters(request);
        return query.getValue(name);
    }

    String header(String name) { return request.getHeaders().get(name); }

    void json(int status, JsonNode body) {
        send(status, "application/json", Json.bytes(body));
    }

    void send(int status, String contentType, byte[] body) {
        response.setStatus(status);
        if (contentType != null) response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    void empty(int status) {
        response.setStatus(status);
        response.write(true, null, callback);
    }

    /** A Lambda service error: X-Amzn-ErrorType plus a JSON body with Type and message. */
    void error(ApiError e) {
        response.getHeaders().put("X-Amzn-ErrorType", e.type);
        ObjectNode body = Json.object();
        body.put("Type", e.status >= 500 ? "Service" : "User");
        String key = e.status == 404 || e.status == 500 ? "Message" : "message";
        body.put(key, e.getMessage());
        if (e.reason != null) {
            body.put("Reason", e.reason);
            response.getHeaders().put("Retry-After", "1");
        }
        json(e.status, body);
    }
}
