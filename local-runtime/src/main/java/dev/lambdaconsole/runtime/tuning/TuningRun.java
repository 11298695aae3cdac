package dev.lambdaconsole.runtime.tuning;

import java.util.List;

/**
 * A tuning run as saved in the workspace ({@code functions/NAME/.tuning/ID.json}).
 *
 * @param id             when it started, e.g. {@code 20261204T184512.345Z} (also its file name)
 * @param backend        {@code docker} or {@code process}
 * @param memoryLimited  whether the sizes were real limits (Docker) or only labels (processes)
 * @param notes          what users must know to read the figures: unlimited memory, architectures skipped and why
 * @param recommendation null when no variant ran without errors, or the run was cancelled before any finished
 * @param priceLabel     the price table the costs come from ("Estimate · US East … prices of …")
 * @param failure        why the run stopped early, when {@code state} is FAILED
 */
public record TuningRun(String id, String functionName, String eventName, int invocations, Strategy strategy,
                        double balancedWeight, double discardTopBottom, String backend, boolean memoryLimited,
                        List<String> notes, long startedMs, long finishedMs, State state, List<VariantStats> variants,
                        Recommendation recommendation, String priceLabel, String failure) {
    public enum State { COMPLETED, CANCELLED, FAILED }

    public TuningRun {
        notes = notes == null ? List.of() : List.copyOf(notes);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** e.g. "3 sizes × 10 invocations, cost: 512 MB x86_64". */
    public String summary() {
        String what = variants.size() + (variants.size() == 1 ? " variant" : " variants") + " × " + invocations
                + " invocations";
        String outcome = switch (state) {
            case CANCELLED -> "cancelled";
            case FAILED -> "failed";
            case COMPLETED -> recommendation == null ? "no size ran without errors"
                    : strategy.label().toLowerCase(java.util.Locale.ROOT) + ": " + recommendation.label();
        };
        return what + ", " + outcome;
    }
}
