package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.InvocationStatus;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A container-image function (PackageType Image) runs its image's entrypoint and command against the engine. */
class ImageFunctionIT {
    static final String TAG = "lambda-console-test/image-function:1";
    @TempDir Path workspace;
    @TempDir Path context;

    @Test
    void anImageFunctionRunsItsOwnEntrypoint() throws Exception {
        DockerConnection docker = new DockerDiscovery(null).connect();
        DockerEngine.runtimeImages(docker, DockerSettings.defaults().withPull(PullPolicy.NEVER), report -> { })
                .imageFor(LambdaRuntime.PROVIDED_AL2023, "x86_64");
        Files.copy(TestRuntime.FIXTURES.resolve("provided/hello/bootstrap"), context.resolve("bootstrap"));
        Files.writeString(context.resolve("Dockerfile"), """
                FROM lambda-console/runtime-provided:trixie
                COPY bootstrap /var/task/bootstrap
                WORKDIR /var/task
                ENTRYPOINT ["/var/task/bootstrap"]
                CMD ["app.handler"]
                """);
        docker.client().buildImageCmd(context.toFile()).withTags(Set.of(TAG))
                .withLabels(Map.of(Labels.APP, Labels.APP_NAME)).exec(new BuildImageResultCallback()).awaitImageId();
        try (TestRuntime rt = DockerEngine.start(workspace)) {
            rt.runtime().workspace().create(FunctionConfig.builder("img").packageType("Image").imageUri(TAG)
                    .build(), (byte[]) null);
            InvocationResult r = rt.invoke("img", "{\"x\":2}");
            assertThat(r.status()).as(r.payloadText() + r.logLines()).isEqualTo(InvocationStatus.SUCCESS);
            assertThat(Json.MAPPER.readTree(r.payload()).get("echo").get("x").asInt()).isEqualTo(2);
        } finally {
            docker.client().removeImageCmd(TAG).withForce(true).exec();
        }
    }
}
