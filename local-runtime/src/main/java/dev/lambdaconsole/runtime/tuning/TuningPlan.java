package dev.lambdaconsole.runtime.tuning;

import dev.lambdaconsole.runtime.model.ValidationException;

import java.util.ArrayList;
import java.util.List;

/**
 * What a tuning run does: invoke the saved test event {@code eventName} of {@code functionName}
 * {@code invocations} times at each memory size and architecture, then recommend one by {@code strategy}.
 *
 * @param balancedWeight   for {@link Strategy#BALANCED}: 0 favours speed only, 1 cost only (Power Tuning's default 0.5)
 * @param discardTopBottom the share of the fastest and of the slowest invocations each variant drops before
 *                         averaging (Power Tuning's default 0.2; 0 to 0.4)
 */
public record TuningPlan(String functionName, String eventName, int invocations, List<Integer> memorySizes,
                         List<String> architectures, Strategy strategy, double balancedWeight,
                         double discardTopBottom) {
    /** The sizes offered by default, as in Power Tuning's examples. */
    public static final List<Integer> DEFAULT_SIZES = List.of(128, 256, 512, 1024, 1536, 3008);
    public static final int MAX_INVOCATIONS = 1000;
    public static final double DEFAULT_WEIGHT = 0.5;
    public static final double DEFAULT_DISCARD = 0.2;

    public TuningPlan {
        memorySizes = memorySizes == null ? List.of() : memorySizes.stream().distinct().sorted().toList();
        architectures = architectures == null ? List.of() : architectures.stream().distinct().toList();
        strategy = strategy == null ? Strategy.COST : strategy;
    }

    /** A plan with Power Tuning's default weight and outlier share. */
    public static TuningPlan of(String functionName, String eventName, int invocations, List<Integer> memorySizes,
                                List<String> architectures, Strategy strategy) {
        return new TuningPlan(functionName, eventName, invocations, memorySizes, architectures, strategy,
                DEFAULT_WEIGHT, DEFAULT_DISCARD);
    }

    /** Throws a ValidationException naming every rule this plan breaks. */
    public void validate() {
        List<ValidationException.Problem> problems = new ArrayList<>();
        if (eventName == null || eventName.isBlank()) {
            problems.add(new ValidationException.Problem("Test event", "choose a saved test event", null));
        }
        if (invocations < 1 || invocations > MAX_INVOCATIONS) {
            problems.add(new ValidationException.Problem("Invocations",
                    "must be between 1 and " + MAX_INVOCATIONS, invocations));
        }
        if (memorySizes.isEmpty()) {
            problems.add(new ValidationException.Problem("Memory sizes", "choose at least one", null));
        }
        for (int size : memorySizes) {
            if (size < 128 || size > 10240) {
                problems.add(new ValidationException.Problem("Memory size",
                        "must be between 128 MB and 10240 MB", size));
            }
        }
        if (architectures.isEmpty()) {
            problems.add(new ValidationException.Problem("Architectures", "choose at least one", null));
        }
        for (String a : architectures) {
            if (!"x86_64".equals(a) && !"arm64".equals(a)) {
                problems.add(new ValidationException.Problem("Architecture", "must be x86_64 or arm64", a));
            }
        }
        if (!(balancedWeight >= 0 && balancedWeight <= 1)) {
            problems.add(new ValidationException.Problem("Balanced weight", "must be between 0 and 1", balancedWeight));
        }
        if (!(discardTopBottom >= 0 && discardTopBottom <= 0.4)) {
            problems.add(new ValidationException.Problem("Outliers dropped", "must be between 0 and 0.4", discardTopBottom));
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
    }

    /** Invocations the plan makes on {@code runnableArchitectures} of its architectures. */
    public int totalInvocations(int runnableArchitectures) {
        return invocations * memorySizes.size() * runnableArchitectures;
    }
}
