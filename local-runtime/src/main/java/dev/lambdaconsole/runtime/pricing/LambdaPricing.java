package dev.lambdaconsole.runtime.pricing;

import dev.lambdaconsole.runtime.logs.InvocationRecord;

import java.util.List;

/**
 * Lambda's on-demand and provisioned prices for one region and date, and the estimates the console shows: the
 * price of one invocation, and a month at a given rate with and without the free tier. Every figure is an
 * estimate (AWS rounds and bills per account and month); {@link #label()} says which price table it comes from.
 *
 * <p>Per invocation: billed duration (which includes Init since August 2025) × memory in GB at the first tier's
 * price, plus the request, plus ephemeral storage above 512 MB for the same seconds; an invocation run by a
 * provisioned environment pays provisioned concurrency's duration price instead (the configured concurrency is a
 * monthly cost, see {@link #monthly}). A month: GB-seconds priced in tiers per architecture, the free tier (1 M
 * requests and 400,000 GB-s, on-demand only) subtracted when asked.
 */
public final class LambdaPricing {
    /** US East (N. Virginia), as published in August 2026 (../shared/docs/lambda-control-plane.md section 10). */
    public static final LambdaPricing US_EAST_1 = new LambdaPricing("US East (N. Virginia)", "2026-08-01",
            new Architecture(List.of(new Tier(6e9, 0.0000166667), new Tier(9e9, 0.000015),
                    new Tier(Double.POSITIVE_INFINITY, 0.0000133334)), 0.0000041667, 0.0000097222),
            new Architecture(List.of(new Tier(7.5e9, 0.0000133334), new Tier(11.25e9, 0.0000120001),
                    new Tier(Double.POSITIVE_INFINITY, 0.0000106667)), 0.0000033334, 0.0000077778),
            0.20 / 1_000_000, 0.0000000309, 1_000_000, 400_000);

    /** Seconds in the month AWS's estimates use (730 hours). */
    public static final double SECONDS_PER_MONTH = 730 * 3600.0;

    /** GB-seconds up to {@code upTo} (this tier's width) cost {@code pricePerGbSecond}. */
    public record Tier(double width, double pricePerGbSecond) { }

    /** Prices of one architecture: duration tiers, provisioned concurrency configured and run (per GB-s). */
    public record Architecture(List<Tier> tiers, double provisionedConfiguredPerGbSecond,
                               double provisionedDurationPerGbSecond) { }

    /**
     * One invocation's estimate, in US dollars.
     *
     * @param gbSeconds billed seconds × memory in GB
     */
    public record Estimate(double gbSeconds, double computeUsd, double requestUsd, double ephemeralUsd) {
        public double totalUsd() { return computeUsd + requestUsd + ephemeralUsd; }
    }

    /**
     * A month's estimate in US dollars: {@code invocations} at {@code averageBilledMs}, with the free tier
     * subtracted from requests and on-demand GB-seconds when {@code freeTier}.
     */
    public record Monthly(double invocations, double gbSeconds, double computeUsd, double requestUsd,
                         double ephemeralUsd, double provisionedUsd, boolean freeTier) {
        public double totalUsd() { return computeUsd + requestUsd + ephemeralUsd + provisionedUsd; }
    }

    private final String region;
    private final String date;
    private final Architecture x86;
    private final Architecture arm;
    private final double perRequest;
    private final double ephemeralPerGbSecond;
    private final double freeRequests;
    private final double freeGbSeconds;

    public LambdaPricing(String region, String date, Architecture x86, Architecture arm, double perRequest,
                         double ephemeralPerGbSecond, double freeRequests, double freeGbSeconds) {
        this.region = region;
        this.date = date;
        this.x86 = x86;
        this.arm = arm;
        this.perRequest = perRequest;
        this.ephemeralPerGbSecond = ephemeralPerGbSecond;
        this.freeRequests = freeRequests;
        this.freeGbSeconds = freeGbSeconds;
    }

    public String region() { return region; }

    /** The date of the price table (ISO). */
    public String date() { return date; }

    /** What every estimate is labelled with, e.g. "Estimate · US East (N. Virginia) prices of 2026-08-01". */
    public String label() { return "Estimate · " + region + " prices of " + date; }

    public Architecture architecture(String name) { return "arm64".equals(name) ? arm : x86; }

    /** The price of one invocation as it was recorded. */
    public Estimate invocation(InvocationRecord r) {
        return invocation(r.billedMs(), r.memorySizeMb(), r.architecture(), r.ephemeralStorageMb(), r.provisioned());
    }

    /** The price of one invocation of {@code billedMs} at {@code memoryMb} (first duration tier, no free tier). */
    public Estimate invocation(long billedMs, int memoryMb, String architecture, int ephemeralMb, boolean provisioned) {
        Architecture a = architecture(architecture);
        double seconds = billedMs / 1000.0;
        double gbSeconds = seconds * memoryMb / 1024.0;
        double compute = gbSeconds * (provisioned ? a.provisionedDurationPerGbSecond() : a.tiers().get(0).pricePerGbSecond());
        return new Estimate(gbSeconds, compute, perRequest, ephemeral(seconds, ephemeralMb));
    }

    /**
     * A month of {@code invocationsPerMonth} invocations averaging {@code averageBilledMs}; with
     * {@code provisionedConcurrency} environments configured all month, invocations are assumed to run on them.
     */
    public Monthly monthly(double invocationsPerMonth, double averageBilledMs, int memoryMb, String architecture,
                           int ephemeralMb, int provisionedConcurrency, boolean freeTier) {
        Architecture a = architecture(architecture);
        double seconds = invocationsPerMonth * averageBilledMs / 1000.0;
        double gbSeconds = seconds * memoryMb / 1024.0;
        double requests = Math.max(0, invocationsPerMonth - (freeTier ? freeRequests : 0)) * perRequest;
        double compute;
        double provisioned = 0;
        if (provisionedConcurrency > 0) {
            compute = gbSeconds * a.provisionedDurationPerGbSecond();
            provisioned = provisionedConcurrency * (memoryMb / 1024.0) * SECONDS_PER_MONTH
                    * a.provisionedConfiguredPerGbSecond();
        } else {
            compute = tiered(a, Math.max(0, gbSeconds - (freeTier ? freeGbSeconds : 0)));
        }
        return new Monthly(invocationsPerMonth, gbSeconds, compute, requests, ephemeral(seconds, ephemeralMb),
                provisioned, freeTier);
    }

    private double ephemeral(double seconds, int ephemeralMb) {
        return ephemeralMb <= 512 ? 0 : seconds * (ephemeralMb - 512) / 1024.0 * ephemeralPerGbSecond;
    }

    private static double tiered(Architecture a, double gbSeconds) {
        double left = gbSeconds;
        double usd = 0;
        for (Tier t : a.tiers()) {
            double here = Math.min(left, t.width());
            usd += here * t.pricePerGbSecond();
            left -= here;
            if (left <= 0) break;
        }
        return usd;
    }

    /**
     * A dollar amount for people: cents for sums of a cent or more ("$12.34"), else four significant digits
     * ("$0.000002083"), "$0" for nothing.
     */
    public static String usd(double amount) {
        if (amount == 0) return "$0";
        if (Math.abs(amount) >= 0.01) return String.format(java.util.Locale.ROOT, "$%,.2f", amount);
        java.math.BigDecimal d = new java.math.BigDecimal(amount).round(new java.math.MathContext(4));
        return "$" + d.stripTrailingZeros().toPlainString();
    }
}
