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
    @TempDir static Path dockerWorkspace;
    static LocalRuntime runtime;
    /** The blueprints that call AWS services with the SDK run where Lambda's SDKs are: in the runtime images. */
    static LocalRuntime docker;
    static final java.util.Set<String> USE_THE_SDK = java.util.Set.of("s3-object-processor", "api-gateway-backend",
            "sqs-batch-partial-failures");

    static final Map<String, String[]> EVENTS = Map.of(
            "hello-world", new String[] {"{\"key1\":\"value1\"}", "Hello from Lambda!"},
            "hello-world-java", new String[] {"{\"key1\":\"value1\"}", "Hello from Lambda!"},
            "s3-object-processor", new String[] {"{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":"
                    + "{\"name\":\"photos\"},\"object\":{\"key\":\"cats/tom+jerry.jpg\"}}}]}",
                    "\"object\": \"photos/cats/tom jerry.jpg\", \"size\": 5|\"object\":\"photos/cats/tom jerry.jpg\",\"size\":5"},
            "api-gateway-backend", new String[] {"{\"httpMethod\":\"GET\",\"path\":\"/orders\",\"queryStringParameters\":"
                    + "{\"id\":\"7\"}}", "tea"},
            "sqs-batch-partial-failures", new String[] {"{\"Records\":[{\"messageId\":\"m1\",\"body\":\"{\\\"id\\\": 1}\"},"
                    + "{\"messageId\":\"m2\",\"body\":\"not json\"}]}", "\"itemIdentifier\": \"m2\"|\"itemIdentifier\":\"m2\""},
            "scheduled-job", new String[] {"{\"time\":\"2026-11-23T00:00:00Z\",\"resources\":[\"rule/nightly\"]}",
                    "2026-11-23T00:00:00Z"});

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace).withPort(0));
        // the buckets the SDK blueprints read: a bucket is a folder of the workspace, an object its file
        java.nio.file.Path photo = dockerWorkspace.resolve("buckets/photos/cats/tom jerry.jpg");
        java.nio.file.Files.createDirectories(photo.getParent());
        java.nio.file.Files.writeString(photo, "meow!");
        java.nio.file.Path order = dockerWorkspace.resolve("buckets/orders/orders/7.json");
        java.nio.file.Files.createDirectories(order.getParent());
        java.nio.file.Files.writeString(order, "{\"id\": 7, \"item\": \"tea\"}");
        try {
            docker = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(dockerWorkspace).withPort(0)
                    .withBackend("docker"));
        } catch (RuntimeException e) {
            if ("true".equals(System.getenv("CI"))) throw e;
            docker = null; // outside CI a machine without Docker runs the others
        }
    }

    @AfterAll
    static void stop() {
        runtime.close();
        if (docker != null) docker.close();
    }

    @org.junit.jupiter.api.Test
    void theSqsBlueprintStoredItsOrderInTheBucketThroughTheSdk() {
        org.junit.jupiter.api.Assumptions.assumeTrue(docker != null, "no Docker engine outside CI");
        String name = "sqs-stores";
        Blueprint.Code code = Blueprints.SQS_BATCH.codeFor(LambdaRuntime.PYTHON_3_13);
        docker.workspace().create(FunctionConfig.builder(name).runtime("python3.13").handler(code.handler()).timeout(20)
                .build(), JavaBuild.source(LambdaRuntime.PYTHON_3_13, code.files()));
        InvocationResult r = docker.engine().invokeSync(InvocationRequest.of(name, ("{\"Records\":[{\"messageId\":\"m9\","
                + "\"body\":\"{\\\"id\\\": 9, \\\"item\\\": \\\"jam\\\"}\"}]}").getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).as(String.join("\n", r.logLines())).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(r.payloadText()).contains("\"batchItemFailures\": []");
        assertThat(dockerWorkspace.resolve("buckets/orders/orders/9.json")).content().contains("jam");
    }

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
        LocalRuntime runtime = USE_THE_SDK.contains(blueprint.id()) ? docker : BlueprintRunTest.runtime;
        org.junit.jupiter.api.Assumptions.assumeTrue(runtime != null, "no Docker engine outside CI");
        runtime.workspace().create(FunctionConfig.builder(name).runtime(rt.id()).handler(blueprint.codeFor(rt).handler())
                .timeout(20).build(), JavaBuild.source(rt, blueprint.codeFor(rt).files()));
        String[] event = EVENTS.get(blueprint.id());
        InvocationResult r = runtime.engine().invokeSync(InvocationRequest.of(name, event[0].getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).as(r.payloadText() + "\n" + String.join("\n", r.logLines())).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(r.payloadText()).containsAnyOf(event[1].split("\\|"));
    }
}
