package dev.lambdaconsole.runtime.services.lambda;

import dev.lambdaconsole.runtime.gateway.ServiceResponse;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.invoke.InvalidRequestException;
import dev.lambdaconsole.runtime.invoke.TooManyRequestsException;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.workspace.FunctionConflictException;
import dev.lambdaconsole.runtime.workspace.FunctionNotFoundException;
import dev.lambdaconsole.runtime.workspace.VersioningException;
import dev.lambdaconsole.runtime.workspace.WorkspaceException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one translation of engine and workspace failures into Lambda's errors, used by the endpoint (every
 * operation, invoke included) and by the console, so a refusal reads the same wherever it is shown.
 */
public final class LambdaErrors {
    private final EngineSettings settings;

    public LambdaErrors(EngineSettings settings) { this.settings = settings; }

    /** Lambda's error for {@code failure}; anything unexpected becomes a 500 ServiceException naming it. */
    public ApiError translate(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof ApiError a) return a;
        if (e instanceof AwsServiceException a) return new ApiError(a.status(), a.code(), a.getMessage());
        if (e instanceof FunctionNotFoundException f) {
            return ApiError.notFound(settings.functionArn(f.functionName()) + (f.qualifier() == null ? "" : ":" + f.qualifier()));
        }
        if (e instanceof VersioningException v) return new ApiError(v.status(), v.errorType(), v.message(settings::functionArn));
        if (e instanceof ValidationException v) return ApiError.invalid(v.getMessage());
        if (e instanceof FunctionConflictException c) return new ApiError(409, "ResourceConflictException", c.getMessage());
        if (e instanceof TooManyRequestsException t) {
            return new ApiError(429, "TooManyRequestsException", t.getMessage(), t.reason());
        }
        if (e instanceof InvalidRequestException i) return new ApiError(i.status(), i.errorType(), i.getMessage());
        if (e instanceof WorkspaceException w) return new ApiError(500, "ServiceException", w.getMessage());
        return new ApiError(500, "ServiceException", "The local engine failed: " + e);
    }

    /** Lambda's error reply for {@code failure} (X-Amzn-ErrorType, Type and message), for other Lambda API routes. */
    public ServiceResponse response(Throwable failure) {
        return Exchange.error(translate(failure));
    }

    /** Whether the failure is one the service expects (the others are logged with their stack trace). */
    public static boolean expected(Throwable failure) {
        Throwable e = unwrap(failure);
        return e instanceof AwsServiceException || e instanceof FunctionNotFoundException
                || e instanceof ValidationException || e instanceof FunctionConflictException
                || e instanceof TooManyRequestsException || e instanceof InvalidRequestException
                || e instanceof VersioningException;
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
