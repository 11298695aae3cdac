package dev.lambdaconsole.runtime.invoke;

import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.logs.InvocationRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each invocation's one record carries the platform's part the engine measured: runtime start and overhead. */
class InvocationTimelineTest {
    @TempDir Path workspace;
    TestRuntime rt;

    @AfterEach
    void stop() {
        if (rt != null) rt.close();
    }

    @Test
    void coldStartsRecordTheRuntimeStartAndAnsweredInvocationsTheirOverhead() {
        rt = new TestRuntime(workspace);
        rt.deploy("timed", "python3.12", "lambda_function.lambda_handler", "python/hello");
        InvocationResult cold = rt.invoke("timed", "{}");
        InvocationResult warm = rt.invoke("timed", "{}");
        rt.deploy("broken", "python3.12", "lambda_function.lambda_handler", "python/timeout");
        rt.runtime().workspace().updateConfiguration("broken", b -> b.timeout(1));
        InvocationResult timedOut = rt.invoke("broken", "{\"seconds\": 5}");
        rt.runtime().logs().flush();

        List<InvocationRecord> records = rt.runtime().logs().invocations("timed", 10);
        InvocationRecord first = records.stream().filter(r -> r.requestId().equals(cold.requestId())).findFirst().orElseThrow();
        InvocationRecord second = records.stream().filter(r -> r.requestId().equals(warm.requestId())).findFirst().orElseThrow();
        assertThat(first.coldStart()).isTrue();
        assertThat(first.runtimeStartMs()).as("the process start of a cold start").isNotNull();
        assertThat(first.imageWaitMs()).as("the process backend has no image to wait for").isNull();
        assertThat(first.overheadMs()).as("the runtime asked for its next event after answering").isNotNull();
        assertThat(second.coldStart()).isFalse();
        assertThat(second.runtimeStartMs()).as("a warm start starts no runtime").isNull();
        assertThat(second.overheadMs()).isNotNull();
        assertThat(second.executedVersion()).isEqualTo("$LATEST");

        InvocationRecord killed = rt.runtime().logs().invocations("broken", 10).get(0);
        assertThat(killed.requestId()).isEqualTo(timedOut.requestId());
        assertThat(killed.status()).isEqualTo("TIMEOUT");
        assertThat(killed.overheadMs()).as("a timed-out runtime never asks again").isNull();
    }
}
