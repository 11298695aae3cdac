package dev.lambdaconsole.simulators.triggers;

/**
 * What a trigger's newest delivery came to.
 *
 * @param outcome "OK", "Function error", "Partial (2 failed)", "Throttled", "Filtered out", "Queued", …
 * @param ok      whether it succeeded (OK, filtered)
 */
public record LastResult(long timeEpochMs, String outcome, boolean ok) { }
