package dev.lambdaconsole.runtime.invoke;

import dev.lambdaconsole.runtime.TestRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Many invocations at once: every one gets its own new environment and reports its cold start. */
class BurstTest {
    @TempDir Path workspace;

    @Test
    void aBurstOfColdInvocationsAllSucceedAndAllReportInitDuration() {
        try (TestRuntime rt = new TestRuntime(workspace)) {
            rt.deploy("burst", "python3.12", "lambda_function.lambda_handler", "python/hello");
            List<CompletableFuture<InvocationResult>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(rt.runtime().engine().invoke(InvocationRequest.of("burst", "{}".getBytes())));
            }
            List<InvocationResult> results = calls.stream().map(CompletableFuture::join).toList();
            assertThat(results).allMatch(r -> r.status() == InvocationStatus.SUCCESS);
            assertThat(results).extracting(InvocationResult::logStream).doesNotHaveDuplicates();
            assertThat(results).allSatisfy(r -> assertThat(r.reportLine()).contains("Init Duration: "));
        }
    }
}
