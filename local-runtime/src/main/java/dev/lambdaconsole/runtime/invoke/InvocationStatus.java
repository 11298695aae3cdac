package dev.lambdaconsole.runtime.invoke;

/** How an invocation ended, as the console shows it. */
public enum InvocationStatus {
    SUCCESS, ERROR, TIMEOUT, CRASH, INIT_ERROR;

    public boolean failed() { return this != SUCCESS; }
}
