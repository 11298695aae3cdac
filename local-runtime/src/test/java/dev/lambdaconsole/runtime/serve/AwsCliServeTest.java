package dev.lambdaconsole.runtime.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.TestRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real AWS CLI against a real `serve` process: create, list, update, invoke (sync, async, dry run,
 * with Tail logs) and delete functions of every runtime family; then SIGTERM leaves no process behind.
 */
class AwsCliServeTest {
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;
    static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        cli = new AwsCli(files);
        serve = new ServeProcess(workspace);
        cli.endpoint(serve.url());
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    static JsonNode lambda(String... args) throws Exception {
        return cli.lambda(args);
    }

    static JsonNode invoke(String name, String payload, String... extra) throws Exception {
        return cli.invoke(name, payload, extra);
    }

    static String zip(String name, Path folder) throws IOException {
        return cli.zip(name, folder);
    }

    static void create(String name, String runtime, String handler, Path code) throws Exception {
        cli.create(name, runtime, handler, code);
    }

    @Test
    void everyRuntimeFamilyThroughTheCli() throws Exception {
        Path javaClasses = Files.createDirectories(files.resolve("java-classes"));
        dev.lambdaconsole.runtime.JavaFixturesAccess.compile(javaClasses);
        Object[][] functions = {
                {"cli-python", "python3.12", "lambda_function.lambda_handler", TestRuntime.FIXTURES.resolve("python/hello"), "hello cli"},
                {"cli-node", "nodejs20.x", "index.handler", TestRuntime.FIXTURES.resolve("node/hello"), "hello cli"},
                {"cli-ruby", "ruby3.3", "lambda_function.lambda_handler", TestRuntime.FIXTURES.resolve("ruby/hello"), "hello cli"},
                {"cli-custom", "provided.al2023", "handler", TestRuntime.FIXTURES.resolve("provided/hello"), "\"name\":\"cli\""},
                {"cli-java", "java21", "example.Hello", javaClasses, "hello cli"}};
        for (Object[] f : functions) {
            String name = (String) f[0];
            create(name, (String) f[1], (String) f[2], (Path) f[3]);
            JsonNode r = invoke(name, "{\"name\":\"cli\"}", "--log-type", "Tail");
            assertThat(r.get("StatusCode").asInt()).as(name).isEqualTo(200);
            assertThat(r.has("FunctionError")).as(name + ": " + r.get("_body").asText()).isFalse();
            assertThat(r.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
            assertThat(r.get("_body").asText()).as(name).contains((String) f[4]);
            String log = new String(Base64.getDecoder().decode(r.get("LogResult").asText()), StandardCharsets.UTF_8);
            assertThat(log).as(name).contains("START RequestId:").contains("REPORT RequestId:").contains("Init Duration:");
        }
        JsonNode list = lambda("list-functions");
        assertThat(list.get("Functions").findValuesAsText("FunctionName"))
                .contains("cli-python", "cli-node", "cli-ruby", "cli-custom", "cli-java");

        assertThat(invoke("cli-python", "{}", "--invocation-type", "Event").get("StatusCode").asInt()).isEqualTo(202);
        assertThat(invoke("cli-python", "{}", "--invocation-type", "DryRun").get("StatusCode").asInt()).isEqualTo(204);

        JsonNode updated = lambda("update-function-configuration", "--function-name", "cli-python", "--memory-size", "512",
                "--environment", "Variables={STAGE=test}");
        assertThat(updated.get("MemorySize").asInt()).isEqualTo(512);
        assertThat(updated.get("Environment").get("Variables").get("STAGE").asText()).isEqualTo("test");
        lambda("update-function-code", "--function-name", "cli-python", "--zip-file",
                zip("cli-python-v2", TestRuntime.FIXTURES.resolve("python/error")));
        JsonNode failed = invoke("cli-python", "{}");
        assertThat(failed.get("FunctionError").asText()).isEqualTo("Unhandled");
        assertThat(failed.get("_body").asText()).contains("ValidationError");

        lambda("delete-function", "--function-name", "cli-node");
        assertThat(lambda("list-functions").get("Functions").findValuesAsText("FunctionName")).doesNotContain("cli-node");
        assertThat(workspace.resolve("functions/cli-node")).doesNotExist();
    }

    @Test
    void sigtermStopsEveryRuntimeItStarted() throws Exception {
        create("cli-term", "python3.12", "lambda_function.lambda_handler", TestRuntime.FIXTURES.resolve("python/hello"));
        invoke("cli-term", "{}");
        List<ProcessHandle> runtimes = serve.descendants();
        assertThat(runtimes).as("a warm python runtime is running").isNotEmpty();
        // SIGTERM from outside (Process.destroy() would also close our end of its output)
        new ProcessBuilder("kill", "-TERM", Long.toString(serve.process.pid())).start().waitFor();
        assertThat(serve.process.waitFor(20, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(serve.output)
                .as("exit code " + serve.process.exitValue()).contains("Stopped."));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(runtimes).noneMatch(ProcessHandle::isAlive));
        // start again on the same workspace for any later test
        serve = new ServeProcess(workspace);
        cli.endpoint(serve.url());
    }
}
