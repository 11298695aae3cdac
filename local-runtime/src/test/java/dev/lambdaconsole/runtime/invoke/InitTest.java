package dev.lambdaconsole.runtime.invoke;

import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The init phase: its cap, the retry within the invocation, and failures reported to the first invocation. */
class InitTest {
    @TempDir Path workspace;
    TestRuntime rt;

    @AfterEach
    void stop() { rt.close(); }

    private void slowInit(String name, double importSeconds, int timeout) {
        rt.runtime().workspace().create(FunctionConfig.builder(name).runtime("python3.12").handler("app.handler")
                .timeout(timeout).build(), CodeSource.files(Map.of("app.py",
                "import time\ntime.sleep(" + importSeconds + ")\ndef handler(e, c):\n    return 'ready'\n")));
    }

    @Test
    void anInitOverTheCapIsRetriedWithinTheFunctionTimeout() {
        rt = new TestRuntime(workspace, EngineSettings.defaults().withInitTimeout(Duration.ofMillis(500)));
        slowInit("slow-start", 1.0, 5);
        InvocationResult r = rt.invoke("slow-start", "{}");
        assertThat(r.status()).as(r.payloadText()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(r.payloadText()).isEqualTo("\"ready\"");
        assertThat(r.initDurationMs()).isGreaterThan(1000.0);
    }

    @Test
    void anInitThatNeverFinishesTimesOut() throws Exception {
        rt = new TestRuntime(workspace, EngineSettings.defaults().withInitTimeout(Duration.ofMillis(300)));
        slowInit("never-ready", 30, 1);
        InvocationResult r = rt.invoke("never-ready", "{}");
        assertThat(r.status()).isEqualTo(InvocationStatus.TIMEOUT);
        assertThat(Json.MAPPER.readTree(r.payload()).get("errorMessage").asText()).contains("Task timed out after");
        assertThat(rt.runtime().engine().environments("never-ready")).isEmpty();
    }

    @Test
    void aBootstrapThatExitsDuringInitIsAnExitError() throws Exception {
        rt = new TestRuntime(workspace);
        rt.runtime().workspace().create(FunctionConfig.builder("bad-bootstrap").runtime("provided.al2023")
                .handler("x").build(), CodeSource.files(Map.of("bootstrap", "#!/bin/sh\necho starting\nexit 7\n")));
        InvocationResult r = rt.invoke("bad-bootstrap", "{}");
        assertThat(r.status()).isEqualTo(InvocationStatus.CRASH);
        assertThat(Json.MAPPER.readTree(r.payload()).get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(Json.MAPPER.readTree(r.payload()).get("errorMessage").asText()).endsWith("exit status 7");
        assertThat(r.logLines()).contains("starting");
    }

    @Test
    void aMissingBootstrapIsReported() throws Exception {
        rt = new TestRuntime(workspace);
        rt.runtime().workspace().create(FunctionConfig.builder("no-bootstrap").runtime("provided.al2")
                .handler("x").build(), CodeSource.files(Map.of("readme.txt", "no bootstrap here")));
        InvocationResult r = rt.invoke("no-bootstrap", "{}");
        assertThat(r.status()).isEqualTo(InvocationStatus.INIT_ERROR);
        assertThat(Json.MAPPER.readTree(r.payload()).get("errorType").asText()).isEqualTo("Runtime.InvalidEntrypoint");
        assertThat(r.payloadText()).contains("Couldn't find valid bootstrap(s)");
    }
}
