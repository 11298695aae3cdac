package dev.lambdaconsole.runtime.tuning;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The three strategies of AWS Lambda Power Tuning's analyzer. */
class RecommenderTest {
    private static VariantStats v(int memory, double durationMs, double cost) {
        return new VariantStats(memory, "x86_64", List.of(new Sample("r", durationMs, (long) durationMs, null, 20,
                "SUCCESS", null)), 1, durationMs, durationMs, cost, cost, 0, 20, null);
    }

    private static VariantStats failed(int memory, double durationMs, double cost) {
        return new VariantStats(memory, "x86_64", List.of(new Sample("r", durationMs, (long) durationMs, null, 128,
                "CRASH", "Runtime.OutOfMemory")), 1, durationMs, durationMs, cost, cost, 1, 128, "Runtime.OutOfMemory");
    }

    // slow and cheap, middle, fast and dear
    final List<VariantStats> sizes = List.of(v(128, 400, 0.0000010), v(512, 120, 0.0000012), v(2048, 100, 0.0000040));

    @Test
    void costPicksTheCheapestAndSaysWhatIsFaster() {
        Recommendation r = Recommender.recommend(sizes, Strategy.COST, 0.5).orElseThrow();
        assertThat(r.memoryMb()).isEqualTo(128);
        assertThat(r.reason()).startsWith("128 MB x86_64: the lowest average cost of 3 sizes: 400.00 ms and "
                + "$0.000001 per invocation on average; 2048 MB x86_64 is faster at 100.00 ms for $0.000004");
    }

    @Test
    void speedPicksTheFastest() {
        Recommendation r = Recommender.recommend(sizes, Strategy.SPEED, 0.5).orElseThrow();
        assertThat(r.memoryMb()).isEqualTo(2048);
        assertThat(r.reason()).contains("the lowest average duration of 3 sizes")
                .contains("128 MB x86_64 is cheaper at $0.000001");
    }

    @Test
    void balancedMinimisesTheWeightedSumOfCostAndDurationOverTheirMaximums() {
        // 128: .5*.25 + .5*1 = .625; 512: .5*.3 + .5*.3 = .3; 2048: .5*1 + .5*.25 = .625
        Recommendation r = Recommender.recommend(sizes, Strategy.BALANCED, 0.5).orElseThrow();
        assertThat(r.memoryMb()).isEqualTo(512);
        assertThat(r.reason()).contains("= 0.300, the lowest of 3 sizes");
        assertThat(Recommender.recommend(sizes, Strategy.BALANCED, 1.0).orElseThrow().memoryMb()).isEqualTo(128);
        assertThat(Recommender.recommend(sizes, Strategy.BALANCED, 0.0).orElseThrow().memoryMb()).isEqualTo(2048);
    }

    @Test
    void tiesGoToTheOtherMeasure() {
        List<VariantStats> sameCost = List.of(v(128, 200, 0.000001), v(256, 100, 0.000001));
        assertThat(Recommender.recommend(sameCost, Strategy.COST, 0.5).orElseThrow().memoryMb()).isEqualTo(256);
        List<VariantStats> sameSpeed = List.of(v(1024, 50, 0.000002), v(2048, 50, 0.000004));
        assertThat(Recommender.recommend(sameSpeed, Strategy.SPEED, 0.5).orElseThrow().memoryMb()).isEqualTo(1024);
    }

    @Test
    void sizesWithFailedInvocationsAreNeverRecommended() {
        List<VariantStats> withOom = List.of(failed(128, 3000, 0.0000001), v(256, 100, 0.000001));
        Recommendation r = Recommender.recommend(withOom, Strategy.COST, 0.5).orElseThrow();
        assertThat(r.memoryMb()).isEqualTo(256);
        assertThat(r.reason()).startsWith("256 MB x86_64: the only size that ran without errors")
                .endsWith("(1 size with failed invocations left out)");
        assertThat(Recommender.recommend(List.of(failed(128, 1, 1)), Strategy.SPEED, 0.5)).isEmpty();
    }
}
