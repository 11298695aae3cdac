package dev.lambdaconsole.runtime.pricing;

import dev.lambdaconsole.runtime.logs.InvocationRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LambdaPricingTest {
    private final LambdaPricing p = LambdaPricing.US_EAST_1;

    @Test
    void anInvocationCostsItsBilledGbSecondsAndTheRequest() {
        // 100 ms at 1024 MB on x86: 0.1 GB-s × 0.0000166667 + 0.0000002
        LambdaPricing.Estimate e = p.invocation(100, 1024, "x86_64", 512, false);
        assertThat(e.gbSeconds()).isCloseTo(0.1, within(1e-12));
        assertThat(e.computeUsd()).isCloseTo(0.00000166667, within(1e-15));
        assertThat(e.requestUsd()).isCloseTo(0.0000002, within(1e-15));
        assertThat(e.ephemeralUsd()).isZero();
        assertThat(e.totalUsd()).isCloseTo(0.00000186667, within(1e-15));
    }

    @Test
    void arm64IsCheaperAndEphemeralStorageAbove512MbIsBilled() {
        LambdaPricing.Estimate arm = p.invocation(1000, 2048, "arm64", 1536, false);
        assertThat(arm.computeUsd()).isCloseTo(2 * 0.0000133334, within(1e-15));
        // 1 s × (1536 − 512) / 1024 GB × 0.0000000309
        assertThat(arm.ephemeralUsd()).isCloseTo(0.0000000309, within(1e-18));
    }

    @Test
    void aProvisionedEnvironmentPaysTheProvisionedDurationPrice() {
        assertThat(p.invocation(1000, 1024, "x86_64", 512, true).computeUsd()).isCloseTo(0.0000097222, within(1e-15));
    }

    @Test
    void aRecordIsPricedAsItRan() {
        InvocationRecord r = new InvocationRecord("r", "f", "s", 0, 10.2, 11, 512, 40, null, "SUCCESS", null,
                "RequestResponse", null, "$LATEST", "arm64", 512, false, null, null, null, null);
        assertThat(p.invocation(r).computeUsd()).isCloseTo(0.011 * 0.5 * 0.0000133334, within(1e-18));
    }

    @Test
    void aMonthSubtractsTheFreeTierOnlyWhenAsked() {
        // 3 M invocations of 200 ms at 512 MB: 300,000 GB-s; free tier covers them and 1 M requests
        LambdaPricing.Monthly paid = p.monthly(3_000_000, 200, 512, "x86_64", 512, 0, false);
        assertThat(paid.gbSeconds()).isCloseTo(300_000, within(1e-6));
        assertThat(paid.computeUsd()).isCloseTo(300_000 * 0.0000166667, within(1e-9));
        assertThat(paid.requestUsd()).isCloseTo(0.60, within(1e-9));
        LambdaPricing.Monthly free = p.monthly(3_000_000, 200, 512, "x86_64", 512, 0, true);
        assertThat(free.computeUsd()).isZero();
        assertThat(free.requestUsd()).isCloseTo(0.40, within(1e-9));
    }

    @Test
    void gbSecondsBeyondTheFirstTierArePricedLower() {
        // 10 B GB-s x86: 6 B at tier 1, 4 B at tier 2
        LambdaPricing.Monthly m = p.monthly(10_000_000_000.0, 1000, 1024, "x86_64", 512, 0, false);
        assertThat(m.computeUsd()).isCloseTo(6e9 * 0.0000166667 + 4e9 * 0.000015, within(1e-3));
    }

    @Test
    void provisionedConcurrencyIsAMonthlyCostWithoutFreeTier() {
        LambdaPricing.Monthly m = p.monthly(0, 0, 1024, "x86_64", 512, 2, true);
        assertThat(m.provisionedUsd()).isCloseTo(2 * 730 * 3600 * 0.0000041667, within(1e-9));
    }

    @Test
    void amountsReadAsPeopleWriteThem() {
        assertThat(LambdaPricing.usd(12.345)).isEqualTo("$12.35");
        assertThat(LambdaPricing.usd(0.00000186667)).isEqualTo("$0.000001867");
        assertThat(LambdaPricing.usd(0)).isEqualTo("$0");
        assertThat(p.label()).isEqualTo("Estimate · US East (N. Virginia) prices of 2026-08-01");
    }
}
