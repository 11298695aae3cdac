package dev.lambdaconsole.runtime.backend.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.InvocationStatus;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions in containers call the local services with the AWS SDK of their (locally built) runtime image and no
 * endpoint in their code: AWS_ENDPOINT_URL points at the shared endpoint where a container reaches it.
 */
class DockerAwsSdkIT {
    static final String PY = "lambda_function.lambda_handler";
    static final String[] ALL = {"dotnet-hello", "node-cjs-sdk", "node-sdk", "py-own-endpoint", "py-sdk", "ruby-sdk"};
    @TempDir static Path workspace;
    static TestRuntime rt;

    /** What the engine logs about runtime images (which Debian interpreter stands in for an official image). */
    static final java.util.List<String> imageLog = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Held, so that the logger (weakly referenced by the LogManager) keeps its handler. */
    static final java.util.logging.Logger IMAGES_LOG = java.util.logging.Logger.getLogger(RuntimeImages.class.getName());
    static final java.util.logging.Handler CAPTURE = new java.util.logging.Handler() {
        @Override public void publish(java.util.logging.LogRecord r) { imageLog.add(r.getMessage()); }
        @Override public void flush() { }
        @Override public void close() { }
    };

    @BeforeAll
    static void start() {
        IMAGES_LOG.addHandler(CAPTURE);
        rt = DockerEngine.start(workspace);
        // 20 s: an SDK's first client in a cold container takes seconds on a busy 2-core machine (Lambda's 3 s
        // default is about the function, not about whether the endpoint answers)
        rt.deploy(FunctionConfig.builder("py-sdk").runtime("python3.14").handler(PY).timeout(20).build(), "python/aws-sdk");
        rt.deploy(FunctionConfig.builder("node-sdk").runtime("nodejs24.x").handler("index.handler").timeout(20).build(),
                "node/aws-sdk");
        rt.deploy(FunctionConfig.builder("node-cjs-sdk").runtime("nodejs22.x").handler("legacy.handler").timeout(20)
                .build(), "node/aws-sdk");
        rt.deploy(FunctionConfig.builder("py-own-endpoint").runtime("python3.13").handler(PY).timeout(20)
                .variables(Map.of("AWS_ENDPOINT_URL", "http://example.invalid:4566")).build(), "python/aws-sdk");
        rt.deploy(FunctionConfig.builder("ruby-sdk").runtime("ruby3.4").handler(PY).memorySize(512).timeout(20)
                .build(), "ruby/aws-sdk");
        rt.deploy(FunctionConfig.builder("dotnet-hello").runtime("dotnet8")
                .handler("HelloWorld::HelloWorld.Function::FunctionHandler").build(), "python/aws-sdk");
    }

    @AfterAll
    static void stop() {
        IMAGES_LOG.removeHandler(CAPTURE);
        if (rt != null) rt.close();
    }

    static JsonNode success(InvocationResult r) throws Exception {
        assertThat(r.status()).as(String.join("\n", r.logLines()) + "\n" + new String(r.payload()))
                .isEqualTo(InvocationStatus.SUCCESS);
        return Json.MAPPER.readTree(r.payload());
    }

    /** Where containers reach the endpoint: the bridge gateway (or host.docker.internal), same port if it was free. */
    static String expectedEndpoint() {
        String host = rt.runtime().engine().backend().runtimeApiAdvertisedHost();
        return "http://" + host + ":" + rt.runtime().endpoint().port();
    }

    @Test
    void boto3InAPythonContainerListsTheLocalFunctionsAndLogGroups() throws Exception {
        rt.invoke("node-cjs-sdk", "{}"); // a log group to list
        JsonNode out = success(rt.invoke("py-sdk", "{}"));
        assertThat(out.get("endpoint").asText()).isEqualTo(expectedEndpoint()).doesNotContain("127.0.0.1");
        assertThat(out.get("boto3").asText()).startsWith("1.37.");
        assertThat(imageLog).as("the engine says what stands in for the official image").anyMatch(l -> l.startsWith(
                "python3.14 runs on Debian's Python 3.13 locally (lambda-console/runtime-python:trixie, AWS SDK: "
                        + "boto3 1.37") && l.contains("public.ecr.aws/lambda/python:3.14"));
        assertThat(out.get("region").asText()).isEqualTo("us-east-1");
        assertThat(Json.MAPPER.convertValue(out.get("keys"), String[].class))
                .containsExactly("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");
        assertThat(Json.MAPPER.convertValue(out.get("functions"), String[].class))
                .containsExactly(ALL);
        assertThat(Json.MAPPER.convertValue(out.get("logGroups"), String[].class))
                .contains("/aws/lambda/node-cjs-sdk");
    }

    @Test
    void theSdkForJavaScriptV3InANodeContainerDoesTheSameFromAnEsModule() throws Exception {
        success(rt.invoke("py-own-endpoint", "{\"envOnly\": true}")); // a log group to list
        JsonNode out = success(rt.invoke("node-sdk", "{}"));
        assertThat(out.get("endpoint").asText()).isEqualTo(expectedEndpoint());
        assertThat(Json.MAPPER.convertValue(out.get("functions"), String[].class))
                .containsExactly(ALL);
        assertThat(Json.MAPPER.convertValue(out.get("logGroups"), String[].class))
                .contains("/aws/lambda/py-own-endpoint");
    }

    @Test
    void andFromCommonJsThroughNodePath() throws Exception {
        JsonNode out = success(rt.invoke("node-cjs-sdk", "{}"));
        assertThat(Json.MAPPER.convertValue(out.get("functions"), String[].class)).contains("node-sdk", "py-sdk");
    }

    @Test
    void rubysAwsSdkGemsReadTheEndpointToo() throws Exception {
        JsonNode out = success(rt.invoke("ruby-sdk", "{}"));
        assertThat(out.get("endpoint").asText()).isEqualTo(expectedEndpoint());
        assertThat(out.get("region").asText()).isEqualTo("us-east-1");
        assertThat(out.get("core").asText()).startsWith("3.");
    }

    @Test
    void aFunctionsOwnAwsEndpointUrlWins() throws Exception {
        JsonNode out = success(rt.invoke("py-own-endpoint", "{\"envOnly\": true}"));
        assertThat(out.get("endpoint").asText()).isEqualTo("http://example.invalid:4566");
    }

    @Test
    void dotnetWithoutItsOfficialImageSaysWhichImageToPull() {
        InvocationResult r = rt.invoke("dotnet-hello", "{}");
        assertThat(r.status()).isEqualTo(InvocationStatus.INIT_ERROR);
        assertThat(new String(r.payload())).contains("Runtime.Unavailable",
                "dotnet8 functions need the official image public.ecr.aws/lambda/dotnet:8",
                "docker pull public.ecr.aws/lambda/dotnet:8");
    }

    @Test
    void withTheSettingOffContainersGetNoAwsEndpointUrl(@TempDir Path other) throws Exception {
        try (TestRuntime off = DockerEngine.start(other, EngineSettings.defaults().withEndpointInFunctions(false))) {
            off.deploy("py-sdk", "python3.14", PY, "python/aws-sdk");
            assertThat(off.runtime().engine().endpointForFunctions()).isEmpty();
            JsonNode out = success(off.invoke("py-sdk", "{\"envOnly\": true}"));
            assertThat(out.get("endpoint").isNull()).as(out.toString()).isTrue();
        }
    }
}
