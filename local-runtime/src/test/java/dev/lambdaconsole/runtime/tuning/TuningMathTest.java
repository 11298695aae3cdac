package dev.lambdaconsole.runtime.tuning;

import dev.lambdaconsole.runtime.pricing.LambdaPricing;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Outliers and averages as AWS Lambda Power Tuning computes them. */
class TuningMathTest {
    private static Sample ok(double ms, long billed) {
        return new Sample("r", ms, billed, null, 30, "SUCCESS", null);
    }

    @Test
    void tenInvocationsLoseTheTwoFastestAndTheTwoSlowest() {
        double[] values = {900, 1, 10, 11, 12, 13, 14, 15, 2, 5000};
        assertThat(TuningMath.dropped(10, 0.2)).isEqualTo(2);
        // 1, 2 and 900, 5000 go; (10+11+12+13+14+15)/6
        assertThat(TuningMath.trimmedMean(values, 0.2)).isEqualTo(12.5);
    }

    @Test
    void fewerThanFiveInvocationsKeepEveryOne() {
        assertThat(TuningMath.dropped(4, 0.2)).isZero();
        assertThat(TuningMath.trimmedMean(new double[] {1, 2, 3, 100}, 0.2)).isEqualTo(26.5);
        assertThat(TuningMath.dropped(7, 0.2)).isEqualTo(1); // floor(1.4)
        assertThat(TuningMath.trimmedMean(new double[] {}, 0.2)).isZero();
    }

    @Test
    void costIsTheDurationPriceOfTheAverageBilledDurationRoundedUp() {
        List<Sample> samples = IntStream.rangeClosed(1, 10).mapToObj(i -> ok(i * 10.0, i * 10L)).toList();
        VariantStats stats = TuningMath.stats(1024, "x86_64", 512, samples, 0.2, LambdaPricing.US_EAST_1);
        assertThat(stats.kept()).isEqualTo(6);
        assertThat(stats.averageDurationMs()).isEqualTo(55.0); // 30..80
        assertThat(stats.averageBilledMs()).isEqualTo(55.0);
        // 55 ms at 1 GB on x86_64: 0.055 GB-s × 0.0000166667
        assertThat(stats.averageCostUsd()).isCloseTo(0.055 * 0.0000166667, within(1e-15));
        // all ten, with their requests: 550 ms at 1 GB + 10 × $0.0000002
        assertThat(stats.totalCostUsd()).isCloseTo(0.55 * 0.0000166667 + 10 * 0.0000002, within(1e-15));
        VariantStats arm = TuningMath.stats(1024, "arm64", 512, samples, 0.2, LambdaPricing.US_EAST_1);
        assertThat(arm.averageCostUsd()).isCloseTo(0.055 * 0.0000133334, within(1e-15));
    }

    @Test
    void aFailedInvocationIsCountedAndNamed() {
        VariantStats stats = TuningMath.stats(128, "x86_64", 512, List.of(ok(5, 5),
                new Sample("r2", 3000, 3000, null, 128, "CRASH", "Runtime.OutOfMemory")), 0.2, LambdaPricing.US_EAST_1);
        assertThat(stats.failures()).isEqualTo(1);
        assertThat(stats.firstError()).isEqualTo("Runtime.OutOfMemory");
        assertThat(stats.succeeded()).isFalse();
        assertThat(stats.maxMemoryUsedMb()).isEqualTo(128);
    }
}
