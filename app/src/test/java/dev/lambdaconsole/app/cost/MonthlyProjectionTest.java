package dev.lambdaconsole.app.cost;

import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.pricing.LambdaPricing;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The monthly projection and the cost texts, figures worked out by hand from the US East table of 2026-08-01. */
class MonthlyProjectionTest {
    static final LambdaPricing P = LambdaPricing.US_EAST_1;
    static final FunctionConfig MB256 = FunctionConfig.builder("f").runtime("python3.12").handler("a.b")
            .memorySize(256).build();

    @Test
    void twoMillionInvocationsOf100MsAt256MbWithAndWithoutTheFreeTier() {
        MonthlyProjection p = MonthlyProjection.of("2,000,000", "100", Double.NaN, MB256, P);
        assertThat(p.problem()).isEmpty();
        // 2e6 × 0.1 s × 0.25 GB = 50,000 GB-s; requests 2 × $0.20
        assertThat(p.withoutFreeTier().gbSeconds()).isCloseTo(50_000, within(1e-6));
        assertThat(p.withoutFreeTier().requestUsd()).isCloseTo(0.40, within(1e-9));
        assertThat(p.withoutFreeTier().computeUsd()).isCloseTo(50_000 * 0.0000166667, within(1e-9));
        assertThat(MonthlyProjection.total(p.withoutFreeTier())).isEqualTo("≈ $1.23 a month");
        // the free tier: 1 M requests and 400,000 GB-s (more than used) off
        assertThat(p.withFreeTier().requestUsd()).isCloseTo(0.20, within(1e-9));
        assertThat(p.withFreeTier().computeUsd()).isZero();
        assertThat(MonthlyProjection.total(p.withFreeTier())).isEqualTo("≈ $0.20 a month");
        assertThat(MonthlyProjection.breakdown(p.withFreeTier()))
                .isEqualTo("requests $0.20 + duration $0 (50,000 GB-s) + ephemeral storage $0 + provisioned concurrency $0");
        assertThat(p.basis()).isEqualTo("2,000,000 invocations a month of 100 ms at 256 MB, x86_64, 512 MB "
                + "ephemeral storage, no provisioned concurrency");
    }

    @Test
    void anEmptyDurationTakesTheRecordsAverageAndATypedOneIsBilledInWholeMilliseconds() {
        MonthlyProjection fromRecords = MonthlyProjection.of("1000", " ", 37, MB256, P);
        assertThat(fromRecords.basis()).startsWith("1,000 invocations a month of 37 ms (the average billed duration in range)");
        assertThat(fromRecords.withoutFreeTier().gbSeconds()).isCloseTo(1000 * 0.037 * 0.25, within(1e-9));
        MonthlyProjection typed = MonthlyProjection.of("1000", "36.2", 99, MB256, P);
        assertThat(typed.basis()).startsWith("1,000 invocations a month of 37 ms at");
    }

    @Test
    void provisionedConcurrencyIsPaidAllMonthWithoutAFreeTier() {
        FunctionConfig provisioned = MB256.toBuilder().provisionedConcurrentExecutions(2).build();
        MonthlyProjection p = MonthlyProjection.of("2000000", "100", Double.NaN, provisioned, P);
        // 2 environments × 0.25 GB × 730 h × 3600 s = 1,314,000 GB-s at $0.0000041667; the invocations'
        // 50,000 GB-s at provisioned duration's $0.0000097222
        assertThat(p.withFreeTier().provisionedUsd()).isCloseTo(1_314_000 * 0.0000041667, within(1e-6));
        assertThat(p.withFreeTier().computeUsd()).isCloseTo(50_000 * 0.0000097222, within(1e-9));
        assertThat(p.withFreeTier().totalUsd()).isCloseTo(0.20 + 5.4750438 + 0.48611, within(1e-4));
        assertThat(MonthlyProjection.total(p.withoutFreeTier())).isEqualTo("≈ $6.36 a month");
        assertThat(p.basis()).endsWith("2 provisioned environments all month");
    }

    @Test
    void arm64AndEphemeralStorageAboveTheIncludedHalfGigabyte() {
        FunctionConfig arm = MB256.toBuilder().architectures(List.of("arm64")).ephemeralStorage(2048)
                .build();
        MonthlyProjection p = MonthlyProjection.of("1000000", "1000", Double.NaN, arm, P);
        // 1e6 s × 0.25 GB = 250,000 GB-s at arm's $0.0000133334; 1.5 GB above 512 MB × 1e6 s at $0.0000000309
        assertThat(p.withoutFreeTier().computeUsd()).isCloseTo(250_000 * 0.0000133334, within(1e-9));
        assertThat(p.withoutFreeTier().ephemeralUsd()).isCloseTo(1.5e6 * 0.0000000309, within(1e-9));
        assertThat(p.basis()).contains("at 256 MB, arm64, 2048 MB ephemeral storage");
    }

    @Test
    void badFiguresSayWhatIsWrong() {
        assertThat(MonthlyProjection.of("", "100", 5, MB256, P).problem())
                .isEqualTo("Type how many invocations a month to project.");
        assertThat(MonthlyProjection.of("lots", "100", 5, MB256, P).problem())
                .isEqualTo("Invocations per month must be a number, e.g. 1000000 or 2.5e6 (got \"lots\").");
        assertThat(MonthlyProjection.of("-5", "100", 5, MB256, P).problem())
                .isEqualTo("Invocations per month must be 0 or more.");
        assertThat(MonthlyProjection.of("10", "fast", 5, MB256, P).problem())
                .isEqualTo("Average duration must be a number of milliseconds, e.g. 120 (got \"fast\").");
        assertThat(MonthlyProjection.of("10", "900001", 5, MB256, P).problem())
                .startsWith("Average duration must be more than 0 and at most 900000 ms");
        assertThat(MonthlyProjection.of("10", "", Double.NaN, MB256, P).problem())
                .startsWith("Type an average duration in ms: there are no invocations");
        assertThat(MonthlyProjection.of("10", "", Double.NaN, MB256, P).ok()).isFalse();
    }

    @Test
    void anInvocationsEstimateIsWordedWithThePriceTable() {
        InvocationRecord r = new InvocationRecord("id", "f", "s", 0, 99.2, 100, 128, 40, null, "SUCCESS", null,
                "RequestResponse");
        LambdaPricing.Estimate e = P.invocation(r);
        // 0.1 s × 0.125 GB = 0.0125 GB-s × $0.0000166667 = $0.000000208334, + $0.0000002 request
        assertThat(CostText.invocation(P, e))
                .isEqualTo("≈ $0.0000004083 — estimate, US East (N. Virginia) prices of 2026-08-01");
        assertThat(CostText.breakdown(e))
                .isEqualTo("0.0125 GB-s: duration $0.0000002083 + request $0.0000002 + ephemeral storage $0");
        assertThat(CostText.gbSeconds(1234.567)).isEqualTo("1,234.57 GB-s");
        assertThat(CostText.gbSeconds(0)).isEqualTo("0 GB-s");
    }

    @Test
    void aSummaryAddsUpItsInvocationsButNotPowerTuningRuns() {
        InvocationRecord cold = new InvocationRecord("a", "f", "s", 0, 99.2, 300, 1024, 40, 200.0, "SUCCESS", null,
                "RequestResponse");
        InvocationRecord failed = new InvocationRecord("b", "f", "s", 1, 9.2, 10, 1024, 40, null, "ERROR", "E",
                "RequestResponse");
        InvocationRecord tuning = new InvocationRecord("c", "f", "s", 2, 9.2, 10, 2048, 40, null, "SUCCESS", null,
                "PowerTuning");
        CostSummary s = CostSummary.of(List.of(cold, failed, tuning), P);
        assertThat(s.invocations()).isEqualTo(2);
        assertThat(s.coldStarts()).isEqualTo(1);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.gbSeconds()).isCloseTo(0.31, within(1e-12));
        assertThat(s.totalUsd()).isCloseTo(0.31 * 0.0000166667 + 2 * 0.0000002, within(1e-15));
        assertThat(s.averageBilledMs()).isEqualTo(155);
        assertThat(CostSummary.NONE.averageBilledMs()).isNaN();
    }
}
