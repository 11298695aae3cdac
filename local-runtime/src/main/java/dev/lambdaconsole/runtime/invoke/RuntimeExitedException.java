package dev.lambdaconsole.runtime.invoke;

/** The runtime ended before it finished initialising. */
class RuntimeExitedException extends RuntimeException {
    private final int code;

    RuntimeExitedException(int code) {
        super("Runtime exited with code " + code);
        this.code = code;
    }

    int code() { return code; }
}
