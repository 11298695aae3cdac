package dev.lambdaconsole.runtime.tuning;

/** How a tuning run picks its recommendation, as AWS Lambda Power Tuning's {@code strategy} input does. */
public enum Strategy {
    /** The lowest average cost; of equal costs, the fastest. */
    COST("Cost"),
    /** The lowest average duration; of equal durations, the cheapest. */
    SPEED("Speed"),
    /** The lowest {@code w·cost/maxCost + (1−w)·duration/maxDuration} (w = the balanced weight, 0.5 by default). */
    BALANCED("Balanced");

    private final String label;

    Strategy(String label) { this.label = label; }

    public String label() { return label; }
}
