package dev.lambdaconsole.runtime.backend.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.InvocationStatus;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** nodejs functions in containers, through the real engine, the project's Node client and a real Docker. */
class DockerNodeIT {
    @TempDir static Path workspace;
    static TestRuntime rt;

    @BeforeAll
    static void start() {
        rt = DockerEngine.start(workspace);
        rt.deploy("node-hello", "nodejs20.x", "index.handler", "node/hello");
        rt.deploy("node-error", "nodejs20.x", "index.handler", "node/error");
        rt.deploy("node-crash", "nodejs20.x", "index.handler", "node/crash");
        rt.deployWith("node-timeout", "nodejs20.x", "index.handler", "node/timeout", Map.of(), 1);
        rt.deployWith("node-context", "nodejs20.x", "index.handler", "node/context", Map.of("MY_VAR", "v"), 9);
    }

    @AfterAll
    static void stop() {
        if (rt != null) rt.close();
    }

    @Test
    void helloColdThenWarm() throws Exception {
        InvocationResult first = rt.invoke("node-hello", "{\"name\":\"Ada\"}");
        assertThat(first.status()).as(String.join("\n", first.logLines())).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(Json.MAPPER.readTree(first.payload()).get("message").asText()).isEqualTo("hello Ada");
        assertThat(first.logLines()).anyMatch(l -> l.endsWith("hello from node Ada"));
        assertThat(first.reportLine()).contains("Init Duration: ");
        InvocationResult warm = rt.invoke("node-hello", "{}");
        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.maxMemoryUsedMb()).isBetween(5L, 128L);
    }

    @Test
    void errorKeepsTheContainer() throws Exception {
        InvocationResult r = rt.invoke("node-error", "{}");
        assertThat(r.status()).isEqualTo(InvocationStatus.ERROR);
        assertThat(Json.MAPPER.readTree(r.payload()).get("errorType").asText()).isEqualTo("ValidationError");
        assertThat(rt.invoke("node-error", "{}").coldStart()).isFalse();
    }

    @Test
    void crashReportsExitStatus() throws Exception {
        InvocationResult r = rt.invoke("node-crash", "{}");
        assertThat(r.status()).isEqualTo(InvocationStatus.CRASH);
        assertThat(Json.MAPPER.readTree(r.payload()).get("errorMessage").asText())
                .isEqualTo("RequestId: " + r.requestId() + " Error: Runtime exited with error: exit status 3");
    }

    @Test
    void timeoutResetsTheEnvironment() {
        InvocationResult r = rt.invoke("node-timeout", "{\"seconds\": 5}");
        assertThat(r.status()).isEqualTo(InvocationStatus.TIMEOUT);
        InvocationResult next = rt.invoke("node-timeout", "{\"seconds\": 0}");
        assertThat(next.status()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(next.coldStart()).isTrue();
    }

    @Test
    void contextAndVariables() throws Exception {
        InvocationResult r = rt.invoke("node-context", "{}");
        JsonNode c = Json.MAPPER.readTree(r.payload());
        assertThat(c.get("awsRequestId").asText()).isEqualTo(r.requestId());
        assertThat(c.get("logStreamName").asText()).isEqualTo(r.logStream());
        assertThat(c.get("env").get("MY_VAR").asText()).isEqualTo("v");
        assertThat(c.get("env").get("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_nodejs20.x");
        assertThat(c.get("cwd").asText()).isEqualTo("/var/task");
        assertThat(c.get("tmpdir").asText()).isEqualTo("/tmp");
    }
}
