package dev.lambdaconsole.runtime.tuning;

import dev.lambdaconsole.runtime.pricing.LambdaPricing;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks a variant as AWS Lambda Power Tuning's analyzer (lambda/analyzer.js) does: cost — the cheapest, the
 * faster of equal costs; speed — the fastest, the cheaper of equal durations; balanced — the lowest
 * {@code w·cost/maxCost + (1−w)·duration/maxDuration}. Only variants whose every invocation succeeded take part
 * (Power Tuning stops a run at the first failed invocation; here the run goes on and says which sizes failed).
 */
public final class Recommender {
    private Recommender() {}

    public static Optional<Recommendation> recommend(List<VariantStats> variants, Strategy strategy, double weight) {
        List<VariantStats> candidates = variants.stream().filter(VariantStats::succeeded)
                .filter(v -> v.averageDurationMs() > 0).toList();
        if (candidates.isEmpty()) return Optional.empty();
        Comparator<VariantStats> byCost = Comparator.comparingDouble(VariantStats::averageCostUsd);
        Comparator<VariantStats> byDuration = Comparator.comparingDouble(VariantStats::averageDurationMs);
        double maxCost = candidates.stream().mapToDouble(VariantStats::averageCostUsd).max().orElse(0);
        double maxDuration = candidates.stream().mapToDouble(VariantStats::averageDurationMs).max().orElse(0);
        Comparator<VariantStats> order = switch (strategy) {
            case COST -> byCost.thenComparing(byDuration);
            case SPEED -> byDuration.thenComparing(byCost);
            case BALANCED -> Comparator.comparingDouble(v -> balancedValue(v, weight, maxCost, maxDuration));
        };
        VariantStats best = candidates.stream().min(order).orElseThrow();
        return Optional.of(new Recommendation(strategy, best.memoryMb(), best.architecture(),
                best.averageDurationMs(), best.averageCostUsd(), reason(best, candidates, strategy, weight,
                maxCost, maxDuration, variants.size() - candidates.size())));
    }

    /** Power Tuning's balanced value (lower is better). */
    static double balancedValue(VariantStats v, double weight, double maxCost, double maxDuration) {
        double cost = maxCost == 0 ? 0 : v.averageCostUsd() / maxCost;
        double duration = maxDuration == 0 ? 0 : v.averageDurationMs() / maxDuration;
        return weight * cost + (1 - weight) * duration;
    }

    private static String reason(VariantStats best, List<VariantStats> candidates, Strategy strategy, double weight,
                                 double maxCost, double maxDuration, int excluded) {
        String figures = ms(best.averageDurationMs()) + " and " + LambdaPricing.usd(best.averageCostUsd())
                + " per invocation on average";
        String why = switch (strategy) {
            case COST -> candidates.size() == 1 ? "the only size that ran without errors: " + figures
                    : "the lowest average cost of " + candidates.size() + " sizes: " + figures
                    + slowerThan(best, candidates);
            case SPEED -> candidates.size() == 1 ? "the only size that ran without errors: " + figures
                    : "the lowest average duration of " + candidates.size() + " sizes: " + figures
                    + dearerThan(best, candidates);
            case BALANCED -> String.format(Locale.ROOT, "the best balance of cost and speed (weight %.2f: "
                    + "%.2f × cost/max cost + %.2f × duration/max duration = %.3f, the lowest of %d sizes): %s",
                    weight, weight, 1 - weight, balancedValue(best, weight, maxCost, maxDuration),
                    candidates.size(), figures);
        };
        String label = best.label() + ": " + why;
        return excluded == 0 ? label : label + " (" + excluded + (excluded == 1 ? " size" : " sizes")
                + " with failed invocations left out)";
    }

    private static String slowerThan(VariantStats best, List<VariantStats> all) {
        VariantStats fastest = all.stream().min(Comparator.comparingDouble(VariantStats::averageDurationMs)).orElseThrow();
        return fastest == best ? ", also the fastest" : "; " + fastest.label() + " is faster at "
                + ms(fastest.averageDurationMs()) + " for " + LambdaPricing.usd(fastest.averageCostUsd());
    }

    private static String dearerThan(VariantStats best, List<VariantStats> all) {
        VariantStats cheapest = all.stream().min(Comparator.comparingDouble(VariantStats::averageCostUsd)).orElseThrow();
        return cheapest == best ? ", also the cheapest" : "; " + cheapest.label() + " is cheaper at "
                + LambdaPricing.usd(cheapest.averageCostUsd()) + " taking " + ms(cheapest.averageDurationMs());
    }

    static String ms(double ms) {
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }
}
