package dev.lambdaconsole.runtime.invoke;

/** One execution environment as the console's inspector shows it. */
public record EnvironmentInfo(String id, String logStream, State state, boolean provisioned, long invocations,
                              long idleMillis) {
    public enum State { STARTING, IDLE, BUSY }
}
