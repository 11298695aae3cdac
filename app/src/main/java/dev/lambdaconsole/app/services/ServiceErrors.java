package dev.lambdaconsole.app.services;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;

import java.util.concurrent.CompletionException;

/** A service's error as the service words it (its code, then its message); anything else by its message. */
public final class ServiceErrors {
    private ServiceErrors() { }

    public static String message(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof AwsServiceException aws) return aws.code() + ": " + aws.getMessage();
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** The same as {@link #message(Throwable)}. */
    public static String describe(Throwable error) {
        return message(error);
    }
}
