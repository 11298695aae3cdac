package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.services.lambda.LambdaErrors;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event source mapping operations of the Lambda API ({@code /2015-03-31/event-source-mappings/…}) on the
 * shared endpoint, beside the rest of the Lambda API, with Lambda's error shape.
 */
public final class MappingsEndpoint implements ServiceEndpoint {
    private static final Pattern COLLECTION = Pattern.compile("^/2015-03-31/event-source-mappings/?$");
    private static final Pattern ONE = Pattern.compile("^/2015-03-31/event-source-mappings/([^/]+)/?$");
    private final MappingService service;
    private final LambdaErrors errors;

    public MappingsEndpoint(MappingService service, LambdaErrors errors) {
        this.service = service;
        this.errors = errors;
    }

    @Override public String name() { return "lambda event source mappings"; }

    @Override public Set<String> signingNames() { return Set.of("lambda"); }

    @Override
    public boolean claimsPath(ServiceRequest request) {
        return request.path().startsWith("/2015-03-31/event-source-mappings");
    }

    @Override
    public CompletionStage<ServiceResponse> handle(ServiceRequest request) {
        String path = request.path();
        String method = request.method();
        Matcher m;
        if (COLLECTION.matcher(path).matches()) {
            if (method.equals("POST")) return reply(202, MappingService.view(service.create(body(request))));
            if (method.equals("GET")) return reply(200, list(request));
        } else if ((m = ONE.matcher(path)).matches()) {
            String uuid = m.group(1);
            switch (method) {
                case "GET" -> {
                    return reply(200, MappingService.view(service.get(uuid).orElseThrow(MappingService::notFound)));
                }
                case "PUT" -> {
                    return reply(202, MappingService.view(service.update(uuid, body(request))));
                }
                case "DELETE" -> {
                    return reply(202, MappingService.view(service.delete(uuid)));
                }
                default -> { }
            }
        } else {
            throw new AwsServiceException(404, "UnknownOperationException", "Unknown operation " + method + " " + path);
        }
        throw new AwsServiceException(405, "InvalidRequestContentException", "Method not allowed: " + method);
    }

    private ObjectNode list(ServiceRequest request) {
        List<Mapping> all = service.list(request.query("EventSourceArn"), request.query("FunctionName"));
        int from = 0;
        String marker = request.query("Marker");
        if (marker != null && !marker.isEmpty()) {
            try {
                from = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                throw new AwsServiceException(400, "InvalidParameterValueException", "Invalid Marker: " + marker);
            }
        }
        int max = 100;
        String maxItems = request.query("MaxItems");
        if (maxItems != null) {
            try {
                max = Integer.parseInt(maxItems);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > 10000) {
                throw new AwsServiceException(400, "ValidationException", "1 validation error detected: Value '"
                        + maxItems + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000");
            }
            max = Math.min(max, 100);
        }
        ObjectNode out = Json.object();
        ArrayNode page = out.putArray("EventSourceMappings");
        int to = Math.min(all.size(), from + max);
        for (int i = from; i < to; i++) page.add(MappingService.view(all.get(i)));
        if (to < all.size()) out.put("NextMarker", String.valueOf(to));
        return out;
    }

    private static JsonNode body(ServiceRequest request) {
        try {
            JsonNode n = Json.MAPPER.readTree(request.body());
            if (n == null) throw new AwsServiceException(400, "InvalidRequestContentException", "The request body is empty.");
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AwsServiceException(400, "InvalidRequestContentException",
                    "Could not parse request body into json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AwsServiceException(400, "InvalidRequestContentException", "Unreadable request body: " + e.getMessage());
        }
    }

    private static CompletionStage<ServiceResponse> reply(int status, JsonNode body) {
        return CompletableFuture.completedFuture(ServiceResponse.of(status, "application/json", Json.bytes(body)));
    }

    @Override
    public boolean expected(Throwable error) { return LambdaErrors.expected(error); }

    @Override
    public ServiceResponse error(ServiceRequest request, Throwable error) { return errors.response(error); }
}
