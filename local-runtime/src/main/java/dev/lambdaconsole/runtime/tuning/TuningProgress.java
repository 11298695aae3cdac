package dev.lambdaconsole.runtime.tuning;

import java.util.List;

/**
 * How far a run is: {@code done} of {@code total} invocations, what runs now, and the variants finished so far.
 */
public record TuningProgress(int done, int total, String current, List<VariantStats> finished) {
    public double fraction() { return total == 0 ? 0 : (double) done / total; }
}
