package dev.lambdaconsole.runtime.services.cloudwatch;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;

import java.util.Map;

/**
 * CloudWatch's errors. The exception carries the Query code (what the CLI prints, e.g. InvalidParameterValue); the
 * JSON and CBOR protocols send the model's shape name in {@code __type} and the Query code in
 * {@code x-amzn-query-error} (the service is "awsQueryCompatible").
 */
final class CloudWatchErrors {
    private static final Map<String, String> SHAPES = Map.of(
            "InvalidParameterValue", "InvalidParameterValueException",
            "MissingParameter", "MissingRequiredParameterException",
            "InvalidParameterCombination", "InvalidParameterCombinationException",
            "InvalidNextToken", "InvalidNextToken",
            "InternalServiceError", "InternalServiceFault",
            "ValidationError", "ValidationError");

    private CloudWatchErrors() { }

    static AwsServiceException invalid(String message) {
        return new AwsServiceException(400, "InvalidParameterValue", message);
    }

    static AwsServiceException missing(String parameter) {
        return new AwsServiceException(400, "MissingParameter",
                "The parameter " + parameter + " is required.");
    }

    static AwsServiceException combination(String message) {
        return new AwsServiceException(400, "InvalidParameterCombination", message);
    }

    /** The exception's code as a JSON/CBOR {@code __type}. */
    static String shape(String code) {
        return SHAPES.getOrDefault(code, code);
    }
}
