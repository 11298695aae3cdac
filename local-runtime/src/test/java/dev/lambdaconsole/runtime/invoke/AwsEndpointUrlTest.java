package dev.lambdaconsole.runtime.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Local processes get AWS_ENDPOINT_URL too: the endpoint's own address, which the SDK on the machine calls. */
class AwsEndpointUrlTest {
    static final String PY = "lambda_function.lambda_handler";

    static JsonNode success(InvocationResult r) throws Exception {
        assertThat(r.status()).as(String.join("\n", r.logLines())).isEqualTo(InvocationStatus.SUCCESS);
        return Json.MAPPER.readTree(r.payload());
    }

    static boolean hostHasBoto3() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import boto3").start();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aProcessGetsTheEndpointAndItsSdkCallsIt(@TempDir Path workspace) throws Exception {
        try (TestRuntime rt = new TestRuntime(workspace)) {
            rt.deploy(FunctionConfig.builder("py-sdk").runtime("python3.13").handler(PY).timeout(20).build(), "python/aws-sdk");
            assertThat(rt.runtime().engine().endpointForFunctions()).contains(rt.url());
            boolean sdk = hostHasBoto3();
            success(rt.invoke("py-sdk", "{\"envOnly\": true}")); // its log group, to list
            JsonNode out = success(rt.invoke("py-sdk", sdk ? "{}" : "{\"envOnly\": true}"));
            assertThat(out.get("endpoint").asText()).isEqualTo(rt.url()).startsWith("http://127.0.0.1:");
            if (sdk) {
                assertThat(Json.MAPPER.convertValue(out.get("functions"), String[].class)).containsExactly("py-sdk");
                assertThat(Json.MAPPER.convertValue(out.get("logGroups"), String[].class)).contains("/aws/lambda/py-sdk");
            }
        }
    }

    @Test
    void theFunctionsOwnValueWinsAndTheSettingTurnsItOff(@TempDir Path workspace, @TempDir Path other)
            throws Exception {
        try (TestRuntime rt = new TestRuntime(workspace)) {
            rt.deploy(FunctionConfig.builder("own").runtime("python3.13").handler(PY).timeout(20)
                    .variables(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566")).build(), "python/aws-sdk");
            assertThat(success(rt.invoke("own", "{\"envOnly\": true}")).get("endpoint").asText())
                    .isEqualTo("http://localhost:4566");
        }
        EngineSettings off = EngineSettings.defaults().withEndpointInFunctions(false)
                .withAsyncRetryDelays(List.of(java.time.Duration.ofMillis(100)));
        try (TestRuntime rt = new TestRuntime(other, off)) {
            rt.deploy(FunctionConfig.builder("py-sdk").runtime("python3.13").handler(PY).timeout(20).build(), "python/aws-sdk");
            assertThat(rt.runtime().engine().endpointForFunctions()).isEmpty();
            assertThat(success(rt.invoke("py-sdk", "{\"envOnly\": true}")).get("endpoint").isNull()).isTrue();
        }
    }
}
