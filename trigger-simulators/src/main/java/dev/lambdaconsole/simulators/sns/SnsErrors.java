package dev.lambdaconsole.simulators.sns;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;

/** SNS's error codes and wording. */
final class SnsErrors {
    private SnsErrors() { }

    /** {@code InvalidParameter}, "Invalid parameter: " + what. */
    static AwsServiceException invalid(String what) {
        return new AwsServiceException(400, "InvalidParameter", "Invalid parameter: " + what);
    }

    /** {@code ParameterValueInvalid} (message attributes). */
    static AwsServiceException invalidValue(String message) {
        return new AwsServiceException(400, "ParameterValueInvalid", message);
    }

    static AwsServiceException notFound(String message) {
        return new AwsServiceException(404, "NotFound", message);
    }

    static AwsServiceException topicNotFound() { return notFound("Topic does not exist"); }

    static AwsServiceException batch(String code, String message) {
        return new AwsServiceException(400, code, message);
    }
}
