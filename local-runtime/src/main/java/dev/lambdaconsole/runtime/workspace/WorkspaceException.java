package dev.lambdaconsole.runtime.workspace;

/** A workspace file that cannot be read or written; the message names the file and what to do. */
public class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message, Throwable cause) { super(message, cause); }
    public WorkspaceException(String message) { super(message); }
}
