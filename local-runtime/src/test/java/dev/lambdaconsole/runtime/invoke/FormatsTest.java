package dev.lambdaconsole.runtime.invoke;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Platform lines and headers in Lambda's exact formats. */
class FormatsTest {
    @Test
    void reportLineIsTabSeparatedWithTwoDecimalsAndATrailingTab() {
        assertThat(ExecutionEnvironment.reportLine("id-1", 2.345, 3, 128, 41, null))
                .isEqualTo("REPORT RequestId: id-1\tDuration: 2.35 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\t"
                        + "Max Memory Used: 41 MB\t");
        assertThat(ExecutionEnvironment.reportLine("id-2", 10.0, 151, 512, 60, 140.4))
                .isEqualTo("REPORT RequestId: id-2\tDuration: 10.00 ms\tBilled Duration: 151 ms\tMemory Size: 512 MB\t"
                        + "Max Memory Used: 60 MB\tInit Duration: 140.40 ms\t");
        assertThat(ExecutionEnvironment.twoDecimals(new StringBuilder(), 0.05).toString()).isEqualTo("0.05");
    }

    @Test
    void newTraceIdsHaveTheXRayShape() {
        assertThat(Traces.traceId(null)).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
        assertThat(Traces.traceId("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8"))
                .isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
    }
}
