package dev.lambdaconsole.runtime.metrics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The metrics of CloudWatch's {@code AWS/Lambda} namespace that the engine computes, with their unit and how their
 * samples combine: a count (each sample 1, or 0 and 1 for Errors), a distribution (each sample a value: durations and
 * ages, with percentiles), or a level (the highest concurrency in each minute).
 */
public enum LambdaMetric {
    Invocations("Count", Kind.COUNT),
    Errors("Count", Kind.COUNT),
    Throttles("Count", Kind.COUNT),
    Duration("Milliseconds", Kind.DISTRIBUTION),
    ConcurrentExecutions("Count", Kind.LEVEL),
    UnreservedConcurrentExecutions("Count", Kind.LEVEL),
    ProvisionedConcurrencyInvocations("Count", Kind.COUNT),
    ProvisionedConcurrentExecutions("Count", Kind.LEVEL),
    IteratorAge("Milliseconds", Kind.DISTRIBUTION),
    AsyncEventsReceived("Count", Kind.COUNT),
    AsyncEventAge("Milliseconds", Kind.DISTRIBUTION),
    AsyncEventsDropped("Count", Kind.COUNT),
    DeadLetterErrors("Count", Kind.COUNT),
    DestinationDeliveryFailures("Count", Kind.COUNT);

    /** How a metric's samples combine. */
    public enum Kind { COUNT, DISTRIBUTION, LEVEL }

    public static final String NAMESPACE = "AWS/Lambda";

    private final String unit;
    private final Kind kind;

    LambdaMetric(String unit, Kind kind) {
        this.unit = unit;
        this.kind = kind;
    }

    /** The CloudWatch unit: Count or Milliseconds. */
    public String unit() { return unit; }

    public Kind kind() { return kind; }

    /** Account-level only (no FunctionName dimension), as in CloudWatch. */
    public boolean accountOnly() { return this == UnreservedConcurrentExecutions; }

    public static Optional<LambdaMetric> named(String name) {
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst();
    }
}
