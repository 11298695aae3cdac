package dev.lambdaconsole.app.cost;

import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.pricing.LambdaPricing;

/**
 * The estimated cost of a set of invocations: the sum of each one's estimate (first duration tier, no free tier,
 * as {@link LambdaPricing#invocation(InvocationRecord)} prices it), with the figures it comes from.
 */
public record CostSummary(long invocations, long coldStarts, long errors, double billedMs, double gbSeconds,
                          double computeUsd, double requestUsd, double ephemeralUsd) {
    public static final CostSummary NONE = new CostSummary(0, 0, 0, 0, 0, 0, 0, 0);

    /** The invocation type of power-tuning runs (at other memory sizes): not the function's traffic. */
    static final String POWER_TUNING = "PowerTuning";

    /** The invocations a function's cost counts: its own, not power-tuning runs. */
    public static boolean counts(InvocationRecord r) { return !POWER_TUNING.equals(r.invocationType()); }

    public static CostSummary of(Iterable<InvocationRecord> records, LambdaPricing pricing) {
        CostSummary s = NONE;
        for (InvocationRecord r : records) if (counts(r)) s = s.plus(r, pricing);
        return s;
    }

    /** This summary with one more invocation. */
    public CostSummary plus(InvocationRecord r, LambdaPricing pricing) {
        LambdaPricing.Estimate e = pricing.invocation(r);
        return new CostSummary(invocations + 1, coldStarts + (r.coldStart() ? 1 : 0), errors + (r.error() ? 1 : 0),
                billedMs + r.billedMs(), gbSeconds + e.gbSeconds(), computeUsd + e.computeUsd(),
                requestUsd + e.requestUsd(), ephemeralUsd + e.ephemeralUsd());
    }

    public double totalUsd() { return computeUsd + requestUsd + ephemeralUsd; }

    /** The average billed duration in ms, or NaN when there are no invocations. */
    public double averageBilledMs() { return invocations == 0 ? Double.NaN : billedMs / invocations; }
}
