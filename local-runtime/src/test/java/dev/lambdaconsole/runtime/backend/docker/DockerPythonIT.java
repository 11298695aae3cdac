package dev.lambdaconsole.runtime.backend.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.InvocationStatus;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** python3.x functions in containers, through the real engine, the project's Python client and a real Docker. */
class DockerPythonIT {
    static final String HANDLER = "lambda_function.lambda_handler";
    @TempDir static Path workspace;
    static TestRuntime rt;

    @BeforeAll
    static void start() throws Exception {
        rt = DockerEngine.start(workspace);
        rt.deploy("py-hello", "python3.12", HANDLER, "python/hello");
        rt.deploy("py-error", "python3.12", HANDLER, "python/error");
        rt.deployWith("py-context", "python3.11", HANDLER, "python/context", Map.of("MY_VAR", "my value"), 7);
        rt.deployWith("py-timeout", "python3.12", HANDLER, "python/timeout", Map.of(), 1);
        rt.deployWith("py-slow", "python3.12", HANDLER, "python/timeout", Map.of(), 20);
        rt.deploy("py-crash", "python3.12", HANDLER, "python/crash");
        rt.deploy("py-fs", "python3.12", HANDLER, "python/filesystem");
        rt.deploy(FunctionConfig.builder("py-memory").runtime("python3.12").handler(HANDLER).memorySize(128)
                .timeout(30).build(), "python/memory");
        Path layer = rt.runtime().workspace().layersDir().resolve("shared/1/python");
        Files.createDirectories(layer);
        Files.copy(TestRuntime.FIXTURES.resolve("python/layer-content/python/layermod.py"), layer.resolve("layermod.py"));
        rt.deploy(FunctionConfig.builder("py-layer").runtime("python3.12").handler(HANDLER)
                .layers(List.of(new FunctionConfig.Layer("arn:aws:lambda:us-east-1:000000000000:layer:shared:1", null)))
                .build(), "python/layer");
    }

    @AfterAll
    static void stop() {
        if (rt != null) rt.close();
    }

    @Test
    void helloRunsInAContainerWithReportAndMeasuredMemory() throws Exception {
        InvocationResult first = rt.invoke("py-hello", "{\"name\":\"Ada\"}");
        assertThat(first.status()).as(String.join("\n", first.logLines())).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(Json.MAPPER.readTree(first.payload()).get("message").asText()).isEqualTo("hello Ada");
        assertThat(first.coldStart()).isTrue();
        assertThat(first.logLines()).containsSubsequence("START RequestId: " + first.requestId() + " Version: $LATEST",
                "hello from python", "END RequestId: " + first.requestId(), first.reportLine());
        assertThat(first.reportLine()).contains("Memory Size: 128 MB").contains("Init Duration: ");
        InvocationResult warm = rt.invoke("py-hello", "{}");
        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.maxMemoryUsedMb()).isBetween(2L, 128L);
        assertThat(DockerEngine.running("py-hello")).hasSize(1);
        String id = DockerEngine.running("py-hello").get(0).getId();
        await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> assertThat(DockerEngine.client()
                .inspectContainerCmd(id).exec().getHostConfig().getNanoCPUs())
                .as("after init the CPU share is proportional to 128 MB").isEqualTo(ContainerLimits.nanoCpus(128)));
    }

    @Test
    void errorIsAFunctionErrorAndTheContainerStays() throws Exception {
        InvocationResult r = rt.invoke("py-error", "{}");
        assertThat(r.status()).isEqualTo(InvocationStatus.ERROR);
        assertThat(Json.MAPPER.readTree(r.payload()).get("errorType").asText()).isEqualTo("ValidationError");
        assertThat(rt.invoke("py-error", "{}").coldStart()).isFalse();
    }

    @Test
    void contextAndVariablesAreLambdas() throws Exception {
        InvocationResult r = rt.invoke("py-context", "{}");
        JsonNode c = Json.MAPPER.readTree(r.payload());
        assertThat(c.get("function_name").asText()).isEqualTo("py-context");
        assertThat(c.get("aws_request_id").asText()).isEqualTo(r.requestId());
        assertThat(c.get("log_stream_name").asText()).isEqualTo(r.logStream());
        assertThat(c.get("remaining_time_in_millis").asLong()).isBetween(4000L, 7000L);
        JsonNode env = c.get("env");
        assertThat(env.get("MY_VAR").asText()).isEqualTo("my value");
        assertThat(env.get("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_python3.11");
        assertThat(env.get("_HANDLER").asText()).isEqualTo(HANDLER);
        assertThat(env.get("TZ").asText()).isEqualTo(":UTC");
        assertThat(c.get("cwd").asText()).isEqualTo("/var/task");
        assertThat(c.get("tmpdir").asText()).isEqualTo("/tmp");
    }

    @Test
    void timeoutRemovesTheContainerAndTheNextInvokeIsCold() throws Exception {
        InvocationResult r = rt.invoke("py-timeout", "{\"seconds\": 5}");
        assertThat(r.status()).isEqualTo(InvocationStatus.TIMEOUT);
        assertThat(Json.MAPPER.readTree(r.payload()).get("errorMessage").asText())
                .matches(".*Z " + r.requestId() + " Task timed out after 1\\.\\d\\d seconds");
        InvocationResult next = rt.invoke("py-timeout", "{\"seconds\": 0}");
        assertThat(next.status()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(next.coldStart()).isTrue();
    }

    @Test
    void crashReportsTheContainersExitCode() throws Exception {
        InvocationResult r = rt.invoke("py-crash", "{}");
        assertThat(r.status()).isEqualTo(InvocationStatus.CRASH);
        assertThat(Json.MAPPER.readTree(r.payload()).get("errorMessage").asText())
                .isEqualTo("RequestId: " + r.requestId() + " Error: Runtime exited with error: exit status 3");
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> DockerEngine.containers(
                Map.of(Labels.FUNCTION, "py-crash")).isEmpty());
    }

    @Test
    void exceedingTheMemorySizeKillsTheContainer() throws Exception {
        InvocationResult ok = rt.invoke("py-memory", "{\"mb\": 20}");
        assertThat(ok.status()).as(String.join("\n", ok.logLines())).isEqualTo(InvocationStatus.SUCCESS);
        InvocationResult r = rt.invoke("py-memory", "{\"mb\": 300}");
        assertThat(r.status()).isEqualTo(InvocationStatus.CRASH);
        assertThat(Json.MAPPER.readTree(r.payload()).get("errorType").asText())
                .isIn("Runtime.OutOfMemory", "Runtime.ExitError");
        assertThat(r.maxMemoryUsedMb()).isEqualTo(128L);
    }

    @Test
    void concurrentInvokesRunInSeparateContainers() {
        List<CompletableFuture<InvocationResult>> calls = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> rt.invoke("py-slow", "{\"seconds\": 3}"))).toList();
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> DockerEngine.running("py-slow").size() == 3);
        List<InvocationResult> results = calls.stream().map(CompletableFuture::join).toList();
        assertThat(results).allMatch(r -> r.status() == InvocationStatus.SUCCESS);
        assertThat(results.stream().map(InvocationResult::logStream).collect(Collectors.toSet())).hasSize(3);
    }

    @Test
    void layersAreMergedAtOpt() throws Exception {
        InvocationResult r = rt.invoke("py-layer", "{}");
        JsonNode body = Json.MAPPER.readTree(r.payload());
        assertThat(body.get("layer").asText()).as(String.join("\n", r.logLines())).isEqualTo("from layer");
        assertThat(body.get("file").asText()).isEqualTo("/opt/python/layermod.py");
    }

    @Test
    void onlyTmpIsWritableAndTheRuntimeIsNotRoot() throws Exception {
        JsonNode body = Json.MAPPER.readTree(rt.invoke("py-fs", "{}").payload());
        assertThat(body.get("task").asText()).startsWith("OSError: Read-only file system");
        assertThat(body.get("root").asText()).startsWith("OSError: Read-only file system");
        assertThat(body.get("tmp").asText()).isEqualTo("written");
        assertThat(body.get("uid").asInt()).isEqualTo(993);
    }
}
