package dev.lambdaconsole.runtime.workspace;

/**
 * What changed in the workspace, for listeners such as the engine's pools and the console's lists. VERSIONS: a
 * version was published or deleted; ALIASES: an alias was created, updated or deleted.
 */
public record WorkspaceChange(Kind kind, String functionName) {
    public enum Kind { CREATED, CONFIGURATION, CODE, DELETED, EVENTS, VERSIONS, ALIASES }
}
