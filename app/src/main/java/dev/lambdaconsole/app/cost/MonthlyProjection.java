package dev.lambdaconsole.app.cost;

import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.pricing.LambdaPricing;

import java.util.Locale;

/**
 * A month of a function at a typed rate, priced with and without the free tier: the invocations per month and
 * the average duration as typed (an empty duration takes the records' average billed duration), the memory,
 * architecture, ephemeral storage and provisioned concurrency from the function's configuration. Either the
 * two estimates, or what is wrong with the typed figures.
 */
public record MonthlyProjection(String problem, String basis, LambdaPricing.Monthly withFreeTier,
                                LambdaPricing.Monthly withoutFreeTier) {
    /** The longest a Lambda invocation runs: 15 minutes. */
    static final double MAX_MS = 900_000;

    public boolean ok() { return problem.isEmpty(); }

    /**
     * @param recordsAverageMs the records' average billed duration, NaN when there are none
     */
    public static MonthlyProjection of(String invocationsText, String averageText, double recordsAverageMs,
                                       FunctionConfig config, LambdaPricing pricing) {
        String rate = clean(invocationsText);
        if (rate.isEmpty()) return failed("Type how many invocations a month to project.");
        double invocations;
        try {
            invocations = Double.parseDouble(rate);
        } catch (NumberFormatException e) {
            return failed("Invocations per month must be a number, e.g. 1000000 or 2.5e6 (got \"" + invocationsText.trim() + "\").");
        }
        if (!(invocations >= 0) || Double.isInfinite(invocations)) {
            return failed("Invocations per month must be 0 or more.");
        }
        invocations = Math.floor(invocations);
        String typed = clean(averageText);
        double average;
        boolean fromRecords = typed.isEmpty();
        if (fromRecords) {
            if (Double.isNaN(recordsAverageMs)) {
                return failed("Type an average duration in ms: there are no invocations in the time range to take it from.");
            }
            average = recordsAverageMs;
        } else {
            try {
                average = Double.parseDouble(typed);
            } catch (NumberFormatException e) {
                return failed("Average duration must be a number of milliseconds, e.g. 120 (got \"" + averageText.trim() + "\").");
            }
            if (!(average > 0) || average > MAX_MS) {
                return failed("Average duration must be more than 0 and at most 900000 ms (Lambda's 15-minute limit).");
            }
            average = Math.ceil(average); // Lambda bills whole milliseconds
        }
        if (config == null) return failed("The function's configuration could not be read.");
        int memory = config.memoryOrDefault();
        String architecture = config.architectureOrDefault();
        int ephemeral = config.ephemeralOrDefault();
        Integer provisionedSetting = config.provisionedConcurrentExecutions();
        int provisioned = provisionedSetting == null ? 0 : provisionedSetting;
        String basis = String.format(Locale.ROOT, "%s invocations a month of %s ms%s at %d MB, %s, %d MB ephemeral "
                        + "storage, %s",
                CostText.number(invocations), CostText.number(average),
                fromRecords ? " (the average billed duration in range)" : "", memory, architecture, ephemeral,
                provisioned == 0 ? "no provisioned concurrency"
                        : provisioned + " provisioned environment" + (provisioned == 1 ? "" : "s") + " all month");
        return new MonthlyProjection("", basis,
                pricing.monthly(invocations, average, memory, architecture, ephemeral, provisioned, true),
                pricing.monthly(invocations, average, memory, architecture, ephemeral, provisioned, false));
    }

    private static MonthlyProjection failed(String problem) {
        return new MonthlyProjection(problem, "", null, null);
    }

    /** Digits as people type them: "1,000,000", "1 000 000" and "1_000_000" are one million. */
    private static String clean(String text) {
        return text == null ? "" : text.trim().replace(",", "").replace("_", "").replace(" ", "");
    }

    /** "≈ $12.34 a month". */
    public static String total(LambdaPricing.Monthly m) {
        return "≈ " + LambdaPricing.usd(m.totalUsd()) + " a month";
    }

    /** "requests $0.20 + duration $2.08 (125,000 GB-s) + ephemeral storage $0 + provisioned concurrency $0". */
    public static String breakdown(LambdaPricing.Monthly m) {
        return "requests " + LambdaPricing.usd(m.requestUsd()) + " + duration " + LambdaPricing.usd(m.computeUsd())
                + " (" + CostText.gbSeconds(m.gbSeconds()) + ") + ephemeral storage "
                + LambdaPricing.usd(m.ephemeralUsd()) + " + provisioned concurrency "
                + LambdaPricing.usd(m.provisionedUsd());
    }
}
