package dev.lambdaconsole.runtime.backend.docker;

import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.invoke.InvocationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing is left behind: closing the engine removes its containers; a dead session's containers are swept. */
class CleanupIT {
    @TempDir Path workspace;

    @Test
    void closingTheEngineRemovesEveryContainerOfItsSession() {
        TestRuntime rt = DockerEngine.start(workspace);
        String session = DockerEngine.session(rt);
        rt.deploy("cleanup-hello", "python3.12", "lambda_function.lambda_handler", "python/hello");
        assertThat(rt.invoke("cleanup-hello", "{}").status()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(DockerEngine.containers(Map.of(Labels.SESSION, session))).hasSize(1);
        rt.close();
        assertThat(DockerEngine.containers(Map.of(Labels.APP, Labels.APP_NAME, Labels.SESSION, session))).isEmpty();
    }

    @Test
    void startingSweepsContainersOfSessionsWhoseProcessIsGone() {
        String deadSession = Labels.session(Long.MAX_VALUE - 7, 1) + "-1";
        String id;
        try (TestRuntime first = DockerEngine.start(workspace.resolve("first"))) {
            first.deploy("cleanup-image", "python3.12", "lambda_function.lambda_handler", "python/hello");
            first.invoke("cleanup-image", "{}"); // the runtime image exists from here on
            id = DockerEngine.client().createContainerCmd("lambda-console/runtime-python:trixie")
                    .withCmd("true").withLabels(Map.of(Labels.APP, Labels.APP_NAME, Labels.SESSION, deadSession))
                    .exec().getId();
        }
        assertThat(DockerEngine.containers(Map.of(Labels.SESSION, deadSession))).hasSize(1);
        try (TestRuntime second = DockerEngine.start(workspace.resolve("second"))) {
            assertThat(DockerEngine.containers(Map.of(Labels.SESSION, deadSession))).isEmpty();
        } finally {
            if (!DockerEngine.containers(Map.of(Labels.SESSION, deadSession)).isEmpty()) {
                DockerEngine.client().removeContainerCmd(id).withForce(true).exec();
            }
        }
    }
}
