package dev.lambdaconsole.runtime.workspace;

/** What changed in the workspace, for listeners such as the engine's pools and the console's lists. */
public record WorkspaceChange(Kind kind, String functionName) {
    public enum Kind { CREATED, CONFIGURATION, CODE, DELETED, EVENTS }
}
