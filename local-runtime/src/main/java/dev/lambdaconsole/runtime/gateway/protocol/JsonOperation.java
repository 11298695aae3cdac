package dev.lambdaconsole.runtime.gateway.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** One operation of a JSON-protocol service: the request's JSON in, the response's JSON out. */
@FunctionalInterface
public interface JsonOperation {
    /** Throws {@link dev.lambdaconsole.runtime.gateway.AwsServiceException} for the service's errors. */
    JsonNode apply(JsonNode input);
}
