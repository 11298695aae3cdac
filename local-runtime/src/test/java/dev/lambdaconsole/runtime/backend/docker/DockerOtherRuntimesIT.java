package dev.lambdaconsole.runtime.backend.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.JavaFixturesAccess;
import dev.lambdaconsole.runtime.TestRuntime;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Ruby, custom runtimes (bootstrap) and Java (the official AWS client) in containers. */
class DockerOtherRuntimesIT {
    @TempDir static Path workspace;
    @TempDir static Path javaClasses;
    static TestRuntime rt;

    @BeforeAll
    static void start() throws Exception {
        rt = DockerEngine.start(workspace);
        rt.deploy("ruby-hello", "ruby3.3", "lambda_function.lambda_handler", "ruby/hello");
        rt.deploy("ruby-error", "ruby3.2", "lambda_function.lambda_handler", "ruby/error");
        rt.deploy("custom-hello", "provided.al2023", "whatever.handler", "provided/hello");
        rt.deploy("custom-error", "provided.al2", "whatever.handler", "provided/error");
        JavaFixturesAccess.compile(javaClasses);
        for (String[] f : new String[][] {{"java-hello", "java21", "example.Hello"},
                {"java-upper", "java17", "example.Handlers::upper"}, {"java8-hello", "java8.al2", "example.Hello"},
                {"java11-hello", "java11", "example.Hello"}, {"java25-hello", "java25", "example.Hello"}}) {
            rt.runtime().workspace().create(FunctionConfig.builder(f[0]).runtime(f[1]).handler(f[2]).memorySize(1024)
                    .timeout(20).build(), CodeSource.folder(javaClasses));
        }
    }

    @AfterAll
    static void stop() {
        if (rt != null) rt.close();
    }

    private static JsonNode json(InvocationResult r) throws Exception { return Json.MAPPER.readTree(r.payload()); }

    @Test
    void ruby() throws Exception {
        InvocationResult hello = rt.invoke("ruby-hello", "{\"name\":\"Ruby\"}");
        assertThat(hello.status()).as(hello.payloadText() + hello.logLines()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(hello.payloadText()).contains("hello Ruby");
        InvocationResult error = rt.invoke("ruby-error", "{}");
        assertThat(error.functionError()).isEqualTo("Unhandled");
        assertThat(json(error).get("errorMessage").asText()).isEqualTo("bad input");
    }

    @Test
    void customRuntimeBootstrapInTheCode() throws Exception {
        InvocationResult r = rt.invoke("custom-hello", "{\"x\":1}");
        assertThat(r.status()).as(r.payloadText() + r.logLines()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(json(r).get("echo").get("x").asInt()).isEqualTo(1);
        assertThat(rt.invoke("custom-error", "{}").functionError()).isEqualTo("Unhandled");
    }

    @Test
    void javaWithTheOfficialRuntimeInterfaceClient() throws Exception {
        InvocationResult hello = rt.invoke("java-hello", "{\"name\":\"Duke\"}");
        assertThat(hello.status()).as(hello.payloadText() + hello.logLines()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(json(hello).get("message").asText()).isEqualTo("hello Duke");
        assertThat(hello.logLines()).contains("hello from java");
        assertThat(rt.invoke("java-upper", "\"shout\"").payloadText()).isEqualTo("\"SHOUT\"");
    }

    @Test
    void java8And11RunOnTheJava21ImageAndJava25OnItsOwn() throws Exception {
        for (String name : new String[] {"java8-hello", "java11-hello", "java25-hello"}) {
            InvocationResult hello = rt.invoke(name, "{\"name\":\"Duke\"}");
            assertThat(hello.status()).as(name + hello.payloadText() + hello.logLines()).isEqualTo(InvocationStatus.SUCCESS);
            assertThat(json(hello).get("message").asText()).isEqualTo("hello Duke");
        }
        assertThat(DockerEngine.running("java25-hello")).singleElement()
                .satisfies(c -> assertThat(c.getImage()).isEqualTo("lambda-console/runtime-java25:trixie"));
        assertThat(DockerEngine.running("java8-hello")).singleElement()
                .satisfies(c -> assertThat(c.getImage()).isEqualTo("lambda-console/runtime-java21:trixie"));
    }
}
