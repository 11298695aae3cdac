package dev.lambdaconsole.runtime;

import com.fasterxml.jackson.databind.JsonNode;
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

/** python3.x functions on the process backend, end to end through the engine and the project's Python client. */
class PythonRuntimeTest {
    @TempDir static Path workspace;
    static TestRuntime rt;

    @BeforeAll
    static void start() {
        rt = new TestRuntime(workspace);
        rt.deploy("py-hello", "python3.12", "lambda_function.lambda_handler", "python/hello");
        rt.deploy("py-error", "python3.12", "lambda_function.lambda_handler", "python/error");
        rt.deployWith("py-context", "python3.11", "lambda_function.lambda_handler", "python/context",
                Map.of("MY_VAR", "my value"), 7);
        rt.deployWith("py-timeout", "python3.12", "lambda_function.lambda_handler", "python/timeout", Map.of(), 1);
        rt.deploy("py-crash", "python3.12", "lambda_function.lambda_handler", "python/crash");
        rt.deploy("py-syntax", "python3.12", "lambda_function.lambda_handler", "python/syntaxerror");
        rt.deploy("py-missing", "python3.12", "nosuchmodule.handler", "python/hello");
        rt.deploy("py-nohandler", "python3.12", "lambda_function.nosuchfunction", "python/hello");
    }

    @AfterAll
    static void stop() { rt.close(); }

    @Test
    void helloReturnsTheResponseAndLogsWithReportLine() throws Exception {
        InvocationResult first = rt.invoke("py-hello", "{\"name\":\"Ada\"}");
        assertThat(first.status()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(Json.MAPPER.readTree(first.payload()).get("message").asText()).isEqualTo("hello Ada");
        assertThat(first.functionError()).isNull();
        assertThat(first.coldStart()).isTrue();
        assertThat(first.logLines()).contains("hello from python");
        assertThat(first.logLines()).anyMatch(l -> l.startsWith("[INFO]\t") && l.endsWith("\t" + first.requestId()
                + "\tprocessing request " + first.requestId()));
        assertThat(first.logLines()).containsSubsequence("START RequestId: " + first.requestId() + " Version: $LATEST",
                "hello from python", "END RequestId: " + first.requestId(), first.reportLine());
        assertThat(first.reportLine()).matches("REPORT RequestId: " + first.requestId()
                + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB\tMax Memory Used: \\d+ MB\t"
                + "Init Duration: \\d+\\.\\d\\d ms\t");

        InvocationResult warm = rt.invoke("py-hello", "{}");
        assertThat(warm.coldStart()).isFalse();
        assertThat(warm.logStream()).isEqualTo(first.logStream());
        assertThat(warm.reportLine()).doesNotContain("Init Duration");
        assertThat(Json.MAPPER.readTree(warm.payload()).get("message").asText()).isEqualTo("hello world");
        assertThat(warm.maxMemoryUsedMb()).isGreaterThan(1);
    }

    @Test
    void errorComesBackAsAFunctionErrorWithTheExceptionType() throws Exception {
        InvocationResult r = rt.invoke("py-error", "{}");
        assertThat(r.status()).isEqualTo(InvocationStatus.ERROR);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        JsonNode body = Json.MAPPER.readTree(r.payload());
        assertThat(body.get("errorType").asText()).isEqualTo("ValidationError");
        assertThat(body.get("errorMessage").asText()).isEqualTo("bad input");
        assertThat(body.get("requestId").asText()).isEqualTo(r.requestId());
        assertThat(body.get("stackTrace").isArray()).isTrue();
        // the environment survives a function error
        InvocationResult again = rt.invoke("py-error", "{}");
        assertThat(again.coldStart()).isFalse();
    }

    @Test
    void contextObjectAndEnvironmentMatchLambda() throws Exception {
        InvocationResult r = rt.invoke("py-context", "{}");
        JsonNode c = Json.MAPPER.readTree(r.payload());
        assertThat(c.get("function_name").asText()).isEqualTo("py-context");
        assertThat(c.get("function_version").asText()).isEqualTo("$LATEST");
        assertThat(c.get("invoked_function_arn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:py-context");
        assertThat(c.get("memory_limit_in_mb").asText()).isEqualTo("128");
        assertThat(c.get("aws_request_id").asText()).isEqualTo(r.requestId());
        assertThat(c.get("log_group_name").asText()).isEqualTo("/aws/lambda/py-context");
        assertThat(c.get("log_stream_name").asText()).isEqualTo(r.logStream())
                .matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST\\][0-9a-f]{32}");
        assertThat(c.get("remaining_time_in_millis").asLong()).isBetween(5000L, 7000L);
        JsonNode env = c.get("env");
        assertThat(env.get("MY_VAR").asText()).isEqualTo("my value");
        assertThat(env.get("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_python3.11");
        assertThat(env.get("_HANDLER").asText()).isEqualTo("lambda_function.lambda_handler");
        assertThat(env.get("TZ").asText()).isEqualTo(":UTC");
        assertThat(env.get("_X_AMZN_TRACE_ID").asText()).startsWith("Root=1-");
        assertThat(Path.of(c.get("cwd").asText())).isEqualTo(rt.runtime().workspace().codeDir("py-context"));
        assertThat(Path.of(c.get("tmpdir").asText()))
                .as("each environment has a private tmp folder")
                .startsWith(rt.runtime().workspace().stateDir().resolve("environments")).endsWith(Path.of("tmp"));
    }

    @Test
    void timeoutKillsTheEnvironmentAndReportsLambdasMessage() throws Exception {
        InvocationResult r = rt.invoke("py-timeout", "{\"seconds\": 5}");
        assertThat(r.status()).isEqualTo(InvocationStatus.TIMEOUT);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(Json.MAPPER.readTree(r.payload()).get("errorMessage").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z " + r.requestId()
                        + " Task timed out after 1\\.\\d\\d seconds");
        assertThat(r.logLines().get(r.logLines().size() - 1)).contains("Task timed out after");
        InvocationResult next = rt.invoke("py-timeout", "{\"seconds\": 0}");
        assertThat(next.status()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(next.coldStart()).as("a timeout resets the environment").isTrue();
    }

    @Test
    void crashReportsRuntimeExitError() throws Exception {
        InvocationResult r = rt.invoke("py-crash", "{}");
        assertThat(r.status()).isEqualTo(InvocationStatus.CRASH);
        JsonNode body = Json.MAPPER.readTree(r.payload());
        assertThat(body.get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(body.get("errorMessage").asText())
                .isEqualTo("RequestId: " + r.requestId() + " Error: Runtime exited with error: exit status 3");
        assertThat(rt.invoke("py-crash", "{}").coldStart()).isTrue();
    }

    @Test
    void initErrorsHaveTheOfficialErrorTypes() throws Exception {
        assertThat(errorType(rt.invoke("py-syntax", "{}"))).isEqualTo("Runtime.UserCodeSyntaxError");
        InvocationResult missing = rt.invoke("py-missing", "{}");
        assertThat(missing.status()).isEqualTo(InvocationStatus.INIT_ERROR);
        assertThat(errorType(missing)).isEqualTo("Runtime.ImportModuleError");
        assertThat(Json.MAPPER.readTree(missing.payload()).get("errorMessage").asText())
                .isEqualTo("Unable to import module 'nosuchmodule': No module named 'nosuchmodule'");
        assertThat(errorType(rt.invoke("py-nohandler", "{}"))).isEqualTo("Runtime.HandlerNotFound");
    }

    private static String errorType(InvocationResult r) throws Exception {
        return Json.MAPPER.readTree(r.payload()).get("errorType").asText();
    }
}
