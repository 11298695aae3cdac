package dev.lambdaconsole.app.monitor.tuning;

import dev.lambdaconsole.runtime.pricing.LambdaPricing;
import dev.lambdaconsole.runtime.tuning.VariantStats;

import java.util.Locale;

/** One memory size and architecture of a tuning run, as the results table and the charts show it. */
public record VariantRow(int memoryMb, String architecture, double averageDurationMs, double averageCostUsd,
                         String duration, String billed, String cost, String total, String invocations,
                         String maxMemory, String errors, boolean recommended) {
    static VariantRow of(VariantStats v, boolean recommended) {
        return new VariantRow(v.memoryMb(), v.architecture(), v.averageDurationMs(), v.averageCostUsd(),
                String.format(Locale.ROOT, "%.2f ms", v.averageDurationMs()),
                String.format(Locale.ROOT, "%.1f ms", v.averageBilledMs()),
                LambdaPricing.usd(v.averageCostUsd()), LambdaPricing.usd(v.totalCostUsd()),
                v.kept() + " of " + v.samples().size(), v.maxMemoryUsedMb() + " MB",
                v.failures() == 0 ? "" : v.failures() + " (" + v.firstError() + ")", recommended);
    }

    /** "512 MB" for the chart's axis. */
    public String memoryLabel() { return memoryMb + " MB"; }

    /** "512 MB x86_64". */
    public String label() { return memoryMb + " MB " + architecture; }

    public boolean failed() { return !errors.isEmpty(); }
}
