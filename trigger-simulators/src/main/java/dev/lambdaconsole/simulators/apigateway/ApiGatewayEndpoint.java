package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The API Gateway control plane (rest-json, signed "apigateway" by both APIs): HTTP APIs under {@code /v2/apis},
 * REST APIs under {@code /restapis}, with API Gateway's errors.
 */
final class ApiGatewayEndpoint implements ServiceEndpoint {
    private final HttpApis http;
    private final RestApis rest;

    ApiGatewayEndpoint(HttpApis http, RestApis rest) {
        this.http = http;
        this.rest = rest;
    }

    @Override public String name() { return "apigateway"; }

    @Override public Set<String> signingNames() { return Set.of("apigateway"); }

    @Override
    public boolean claimsPath(ServiceRequest request) {
        return HttpApis.claims(request.path()) || RestApis.claims(request.path());
    }

    @Override
    public CompletionStage<ServiceResponse> handle(ServiceRequest request) {
        JsonNode body = body(request);
        if (HttpApis.claims(request.path())) return CompletableFuture.completedFuture(http.handle(request, body));
        if (RestApis.claims(request.path())) return CompletableFuture.completedFuture(rest.handle(request, body));
        throw ApiGatewayErrors.notFound("No such API Gateway operation: " + request.method() + " " + request.path()
                + ". The local API Gateway serves /v2/apis (HTTP APIs) and /restapis (REST APIs).");
    }

    private static JsonNode body(ServiceRequest request) {
        if (request.body().length == 0) return Json.object();
        try {
            JsonNode n = Json.MAPPER.readTree(request.body());
            if (n == null || !n.isObject()) throw ApiGatewayErrors.badRequest("The request body must be a JSON object");
            return n;
        } catch (IOException e) {
            throw ApiGatewayErrors.badRequest("Invalid JSON in the request body: " + e.getMessage());
        }
    }

    @Override public boolean expected(Throwable error) { return false; }

    @Override
    public ServiceResponse error(ServiceRequest request, Throwable error) {
        return ApiGatewayErrors.response(error);
    }
}
