package dev.lambdaconsole.app.create;

import dev.lambdaconsole.app.code.JavaBuild;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.InvocationStatus;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every blueprint, in every language it offers, runs on the engine and answers a fitting event. */
class BlueprintRunTest {
    @TempDir static Path workspace;
    static LocalRuntime runtime;

    static final Map<String, String[]> EVENTS = Map.of(
            "hello-world", new String[] {"{\"key1\":\"value1\"}", "Hello from Lambda!"},
            "hello-world-java", new String[] {"{\"key1\":\"value1\"}", "Hello from Lambda!"},
            "s3-object-processor", new String[] {"{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":"
                    + "{\"name\":\"photos\"},\"object\":{\"key\":\"cats/tom+jerry.jpg\"}}}]}", "photos/cats/tom jerry.jpg"},
            "api-gateway-backend", new String[] {"{\"httpMethod\":\"GET\",\"path\":\"/orders\",\"queryStringParameters\":"
                    + "{\"id\":\"7\"}}", "GET /orders"},
            "sqs-batch-partial-failures", new String[] {"{\"Records\":[{\"messageId\":\"m1\",\"body\":\"{\\\"id\\\": 1}\"},"
                    + "{\"messageId\":\"m2\",\"body\":\"not json\"}]}", "\"itemIdentifier\": \"m2\"|\"itemIdentifier\":\"m2\""},
            "scheduled-job", new String[] {"{\"time\":\"2026-11-23T00:00:00Z\",\"resources\":[\"rule/nightly\"]}",
                    "2026-11-23T00:00:00Z"});

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace).withPort(0));
    }

    @AfterAll
    static void stop() { runtime.close(); }

    /** Every blueprint in every language that runs from its source (.NET needs dotnet publish: see below). */
    static Stream<Arguments> blueprints() {
        return Blueprints.all().stream().flatMap(b -> b.code().keySet().stream()
                .filter(f -> f != LambdaRuntime.Family.DOTNET).map(f -> Arguments.of(b, f)));
    }

    @org.junit.jupiter.api.Test
    void dotnetNamesTheOfficialImageItNeeds() {
        Blueprint.Code code = Blueprints.HELLO_WORLD_DOTNET.codeFor(LambdaRuntime.DOTNET_8);
        runtime.workspace().create(FunctionConfig.builder("hello-dotnet").runtime("dotnet8").handler(code.handler())
                .build(), JavaBuild.source(LambdaRuntime.DOTNET_8, code.files()));
        InvocationResult r = runtime.engine().invokeSync(InvocationRequest.of("hello-dotnet",
                "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(InvocationStatus.INIT_ERROR);
        assertThat(r.payloadText()).contains("Runtime.Unavailable", "public.ecr.aws/lambda/dotnet:8");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("blueprints")
    void runs(Blueprint blueprint, LambdaRuntime.Family family) {
        LambdaRuntime rt = java.util.Arrays.stream(LambdaRuntime.values()).filter(r -> r.family() == family)
                .reduce((a, b) -> b).orElseThrow();
        String name = (blueprint.id() + "-" + family).toLowerCase();
        runtime.workspace().create(FunctionConfig.builder(name).runtime(rt.id()).handler(blueprint.codeFor(rt).handler())
                .timeout(20).build(), JavaBuild.source(rt, blueprint.codeFor(rt).files()));
        String[] event = EVENTS.get(blueprint.id());
        InvocationResult r = runtime.engine().invokeSync(InvocationRequest.of(name, event[0].getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).as(r.payloadText() + "\n" + String.join("\n", r.logLines())).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(r.payloadText()).containsAnyOf(event[1].split("\\|"));
    }
}
