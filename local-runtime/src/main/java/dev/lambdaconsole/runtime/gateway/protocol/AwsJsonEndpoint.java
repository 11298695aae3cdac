package dev.lambdaconsole.runtime.gateway.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A service in the AWS JSON protocol (1.0 or 1.1): {@code POST /}, the operation in {@code X-Amz-Target:
 * Prefix.Operation}, JSON in and out, errors as {@code {"__type": code, "message": text}} with
 * {@code x-amzn-ErrorType}. Used by CloudWatch Logs, EventBridge, Kinesis, SQS (JSON), DynamoDB Streams.
 */
public final class AwsJsonEndpoint implements ServiceEndpoint {
    private final String name;
    private final Set<String> signingNames;
    private final String targetPrefix;
    private final String contentType;
    private final Map<String, JsonOperation> operations;

    private AwsJsonEndpoint(Builder b) {
        this.name = b.name;
        this.signingNames = Set.copyOf(b.signingNames);
        this.targetPrefix = b.targetPrefix;
        this.contentType = "application/x-amz-json-" + b.jsonVersion;
        this.operations = Map.copyOf(b.operations);
    }

    /** {@code name}: e.g. "logs"; {@code targetPrefix}: e.g. "Logs_20140328"; {@code jsonVersion}: "1.0" or "1.1". */
    public static Builder builder(String name, String targetPrefix, String jsonVersion) {
        return new Builder(name, targetPrefix, jsonVersion);
    }

    public static final class Builder {
        private final String name;
        private final String targetPrefix;
        private final String jsonVersion;
        private Set<String> signingNames;
        private final Map<String, JsonOperation> operations = new LinkedHashMap<>();

        private Builder(String name, String targetPrefix, String jsonVersion) {
            this.name = name;
            this.targetPrefix = targetPrefix;
            this.jsonVersion = jsonVersion;
            this.signingNames = Set.of(name);
        }

        public Builder signingNames(String... names) {
            this.signingNames = Set.of(names);
            return this;
        }

        public Builder operation(String operation, JsonOperation handler) {
            operations.put(operation, handler);
            return this;
        }

        public AwsJsonEndpoint build() { return new AwsJsonEndpoint(this); }
    }

    @Override public String name() { return name; }

    @Override public Set<String> signingNames() { return signingNames; }

    @Override public Set<String> targetPrefixes() { return Set.of(targetPrefix); }

    public Set<String> operations() { return operations.keySet(); }

    @Override
    public CompletionStage<ServiceResponse> handle(ServiceRequest request) {
        String target = request.target();
        if (target == null || !target.startsWith(targetPrefix + ".")) {
            throw new AwsServiceException(400, "UnknownOperationException", "This " + name + " endpoint expects "
                    + "X-Amz-Target: " + targetPrefix + ".<Operation> (got " + (target == null ? "none" : "'" + target + "'")
                    + ")");
        }
        String operation = target.substring(targetPrefix.length() + 1);
        JsonOperation handler = operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException(400, "UnknownOperationException", "Unknown operation " + operation
                    + " of " + name + ". This local endpoint implements: " + String.join(", ",
                    new java.util.TreeSet<>(operations.keySet())) + ".");
        }
        JsonNode input = parse(request.body());
        JsonNode output = handler.apply(input);
        byte[] body = Json.bytes(output == null ? Json.object() : output);
        return CompletableFuture.completedFuture(ServiceResponse.of(200, contentType, body));
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) return Json.object();
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isNull() || node.isMissingNode()) return Json.object();
            if (!node.isObject()) throw new AwsServiceException(400, "SerializationException",
                    "The request body must be a JSON object");
            return node;
        } catch (IOException e) {
            throw new AwsServiceException(400, "SerializationException", "The request body is not valid JSON: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    @Override
    public ServiceResponse error(ServiceRequest request, Throwable error) {
        return errorResponse(contentType, error);
    }

    /** The JSON protocols' error: {@code {"__type","message"}} and {@code x-amzn-ErrorType}. */
    public static ServiceResponse errorResponse(String contentType, Throwable error) {
        int status;
        String code;
        String message;
        if (error instanceof AwsServiceException e) {
            status = e.status();
            code = e.code();
            message = e.getMessage();
        } else {
            status = 500;
            code = "InternalFailure";
            message = "The local service failed: " + error;
        }
        ObjectNode body = Json.object();
        body.put("__type", code);
        body.put("message", message);
        return ServiceResponse.of(status, contentType, Json.bytes(body)).withHeader("x-amzn-ErrorType", code);
    }
}
