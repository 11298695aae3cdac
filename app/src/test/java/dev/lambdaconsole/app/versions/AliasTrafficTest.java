package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.runtime.logs.InvocationRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an alias's invocations landed, from invocation records. */
class AliasTrafficTest {
    static final long T0 = Instant.parse("2026-12-04T14:03:20Z").toEpochMilli();

    static InvocationRecord record(String id, long startMs, String qualifier, String executed) {
        return new InvocationRecord(id, "orders", "stream", startMs, 3.2, 4, 128, 40, null, "SUCCESS", null,
                "RequestResponse", qualifier, executed, "x86_64", 512, false, null, null, null, null);
    }

    @Test
    void countsTheAliasInvocationsPerExecutedVersionInSecondBuckets() {
        List<InvocationRecord> records = new ArrayList<>();
        records.add(record("a", T0, "live", "1"));
        records.add(record("b", T0 + 200, "live", "2"));
        records.add(record("c", T0 + 1_100, "live", "1"));
        records.add(record("d", T0 + 2_900, "live", "1"));
        records.add(record("e", T0 + 500, "canary", "2")); // another alias
        records.add(record("f", T0 + 600, null, "$LATEST")); // the function itself
        records.add(record("g", T0 + 700, "2", "2")); // the version called directly

        AliasTraffic t = AliasTraffic.of("live", records, ZoneOffset.UTC);

        assertThat(t.buckets()).containsExactly("14:03:20", "14:03:21", "14:03:22");
        assertThat(t.versions()).containsExactly("1", "2");
        assertThat(t.counts().get("1")).containsExactly(1, 1, 1);
        assertThat(t.counts().get("2")).containsExactly(1, 0, 0);
        assertThat(t.total()).isEqualTo(4);
        assertThat(t.summary()).isEqualTo("4 invocations through live: version 1: 3 (75 %), version 2: 1 (25 %)");
    }

    @Test
    void widerSpansGetWiderBucketsAndVersionsSortAsNumbers() {
        List<InvocationRecord> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) records.add(record("r" + i, T0 + i * 60_000L, "live", i % 4 == 0 ? "10" : "9"));
        AliasTraffic t = AliasTraffic.of("live", records, ZoneOffset.UTC);
        assertThat(t.buckets()).hasSizeLessThanOrEqualTo(AliasTraffic.MAX_BUCKETS).first().isEqualTo("14:00");
        assertThat(t.versions()).containsExactly("9", "10");
        assertThat(t.totals().get("9") + t.totals().get("10")).isEqualTo(40);
        assertThat(t.totals().get("10")).isEqualTo(10);
    }

    @Test
    void noInvocationsSaysHowToMakeSome() {
        AliasTraffic t = AliasTraffic.of("live", List.of(record("x", T0, null, "$LATEST")), ZoneOffset.UTC);
        assertThat(t.total()).isZero();
        assertThat(t.buckets()).isEmpty();
        assertThat(t.summary()).startsWith("No invocations through live yet");
    }
}
