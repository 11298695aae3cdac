package dev.lambdaconsole.runtime.tuning;

/**
 * Stops a tuning run from any thread without blocking it: the run notices within a tenth of a second, stops
 * the invocation under way with its environment, and runs no more.
 */
public final class TuningCancel {
    private volatile boolean cancelled;

    public void cancel() { cancelled = true; }

    public boolean cancelled() { return cancelled; }
}
