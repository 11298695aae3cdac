package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.lambdaconsole.runtime.BackendProgress;
import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * For Docker ITs: a real engine or a clear stop. In CI (CI=true) a missing engine fails the run; elsewhere the
 * tests are aborted with the diagnosis.
 */
final class DockerEngine {
    private static DockerConnection connection;

    private DockerEngine() {}

    static synchronized DockerClient client() {
        if (connection == null) {
            try {
                connection = new DockerDiscovery(null).connect();
            } catch (DockerUnavailableException e) {
                String message = "Docker ITs need a Docker engine: " + e.getMessage();
                if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(message);
                Assumptions.abort(message);
            }
        }
        return connection.client();
    }

    /** An engine on the Docker backend (never the process fallback). */
    static TestRuntime start(Path workspace) {
        return start(workspace, EngineSettings.defaults());
    }

    /** An engine with {@code settings} on the Docker backend (never the process fallback). */
    static TestRuntime start(Path workspace, EngineSettings settings) {
        client();
        TestRuntime rt = new TestRuntime(workspace, settings, "docker");
        Assertions.assertEquals("docker", rt.runtime().engine().backend().name(),
                () -> "fell back: " + rt.runtime().backendNotice().orElse(""));
        return rt;
    }

    /** The runtime images of a test session on {@code docker}, pulls retried after 100 ms. */
    static RuntimeImages runtimeImages(DockerConnection docker, DockerSettings settings,
                                       Consumer<BackendProgress> progress) {
        ImagePull pull = new ImagePull(docker.client(), settings.pullStallTimeout(),
                List.of(Duration.ofMillis(100), Duration.ofMillis(200)), progress);
        return new RuntimeImages(docker.client(), new ImageBuild(docker.host()), pull, "it", settings, progress);
    }

    static String session(TestRuntime rt) {
        return ((DockerBackend) rt.runtime().engine().backend()).session();
    }

    static List<Container> containers(Map<String, String> labels) {
        return client().listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
    }

    static List<Container> running(String function) {
        return client().listContainersCmd().withLabelFilter(Map.of(Labels.FUNCTION, function)).exec();
    }
}
