package dev.lambdaconsole.runtime.runtimeapi;

/** The runtime reported an init error through {@code /runtime/init/error}. */
public class InitErrorException extends RuntimeException {
    private final byte[] body;
    private final String errorType;

    public InitErrorException(byte[] body, String errorType) {
        super("Runtime reported an init error: " + errorType);
        this.body = body;
        this.errorType = errorType;
    }

    public byte[] body() { return body; }
    public String errorType() { return errorType; }
}
