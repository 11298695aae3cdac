package dev.lambdaconsole.runtime.gateway;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One AWS service on the shared endpoint: how its requests are recognised, how they are answered, and how an
 * error is written in the service's own shape.
 */
public interface ServiceEndpoint {
    /** A short name for logs and errors, e.g. "lambda", "logs", "events". */
    String name();

    /** The SigV4 service names its clients sign with (the credential scope), e.g. "logs". */
    Set<String> signingNames();

    /** {@code X-Amz-Target} prefixes before the dot, e.g. "Logs_20140328"; empty for REST protocols. */
    default Set<String> targetPrefixes() { return Set.of(); }

    /** Whether an unsigned request with no target is this service's, by its path (REST services). */
    default boolean claimsPath(ServiceRequest request) { return false; }

    /**
     * Whether answering may block (disk, waiting); such requests run on the gateway's worker threads, the others
     * where the request arrived. Default: blocking.
     */
    default boolean blocking(ServiceRequest request) { return true; }

    /** Answers a request; a failed stage (or a thrown exception) is written by {@link #error}. */
    CompletionStage<ServiceResponse> handle(ServiceRequest request);

    /** Whether a failure that is not an AwsServiceException is one the service expects (not logged as a bug). */
    default boolean expected(Throwable error) { return false; }

    /**
     * The service's error reply for {@code error}: an {@link AwsServiceException} with its status and code, anything
     * else as the service's 500 (the gateway has logged it).
     */
    ServiceResponse error(ServiceRequest request, Throwable error);
}
