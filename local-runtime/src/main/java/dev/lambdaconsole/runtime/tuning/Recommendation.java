package dev.lambdaconsole.runtime.tuning;

/**
 * The variant a tuning run recommends and why, in a sentence for people.
 */
public record Recommendation(Strategy strategy, int memoryMb, String architecture, double averageDurationMs,
                             double averageCostUsd, String reason) {
    public String label() { return memoryMb + " MB " + architecture; }
}
