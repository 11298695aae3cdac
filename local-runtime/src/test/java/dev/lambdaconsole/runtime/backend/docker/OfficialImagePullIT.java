package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.lambdaconsole.runtime.BackendProgress;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.InvocationStatus;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Official images pulled through a real engine from a registry in the test (no internet needed): the
 * provided runtime's local image, exported with docker save, served as {@code <registry>/lambda/provided:al2023}.
 */
class OfficialImagePullIT {
    static final String LOCAL = "lambda-console/runtime-provided:trixie";
    @TempDir static Path exported;
    @TempDir Path blobs;
    static DockerConnection docker;
    static SavedImage provided;
    FakeRegistry registry;
    String official;
    final List<BackendProgress> reports = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void exportTheLocalImage() throws Exception {
        DockerEngine.client();
        docker = new DockerDiscovery(null).connect();
        DockerEngine.runtimeImages(docker, DockerSettings.defaults().withPull(PullPolicy.NEVER), r -> { })
                .imageFor(LambdaRuntime.PROVIDED_AL2023, "x86_64"); // built here if no test built it yet
        provided = SavedImage.export(docker.client(), LOCAL, exported);
    }

    @BeforeEach
    void startRegistry() throws Exception {
        registry = new FakeRegistry();
        official = registry.host() + "/lambda/provided:al2023";
    }

    @AfterEach
    void removeThePulledImage() throws Exception {
        registry.close();
        try {
            docker.client().removeImageCmd(official).exec(); // untags; the local image keeps its layers
        } catch (NotFoundException notPulled) {
            // nothing to remove
        }
    }

    RuntimeImages images(PullPolicy policy, Duration stallTimeout) {
        return DockerEngine.runtimeImages(docker, DockerSettings.defaults().withPull(policy)
                .withOfficialImages(registry.host() + "/lambda").withPullStallTimeout(stallTimeout), reports::add);
    }

    @Test
    void aMissingOfficialImageIsPulledWithItsBytesAndLayersReported() throws Exception {
        registry.serve("lambda/provided", "al2023", provided, false, blobs);
        RuntimeImage image = images(PullPolicy.IF_MISSING, Duration.ofSeconds(30))
                .imageFor(LambdaRuntime.PROVIDED_AL2023, "x86_64");
        assertThat(image).isEqualTo(new RuntimeImage(official, true));
        assertThat(docker.client().inspectImageCmd(official).exec().getId()).isNotNull();
        assertThat(reports).isNotEmpty().allMatch(r -> r.task().equals("Pulling " + official));
        assertThat(reports).as("byte counts while downloading").anyMatch(r -> !r.finished() && r.done() > 0
                && r.total() > 0 && r.detail().matches("Downloading [\\d.]+ MB of [\\d.]+ MB, 0 of 1 layers done"));
        BackendProgress last = reports.get(reports.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.error()).isNull();
        assertThat(last.done()).isEqualTo(last.total()).isGreaterThan(100_000_000L);
        assertThat(last.detail()).startsWith("Pulled " + official + " (").endsWith(" MB in 1 layer)");
    }

    @Test
    void aTransientRegistryErrorIsTriedAgain() throws Exception {
        registry.serve("lambda/provided", "al2023", provided, true, blobs);
        registry.unavailableManifests.set(2); // the engine itself tries again once (HEAD, then GET)
        RuntimeImage image = images(PullPolicy.IF_MISSING, Duration.ofSeconds(30))
                .imageFor(LambdaRuntime.PROVIDED_AL2023, "x86_64");
        assertThat(image.name()).isEqualTo(official);
        assertThat(reports).anyMatch(r -> !r.finished() && r.detail().contains("503")
                && r.detail().endsWith("; trying again in 0.1 s (attempt 2 of 3)"));
        assertThat(reports.get(reports.size() - 1).finished()).isTrue();
        assertThat(reports.get(reports.size() - 1).error()).isNull();
    }

    @Test
    void aStalledPullIsStoppedAndTheLocalImageIsUsed() throws Exception {
        registry.serve("lambda/provided", "al2023", provided, false, blobs);
        registry.stallLayersAfter = 8_000_000;
        RuntimeImages images = images(PullPolicy.IF_MISSING, Duration.ofSeconds(2));
        RuntimeImage image = images.imageFor(LambdaRuntime.PROVIDED_AL2023, "x86_64");
        assertThat(image).isEqualTo(new RuntimeImage(LOCAL, false));
        BackendProgress last = reports.get(reports.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.error()).isEqualTo("Pulling " + official + " stalled: no progress for 2 s, so the pull was "
                + "stopped; using " + LOCAL + " (built locally) instead");
        assertThat(reports).anyMatch(r -> r.done() > 0 && !r.finished());
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.stalledClientLeft.getCount() == 0);
        assertThat(present(official)).as("no half-pulled image").isFalse();
        int seen = reports.size();
        assertThat(images.imageFor(LambdaRuntime.PROVIDED_AL2023, "x86_64").name()).isEqualTo(LOCAL);
        assertThat(reports).as("one try per session").hasSize(seen);
    }

    @Test
    void withPolicyNeverNothingIsPulledAndTheLocalImageRunsWithoutAnyReport() throws Exception {
        registry.serve("lambda/provided", "al2023", provided, true, blobs);
        RuntimeImage image = images(PullPolicy.NEVER, Duration.ofSeconds(30)).imageFor(LambdaRuntime.PROVIDED_AL2023, "x86_64");
        assertThat(image).isEqualTo(new RuntimeImage(LOCAL, false));
        assertThat(registry.requests).isEmpty();
        assertThat(reports).as("the local image exists: no build, no pull").isEmpty();
    }

    @Test
    void anImageCountsAsThereOnlyForItsArchitecture() {
        RuntimeImages images = images(PullPolicy.NEVER, Duration.ofSeconds(30));
        String arch = docker.client().inspectImageCmd(LOCAL).exec().getArch();
        assertThat(images.present(LOCAL, "linux/" + arch)).isTrue();
        assertThat(images.present(LOCAL, "linux/" + ("arm64".equals(arch) ? "amd64" : "arm64"))).isFalse();
        assertThat(images.present(official, "linux/" + arch)).isFalse();
    }

    @Test
    void alwaysPullsOncePerSessionEvenAnImageThatIsThere() throws Exception {
        registry.serve("lambda/provided", "al2023", provided, true, blobs);
        assertThat(images(PullPolicy.ALWAYS, Duration.ofSeconds(30)).imageFor(LambdaRuntime.PROVIDED_AL2023, "x86_64")
                .name()).isEqualTo(official);
        long manifestGets = manifestRequests();
        RuntimeImages again = images(PullPolicy.ALWAYS, Duration.ofSeconds(30));
        again.imageFor(LambdaRuntime.PROVIDED_AL2023, "x86_64");
        assertThat(manifestRequests()).as("pulled although present").isGreaterThan(manifestGets);
        manifestGets = manifestRequests();
        again.imageFor(LambdaRuntime.PROVIDED_AL2023, "x86_64");
        images(PullPolicy.IF_MISSING, Duration.ofSeconds(30)).imageFor(LambdaRuntime.PROVIDED_AL2023, "x86_64");
        assertThat(manifestRequests()).as("once per session; missing: not when present").isEqualTo(manifestGets);
    }

    @Test
    void throughTheEngineAFailedPullIsReportedAndTheFunctionRunsOnTheLocalImage() throws Exception {
        LocalRuntime.Options options = LocalRuntime.Options.defaults().withWorkspace(blobs.resolve("workspace"))
                .withPort(0).withBackend("docker").withProgress(reports::add)
                .withDocker(DockerSettings.defaults().withOfficialImages(registry.host() + "/lambda"));
        try (LocalRuntime runtime = LocalRuntime.start(options)) {
            runtime.workspace().create(FunctionConfig.builder("pull-fallback").runtime("provided.al2023")
                    .handler("handler").build(), CodeSource.folder(TestRuntime.FIXTURES.resolve("provided/hello")));
            InvocationResult r = runtime.engine().invokeSync(InvocationRequest.of("pull-fallback",
                    "{\"name\":\"fallback\"}".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.status()).as(r.payloadText() + r.logLines()).isEqualTo(InvocationStatus.SUCCESS);
        }
        assertThat(registry.requests).anyMatch(r -> r.endsWith(" /v2/lambda/provided/manifests/al2023"));
        assertThat(reports).extracting(BackendProgress::task)
                .containsOnly("Pulling " + official, "Starting a container for pull-fallback");
        assertThat(reports).filteredOn(r -> r.task().startsWith("Starting")).extracting(BackendProgress::finished)
                .as("the container start is shown, then finished").containsExactly(false, true);
        List<BackendProgress> pulls = reports.stream().filter(r -> r.task().startsWith("Pulling")).toList();
        BackendProgress last = pulls.get(pulls.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.error()).startsWith("Pulling " + official + " failed: ").contains("manifest unknown")
                .endsWith("; using " + LOCAL + " (built locally) instead");
    }

    long manifestRequests() {
        return registry.requests.stream().filter(r -> r.contains("/manifests/")).count();
    }

    boolean present(String image) {
        try {
            docker.client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
