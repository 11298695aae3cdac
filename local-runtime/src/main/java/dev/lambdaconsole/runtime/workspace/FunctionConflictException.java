package dev.lambdaconsole.runtime.workspace;

/** A function of that name exists already. */
public class FunctionConflictException extends RuntimeException {
    public FunctionConflictException(String message) { super(message); }
}
