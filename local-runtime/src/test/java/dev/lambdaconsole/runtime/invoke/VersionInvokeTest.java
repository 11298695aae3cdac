package dev.lambdaconsole.runtime.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.FunctionNotFoundException;
import dev.lambdaconsole.runtime.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Published versions run in their own environments with their own code and settings; aliases route by weight. */
class VersionInvokeTest {
    @TempDir Path workspace;
    TestRuntime rt;

    @AfterEach
    void stop() {
        if (rt != null) rt.close();
    }

    private LambdaEngine engine() { return rt.runtime().engine(); }
    private Workspace ws() { return rt.runtime().workspace(); }

    private InvocationResult invoke(String qualifier) {
        return engine().invokeSync(new InvocationRequest("ctx", qualifier, "{}".getBytes(StandardCharsets.UTF_8),
                null, null, null));
    }

    private static JsonNode json(InvocationResult r) throws Exception {
        return Json.MAPPER.readTree(r.payload());
    }

    /** Two versions of the context function: MY_VAR says which one ran. */
    private void twoVersions() {
        rt = new TestRuntime(workspace);
        rt.deployWith("ctx", "python3.12", "lambda_function.lambda_handler", "python/context", Map.of("MY_VAR", "one"), 10);
        ws().publishVersion("ctx", "first", null, null);
        ws().updateConfiguration("ctx", b -> b.variables(Map.of("MY_VAR", "two")));
        ws().publishVersion("ctx", "second", null, null);
        ws().updateConfiguration("ctx", b -> b.variables(Map.of("MY_VAR", "latest")));
    }

    @Test
    void eachVersionRunsItsOwnConfigurationInItsOwnEnvironment() throws Exception {
        twoVersions();
        String arn = engine().settings().functionArn("ctx");
        InvocationResult one = invoke("1");
        JsonNode v1 = json(one);
        assertThat(v1.at("/env/MY_VAR").asText()).isEqualTo("one");
        assertThat(v1.get("function_version").asText()).isEqualTo("1");
        assertThat(v1.get("invoked_function_arn").asText()).isEqualTo(arn + ":1");
        assertThat(v1.get("log_stream_name").asText()).matches("\\d{4}/\\d\\d/\\d\\d/\\[1\\][0-9a-f]{32}");
        assertThat(one.executedVersion()).isEqualTo("1");
        assertThat(one.logLines()).anyMatch(l -> l.startsWith("START RequestId: " + one.requestId() + " Version: 1"));

        JsonNode latest = json(invoke(null));
        assertThat(latest.at("/env/MY_VAR").asText()).isEqualTo("latest");
        assertThat(latest.get("function_version").asText()).isEqualTo("$LATEST");
        assertThat(latest.get("invoked_function_arn").asText()).isEqualTo(arn);
        assertThat(json(invoke("2")).at("/env/MY_VAR").asText()).isEqualTo("two");

        assertThat(engine().environments("ctx")).hasSize(3);
        assertThat(engine().environments("ctx", "1")).hasSize(1);
        assertThat(invoke("1").coldStart()).as("version 1's environment is still warm").isFalse();

        ws().updateConfiguration("ctx", b -> b.timeout(12));
        assertThat(invoke("1").coldStart()).as("a change to $LATEST leaves versions warm").isFalse();
        assertThat(invoke(null).coldStart()).isTrue();

        assertThatThrownBy(() -> invoke("7")).isInstanceOf(FunctionNotFoundException.class)
                .hasMessage("Function not found: ctx:7");
        assertThatThrownBy(() -> invoke("nope")).isInstanceOf(FunctionNotFoundException.class);
    }

    @Test
    void anAliasRunsItsVersionAndTheWeightedOneByShare() throws Exception {
        twoVersions();
        ws().createAlias("ctx", "live", "1", null, Map.of("2", 0.3));
        int second = 0;
        int n = 300;
        for (int i = 0; i < n; i++) {
            InvocationResult r = invoke("live");
            String ran = json(r).at("/env/MY_VAR").asText();
            assertThat(r.executedVersion()).isIn("1", "2");
            assertThat(ran).isEqualTo(r.executedVersion().equals("1") ? "one" : "two");
            if (r.executedVersion().equals("2")) second++;
        }
        // binomial(300, 0.3): mean 90, sd 7.9; 60..120 is beyond 3.8 sd
        assertThat(second).isBetween(60, 120);
        JsonNode viaAlias = json(invoke("live"));
        assertThat(viaAlias.get("invoked_function_arn").asText()).endsWith(":function:ctx:live");

        ws().updateAlias("ctx", "live", "2", null, Map.of(), null);
        assertThat(invoke("live").executedVersion()).isEqualTo("2");

        engine().logs().flush();
        List<InvocationRecord> records = engine().logs().invocations("ctx", 1000);
        assertThat(records).filteredOn(r -> "live".equals(r.qualifier())).hasSize(n + 2)
                .extracting(InvocationRecord::executedVersion).containsOnly("1", "2");
        assertThat(records.get(0).resource()).isEqualTo("ctx:live");
    }

    @Test
    void asynchronousInvocationsKeepTheirQualifier() throws Exception {
        twoVersions();
        ws().createAlias("ctx", "live", "2", null, null);
        List<AsyncInvoker.AsyncRecord> done = new ArrayList<>();
        engine().async().addListener(done::add);
        engine().invokeEvent(new InvocationRequest("ctx", "live", "{}".getBytes(StandardCharsets.UTF_8), null, null, null));
        await().until(() -> !done.isEmpty());
        JsonNode record = Json.MAPPER.readTree(done.get(0).json());
        assertThat(record.at("/requestContext/functionArn").asText()).endsWith(":function:ctx:live");
        assertThat(record.at("/responseContext/executedVersion").asText()).isEqualTo("2");
        assertThat(record.at("/responsePayload/env/MY_VAR").asText()).isEqualTo("two");
        assertThatThrownBy(() -> engine().invokeEvent(new InvocationRequest("ctx", "gone",
                "{}".getBytes(StandardCharsets.UTF_8), null, null, null))).isInstanceOf(FunctionNotFoundException.class);
    }

    @Test
    void deletingAVersionOrTheFunctionStopsItsEnvironments() {
        twoVersions();
        invoke("1");
        invoke("2");
        assertThat(engine().environments("ctx")).hasSize(2);
        ws().deleteVersion("ctx", "1");
        assertThat(engine().environments("ctx", "1")).isEmpty();
        assertThat(engine().environments("ctx", "2")).hasSize(1);
        rt.runtime().workspace().delete("ctx");
        assertThat(engine().environments("ctx")).isEmpty();
    }

    @Test
    void versionsShareTheFunctionsReservedConcurrency() {
        rt = new TestRuntime(workspace);
        rt.deployWith("sleepy", "python3.12", "lambda_function.lambda_handler", "python/timeout", Map.of(), 10);
        ws().publishVersion("sleepy", null, null, null);
        ws().updateConfiguration("sleepy", b -> b.reservedConcurrentExecutions(1));
        var first = engine().invoke(new InvocationRequest("sleepy", "1",
                "{\"seconds\": 1}".getBytes(StandardCharsets.UTF_8), null, null, null));
        assertThatThrownBy(() -> engine().invoke(InvocationRequest.of("sleepy", "{\"seconds\": 0}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e ->
                        assertThat(e.reason()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
        first.join();
    }
}
