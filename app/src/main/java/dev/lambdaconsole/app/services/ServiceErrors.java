package dev.lambdaconsole.app.services;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;

import java.util.concurrent.CompletionException;

/** A local service's error as the service words it: {@code Code: message}; other failures by their message. */
public final class ServiceErrors {
    private ServiceErrors() { }

    public static String describe(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
        if (e instanceof AwsServiceException a) return a.code() + ": " + a.getMessage();
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
