package dev.lambdaconsole.simulators.apigateway;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.Json;

import java.util.Map;
import java.util.concurrent.CompletionException;

/** API Gateway's errors (v1 and v2 alike): status, {@code x-amzn-ErrorType} and {@code {"message": …}}. */
final class ApiGatewayErrors {
    private ApiGatewayErrors() { }

    static AwsServiceException notFound(String message) {
        return new AwsServiceException(404, "NotFoundException", message);
    }

    static AwsServiceException badRequest(String message) {
        return new AwsServiceException(400, "BadRequestException", message);
    }

    static AwsServiceException conflict(String message) {
        return new AwsServiceException(409, "ConflictException", message);
    }

    static ServiceResponse response(Throwable failure) {
        Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        AwsServiceException a = e instanceof AwsServiceException x ? x
                : new AwsServiceException(500, "InternalServerErrorException", "The local API Gateway failed: " + e);
        return new ServiceResponse(a.status(), Map.of("x-amzn-ErrorType", a.code()), "application/json",
                Json.bytes(Json.object().put("message", a.getMessage())));
    }
}
