package dev.lambdaconsole.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.InvocationStatus;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Node.js, Ruby, Java (the official AWS client) and custom runtimes, end to end on the process backend. */
class OtherRuntimesTest {
    @TempDir static Path workspace;
    @TempDir static Path javaClasses;
    static TestRuntime rt;

    @BeforeAll
    static void start() throws Exception {
        rt = new TestRuntime(workspace);
        rt.deploy("node-hello", "nodejs20.x", "index.handler", "node/hello");
        rt.deploy("node-callback", "nodejs20.x", "index.handler", "node/callback");
        rt.deploy("node-esm", "nodejs22.x", "index.handler", "node/esm");
        rt.deploy("node-esm-package", "nodejs20.x", "index.handler", "node/esm-package");
        rt.deploy("node-error", "nodejs20.x", "index.handler", "node/error");
        rt.deployWith("node-context", "nodejs18.x", "index.handler", "node/context", Map.of("MY_VAR", "node var"), 5);
        rt.deploy("node-crash", "nodejs20.x", "index.handler", "node/crash");
        rt.deploy("node-syntax", "nodejs20.x", "index.handler", "node/syntaxerror");
        rt.deploy("ruby-hello", "ruby3.3", "lambda_function.lambda_handler", "ruby/hello");
        rt.deploy("ruby-error", "ruby3.2", "lambda_function.lambda_handler", "ruby/error");
        rt.deployWith("ruby-context", "ruby3.3", "lambda_function.lambda_handler", "ruby/context", Map.of("MY_VAR", "rb"), 5);
        rt.deploy("custom-hello", "provided.al2023", "whatever.handler", "provided/hello");
        rt.deploy("custom-error", "provided.al2", "whatever.handler", "provided/error");
        JavaFixtures.compile(javaClasses);
        for (String[] f : new String[][] {{"java-hello", "java21", "example.Hello"},
                {"java-upper", "java17", "example.Handlers::upper"}, {"java-fail", "java17", "example.Handlers::fail"},
                {"java-context", "java21", "example.Handlers::context"}, {"java-missing", "java17", "example.Nope::x"}}) {
            rt.runtime().workspace().create(FunctionConfig.builder(f[0]).runtime(f[1]).handler(f[2]).memorySize(512)
                    .timeout(20).variables(Map.of("MY_VAR", "java var")).build(), CodeSource.folder(javaClasses));
        }
    }

    @AfterAll
    static void stop() { rt.close(); }

    private static JsonNode json(InvocationResult r) throws Exception { return Json.MAPPER.readTree(r.payload()); }

    @Test
    void nodeHandlersInEveryModuleStyle() throws Exception {
        InvocationResult hello = rt.invoke("node-hello", "{\"name\":\"Ada\"}");
        assertThat(hello.status()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(hello.payloadText()).contains("hello Ada");
        assertThat(hello.logLines()).anyMatch(l -> l.matches("\\d{4}-.+Z\t" + hello.requestId() + "\tINFO\t.+"));
        InvocationResult callback = rt.invoke("node-callback", "{}");
        assertThat(json(callback).get("message").asText()).isEqualTo("hello from callback");
        assertThat(json(callback).get("waited").asBoolean()).as("callbackWaitsForEmptyEventLoop").isTrue();
        for (String name : new String[] {"node-esm", "node-esm-package"}) {
            InvocationResult r = rt.invoke(name, "{\"name\":\"Bo\"}");
            assertThat(r.status()).as(name + ": " + r.payloadText()).isEqualTo(InvocationStatus.SUCCESS);
            assertThat(json(r).get("message").asText()).as(name).startsWith("hello from esm");
        }
    }

    @Test
    void nodeErrorsCrashesAndInitErrors() throws Exception {
        InvocationResult error = rt.invoke("node-error", "{}");
        assertThat(error.functionError()).isEqualTo("Unhandled");
        assertThat(json(error).get("errorType").asText()).isEqualTo("ValidationError");
        assertThat(json(error).get("trace").isArray()).isTrue();
        InvocationResult crash = rt.invoke("node-crash", "{}");
        assertThat(json(crash).get("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(json(crash).get("errorMessage").asText()).endsWith("Runtime exited with error: exit status 3");
        assertThat(json(rt.invoke("node-syntax", "{}")).get("errorType").asText()).isEqualTo("Runtime.UserCodeSyntaxError");
    }

    @Test
    void nodeContext() throws Exception {
        InvocationResult r = rt.invoke("node-context", "{}");
        JsonNode c = json(r);
        assertThat(c.toString()).contains("node-context").contains(r.requestId()).contains("node var")
                .contains("AWS_Lambda_nodejs18.x");
        assertThat(c.findValue("memoryLimitInMB").asText()).isEqualTo("128");
        assertThat(c.findValue("remainingTimeInMillis").asLong()).isBetween(3000L, 5000L);
    }

    @Test
    void rubyHelloErrorAndContext() throws Exception {
        InvocationResult hello = rt.invoke("ruby-hello", "{\"name\":\"Ruby\"}");
        assertThat(hello.status()).as(hello.payloadText()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(hello.payloadText()).contains("hello Ruby");
        InvocationResult error = rt.invoke("ruby-error", "{}");
        assertThat(error.functionError()).isEqualTo("Unhandled");
        assertThat(json(error).get("errorMessage").asText()).isEqualTo("bad input");
        InvocationResult ctx = rt.invoke("ruby-context", "{}");
        assertThat(ctx.payloadText()).contains("ruby-context").contains(ctx.requestId()).contains("rb");
    }

    @Test
    void customRuntimeBootstrapTalksToTheRuntimeApi() throws Exception {
        InvocationResult r = rt.invoke("custom-hello", "{\"x\":1}");
        assertThat(r.status()).as(r.payloadText()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(json(r).get("echo").get("x").asInt()).isEqualTo(1);
        InvocationResult e = rt.invoke("custom-error", "{}");
        assertThat(e.functionError()).isEqualTo("Unhandled");
    }

    @Test
    void customRuntimeAsACompiledBinary(@TempDir Path code) throws Exception {
        Path rustc = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(System.getenv("PATH").split(java.io.File.pathSeparator)).map(Path::of),
                        java.util.stream.Stream.of(Path.of(System.getProperty("user.home"), ".cargo", "bin")))
                .map(d -> d.resolve("rustc")).filter(java.nio.file.Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("rustc is needed to build the binary bootstrap (apt-get install rustc)"));
        Process build = new ProcessBuilder(rustc.toString(), "-O", "-o", code.resolve("bootstrap").toString(),
                TestRuntime.FIXTURES.resolve("provided/rust/main.rs").toString()).inheritIO().start();
        assertThat(build.waitFor()).as("rustc exit code").isZero();
        rt.runtime().workspace().create(FunctionConfig.builder("custom-binary").runtime("provided.al2023")
                .handler("unused").timeout(7).build(), CodeSource.folder(code));
        InvocationResult r = rt.invoke("custom-binary", "{\"n\":42}");
        assertThat(r.status()).as(r.payloadText()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(json(r).get("runtime").asText()).isEqualTo("rust");
        assertThat(json(r).get("event").get("n").asInt()).isEqualTo(42);
        assertThat(json(r).get("deadlineMs").asLong()).isBetween(r.startEpochMs() + 6000, r.startEpochMs() + 7100);
        assertThat(r.logLines()).contains("rust handling " + r.requestId());
        assertThat(rt.invoke("custom-binary", "{}").coldStart()).isFalse();
    }

    @Test
    void javaWithTheOfficialRuntimeInterfaceClient() throws Exception {
        InvocationResult hello = rt.invoke("java-hello", "{\"name\":\"Duke\"}");
        assertThat(hello.status()).as(hello.payloadText() + hello.logLines()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(json(hello).get("message").asText()).isEqualTo("hello Duke");
        assertThat(hello.logLines()).contains("hello from java");
        assertThat(rt.invoke("java-upper", "\"shout\"").payloadText()).isEqualTo("\"SHOUT\"");
        InvocationResult fail = rt.invoke("java-fail", "{}");
        assertThat(fail.functionError()).isEqualTo("Unhandled");
        assertThat(json(fail).get("errorType").asText()).isEqualTo("example.Handlers$ValidationException");
        assertThat(json(fail).get("errorMessage").asText()).isEqualTo("bad input");
        InvocationResult ctx = rt.invoke("java-context", "{}");
        assertThat(json(ctx).get("awsRequestId").asText()).isEqualTo(ctx.requestId());
        assertThat(json(ctx).get("memoryLimitInMB").asInt()).isEqualTo(512);
        assertThat(json(ctx).get("myVar").asText()).isEqualTo("java var");
        assertThat(json(ctx).get("executionEnv").asText()).isEqualTo("AWS_Lambda_java21");
        InvocationResult missing = rt.invoke("java-missing", "{}");
        assertThat(missing.status()).isIn(InvocationStatus.INIT_ERROR, InvocationStatus.CRASH, InvocationStatus.ERROR);
        assertThat(missing.payloadText()).contains("example.Nope");
    }
}
