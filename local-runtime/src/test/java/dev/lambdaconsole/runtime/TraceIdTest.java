package dev.lambdaconsole.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * X-Ray trace ids on the process backend: the function gets the id the invocation record keeps, as
 * {@code _X_AMZN_TRACE_ID} (managed runtime) and as the {@code Lambda-Runtime-Trace-Id} header of /next (custom
 * runtime); a caller's {@code X-Amzn-Trace-Id} is passed on.
 */
class TraceIdTest {
    private static final String SHAPE = "Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0";
    @TempDir static Path workspace;
    static TestRuntime rt;

    @BeforeAll
    static void start() {
        rt = new TestRuntime(workspace);
        rt.deployWith("py-context", "python3.12", "lambda_function.lambda_handler", "python/context", Map.of(), 7);
        rt.deploy("custom-trace", "provided.al2023", "unused", "provided/trace");
    }

    @AfterAll
    static void stop() { rt.close(); }

    private static InvocationRecord record(InvocationResult r) {
        rt.runtime().logs().flush();
        return rt.runtime().logs().invocations(r.functionName(), 20).stream()
                .filter(x -> x.requestId().equals(r.requestId())).findFirst().orElseThrow();
    }

    private static String seenByPython(InvocationResult r) throws Exception {
        return Json.MAPPER.readTree(r.payload()).get("env").get("_X_AMZN_TRACE_ID").asText();
    }

    @Test
    void aPythonFunctionSeesANewTraceIdPerInvocationAndTheRecordKeepsIt() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        InvocationResult first = rt.invoke("py-context", "{}");
        InvocationResult second = rt.invoke("py-context", "{}");

        String seen = seenByPython(first);
        assertThat(seen).matches(SHAPE);
        long epoch = Long.parseLong(seen.substring("Root=1-".length(), "Root=1-".length() + 8), 16);
        assertThat(epoch).isBetween(before, System.currentTimeMillis() / 1000);
        assertThat(record(first).traceId()).isEqualTo(seen);
        assertThat(seenByPython(second)).as("a warm invocation gets its own trace").matches(SHAPE).isNotEqualTo(seen)
                .isEqualTo(record(second).traceId());
    }

    @Test
    void aCallersTraceHeaderReachesTheFunctionThroughTheLambdaApi() throws Exception {
        String header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(rt.url() + "/2015-03-31/functions/py-context/invocations"))
                .timeout(Duration.ofSeconds(30)).header("X-Amzn-Trace-Id", header)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("env").get("_X_AMZN_TRACE_ID").asText()).isEqualTo(header);

        String unsampled = "Root=1-5759e988-bd862e3fe1be46a994272794;Parent=53995c3f42cd8ad9";
        String seen = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(rt.url() + "/2015-03-31/functions/py-context/invocations"))
                .timeout(Duration.ofSeconds(30)).header("X-Amzn-Trace-Id", unsampled)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(Json.MAPPER.readTree(seen).get("env").get("_X_AMZN_TRACE_ID").asText())
                .isEqualTo(unsampled + ";Sampled=0");
    }

    @Test
    void aCustomRuntimeReadsTheTraceIdFromTheLambdaRuntimeTraceIdHeader() throws Exception {
        InvocationResult r = rt.invoke("custom-trace", "{}");
        assertThat(r.functionError()).as(r.payloadText() + r.logLines()).isNull();
        String header = Json.MAPPER.readTree(r.payload()).get("trace").asText();
        assertThat(header).matches(SHAPE).isEqualTo(record(r).traceId());
    }
}
