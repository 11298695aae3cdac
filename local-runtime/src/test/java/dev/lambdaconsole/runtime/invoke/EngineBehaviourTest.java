package dev.lambdaconsole.runtime.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.logs.LogQuery;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.runtime.workspace.EventInvokeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Lambda's execution semantics in the engine: scale-out, throttles, keep-alive, provisioned, async, layers. */
class EngineBehaviourTest {
    @TempDir Path workspace;
    TestRuntime rt;

    @AfterEach
    void stop() {
        if (rt != null) rt.close();
    }

    private LambdaEngine engine() { return rt.runtime().engine(); }

    private static InvocationRequest sleep(String name, double seconds) {
        return InvocationRequest.of(name, ("{\"seconds\": " + seconds + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void concurrentInvocationsScaleOutAndReservedConcurrencyThrottles() {
        rt = new TestRuntime(workspace);
        rt.deployWith("sleepy", "python3.12", "lambda_function.lambda_handler", "python/timeout", Map.of(), 10);
        List<CompletableFuture<InvocationResult>> running = List.of(engine().invoke(sleep("sleepy", 1)),
                engine().invoke(sleep("sleepy", 1)), engine().invoke(sleep("sleepy", 1)));
        running.forEach(CompletableFuture::join);
        assertThat(engine().environments("sleepy")).hasSize(3);
        assertThat(running).allMatch(f -> f.join().status() == InvocationStatus.SUCCESS);

        rt.runtime().workspace().updateConfiguration("sleepy", b -> b.reservedConcurrentExecutions(2));
        CompletableFuture<InvocationResult> a = engine().invoke(sleep("sleepy", 1));
        CompletableFuture<InvocationResult> b = engine().invoke(sleep("sleepy", 1));
        assertThatThrownBy(() -> engine().invoke(sleep("sleepy", 0)))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e ->
                        assertThat(e.reason()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
        a.join();
        b.join();
        assertThat(engine().invokeSync(sleep("sleepy", 0)).status()).isEqualTo(InvocationStatus.SUCCESS);
    }

    @Test
    void theEngineWideLimitThrottlesWithItsOwnReason() {
        rt = new TestRuntime(workspace, EngineSettings.defaults().withConcurrencyLimit(1));
        rt.deployWith("one", "python3.12", "lambda_function.lambda_handler", "python/timeout", Map.of(), 10);
        CompletableFuture<InvocationResult> first = engine().invoke(sleep("one", 1));
        assertThatThrownBy(() -> engine().invoke(sleep("one", 0)))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e ->
                        assertThat(e.reason()).isEqualTo("ConcurrentInvocationLimitExceeded"));
        first.join();
    }

    @Test
    void idleEnvironmentsStopAfterTheKeepAlive() {
        rt = new TestRuntime(workspace, EngineSettings.defaults().withKeepAlive(Duration.ofSeconds(1)));
        rt.deploy("brief", "python3.12", "lambda_function.lambda_handler", "python/hello");
        InvocationResult r = rt.invoke("brief", "{}");
        assertThat(engine().environments("brief")).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine().environments("brief").isEmpty());
        assertThat(rt.invoke("brief", "{}").coldStart()).isTrue();
        assertThat(r.coldStart()).isTrue();
    }

    @Test
    void provisionedEnvironmentsArePreStartedAndInitialisedAsSuch() throws Exception {
        rt = new TestRuntime(workspace);
        rt.runtime().workspace().create(FunctionConfig.builder("warm").runtime("python3.12")
                .handler("lambda_function.lambda_handler").provisionedConcurrentExecutions(2).build(),
                CodeSource.files(Map.of("lambda_function.py",
                        "import os\ndef lambda_handler(e, c):\n    return os.environ['AWS_LAMBDA_INITIALIZATION_TYPE']\n")));
        await().atMost(Duration.ofSeconds(15)).until(() -> engine().environments("warm").stream()
                .filter(e -> e.provisioned() && e.state() == EnvironmentInfo.State.IDLE).count() == 2);
        InvocationResult r = rt.invoke("warm", "{}");
        assertThat(r.coldStart()).as("served by a pre-started environment").isFalse();
        assertThat(r.payloadText()).isEqualTo("\"provisioned-concurrency\"");
    }

    @Test
    void aCodeChangeRetiresWarmEnvironments() {
        rt = new TestRuntime(workspace);
        rt.deploy("deployed", "python3.12", "lambda_function.lambda_handler", "python/hello");
        assertThat(rt.invoke("deployed", "{}").payloadText()).contains("hello world");
        Path code = rt.runtime().workspace().codeDir("deployed").resolve("lambda_function.py");
        try {
            Files.writeString(code, "def lambda_handler(e, c):\n    return 'v2'\n");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        rt.runtime().workspace().codeChanged("deployed");
        InvocationResult after = rt.invoke("deployed", "{}");
        assertThat(after.payloadText()).isEqualTo("\"v2\"");
        assertThat(after.coldStart()).isTrue();
    }

    @Test
    void asyncFunctionErrorsAreRetriedThenRecorded() throws Exception {
        rt = new TestRuntime(workspace);
        rt.deploy("flaky", "python3.12", "lambda_function.lambda_handler", "python/error");
        rt.deploy("sink", "python3.12", "lambda_function.lambda_handler", "python/hello");
        rt.runtime().workspace().putEventInvokeConfig("flaky", new EventInvokeConfig(2, 3600,
                new EventInvokeConfig.DestinationConfig(null, new EventInvokeConfig.Destination(
                        "arn:aws:lambda:us-east-1:000000000000:function:sink")), null));
        String id = engine().invokeEvent(InvocationRequest.of("flaky", "{\"order\": 7}".getBytes()));
        await().atMost(Duration.ofSeconds(20)).until(() -> !rt.runtime().logs().asyncRecords("flaky", 5).isEmpty());
        String[] record = rt.runtime().logs().asyncRecords("flaky", 5).get(0);
        assertThat(record[0]).isEqualTo("RetriesExhausted");
        JsonNode json = Json.MAPPER.readTree(record[1]);
        assertThat(json.at("/requestContext/requestId").asText()).isEqualTo(id);
        assertThat(json.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(json.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(json.at("/requestPayload/order").asInt()).isEqualTo(7);
        assertThat(json.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(json.at("/responsePayload/errorType").asText()).isEqualTo("ValidationError");
        rt.runtime().logs().flush();
        assertThat(rt.runtime().logs().invocations("flaky", 10)).hasSize(3)
                .allMatch(i -> i.requestId().equals(id) && i.status().equals("ERROR") && i.invocationType().equals("Event"));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            rt.runtime().logs().flush();
            return !rt.runtime().logs().invocations("sink", 1).isEmpty();
        });
    }

    @Test
    void layersAreMergedIntoOpt() throws Exception {
        rt = new TestRuntime(workspace);
        Path layer = rt.runtime().workspace().layersDir().resolve("shared/1/python");
        Files.createDirectories(layer);
        Files.copy(TestRuntime.FIXTURES.resolve("python/layer-content/python/layermod.py"), layer.resolve("layermod.py"));
        rt.deploy(FunctionConfig.builder("layered").runtime("python3.12").handler("lambda_function.lambda_handler")
                .layers(List.of(new FunctionConfig.Layer("arn:aws:lambda:us-east-1:000000000000:layer:shared:1", null)))
                .build(), "python/layer");
        InvocationResult r = rt.invoke("layered", "{}");
        assertThat(r.status()).as(r.payloadText()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(r.payloadText()).contains("from layer");
    }

    @Test
    void nodeFindsModulesOfItsLayers() throws Exception {
        rt = new TestRuntime(workspace);
        Path module = rt.runtime().workspace().layersDir().resolve("greeter/3/nodejs/node_modules/greet");
        Files.createDirectories(module);
        Files.writeString(module.resolve("index.js"), "module.exports = (n) => 'hi ' + n + ' from a layer';\n");
        rt.runtime().workspace().create(FunctionConfig.builder("node-layered").runtime("nodejs20.x").handler("index.handler")
                .layers(List.of(new FunctionConfig.Layer("arn:aws:lambda:us-east-1:000000000000:layer:greeter:3", null)))
                .build(), CodeSource.files(Map.of("index.js",
                "const greet = require('greet');\nexports.handler = async (e) => greet(e.name);\n")));
        InvocationResult r = rt.invoke("node-layered", "{\"name\":\"Ada\"}");
        assertThat(r.payloadText()).as(r.logLines().toString()).isEqualTo("\"hi Ada from a layer\"");
    }

    @Test
    void jsonLogFormatWritesOneObjectPerLine() throws Exception {
        rt = new TestRuntime(workspace);
        rt.deployWith("json-logs", "python3.12", "lambda_function.lambda_handler", "python/hello",
                Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", "INFO"), 3);
        InvocationResult r = rt.invoke("json-logs", "{}");
        String line = r.logLines().stream().filter(l -> l.contains("processing request")).findFirst().orElseThrow();
        JsonNode json = Json.MAPPER.readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("requestId").asText()).isEqualTo(r.requestId());
        assertThat(json.get("message").asText()).isEqualTo("processing request " + r.requestId());
    }

    @Test
    void invocationLogsAreStoredPerStreamAndQueryable() {
        rt = new TestRuntime(workspace);
        rt.deploy("logged", "python3.12", "lambda_function.lambda_handler", "python/hello");
        InvocationResult first = rt.invoke("logged", "{}");
        InvocationResult second = rt.invoke("logged", "{}");
        LogStore logs = rt.runtime().logs();
        logs.flush();
        String group = "/aws/lambda/logged";
        assertThat(logs.streams(group)).singleElement().satisfies(s -> assertThat(s.logStream()).isEqualTo(first.logStream()));
        assertThat(logs.query(LogQuery.group(group).withRequestId(second.requestId())))
                .extracting(e -> e.message()).containsExactlyElementsOf(second.logLines());
        assertThat(logs.query(LogQuery.group(group).withContains("hello from python"))).hasSize(2);
        assertThat(logs.query(LogQuery.group(group).withContains("REPORT").withRange(0L, first.startEpochMs() - 1))).isEmpty();
        assertThat(logs.invocations("logged", 10)).hasSize(2).first()
                .satisfies(i -> assertThat(i.requestId()).isEqualTo(second.requestId()));
        assertThat(logs.invocations("logged", 10).get(1).coldStart()).isTrue();
    }

    @Test
    void badPayloadsAreRejectedBeforeRunning() {
        rt = new TestRuntime(workspace);
        rt.deploy("strict", "python3.12", "lambda_function.lambda_handler", "python/hello");
        assertThatThrownBy(() -> engine().invoke(InvocationRequest.of("strict", "{oops".getBytes())))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorType()).isEqualTo("InvalidRequestContentException");
                });
        assertThatThrownBy(() -> engine().invoke(InvocationRequest.of("strict", new byte[LambdaEngine.MAX_SYNC_PAYLOAD + 1])))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThat(engine().environments("strict")).isEmpty();
    }
}
