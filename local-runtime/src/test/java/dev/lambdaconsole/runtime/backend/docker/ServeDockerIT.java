package dev.lambdaconsole.runtime.backend.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.Container;
import dev.lambdaconsole.runtime.JavaFixturesAccess;
import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #3's "done": {@code serve --backend docker} driven by the real AWS CLI runs every runtime family in
 * containers; after a kill -9 its containers stay until the next start sweeps them; SIGTERM leaves none.
 */
class ServeDockerIT {
    @TempDir Path workspace;
    @TempDir Path files;

    @Test
    void everyRuntimeFamilyInContainersThenKillMinusNineThenTheSweepThenSigterm() throws Exception {
        DockerEngine.client();
        AwsCli cli = new AwsCli(files);
        Path javaClasses = JavaFixturesAccess.compile(Files.createDirectories(files.resolve("java-classes")));
        Object[][] functions = {
                {"sd-python", "python3.12", "lambda_function.lambda_handler", TestRuntime.FIXTURES.resolve("python/hello"), "hello cli"},
                {"sd-node", "nodejs20.x", "index.handler", TestRuntime.FIXTURES.resolve("node/hello"), "hello cli"},
                {"sd-ruby", "ruby3.3", "lambda_function.lambda_handler", TestRuntime.FIXTURES.resolve("ruby/hello"), "hello cli"},
                {"sd-java", "java21", "example.Hello", javaClasses, "hello cli"},
                {"sd-custom", "provided.al2023", "handler", TestRuntime.FIXTURES.resolve("provided/hello"), "\"name\":\"cli\""}};

        ServeProcess first = new ServeProcess(workspace, "--backend", "docker");
        String firstSession;
        try {
            cli.endpoint(first.url());
            assertThat(first.output).anyMatch(l -> l.startsWith("Lambda Console engine: docker backend (engine "));
            for (Object[] f : functions) {
                String name = (String) f[0];
                cli.create(name, (String) f[1], (String) f[2], (Path) f[3]);
                JsonNode r = cli.invoke(name, "{\"name\":\"cli\"}");
                assertThat(r.get("StatusCode").asInt()).as(name).isEqualTo(200);
                assertThat(r.has("FunctionError")).as(name + ": " + r.get("_body").asText()).isFalse();
                assertThat(r.get("_body").asText()).as(name).contains((String) f[4]);
            }
            List<Container> warm = sessionOf(first.process.pid());
            assertThat(warm).extracting(c -> c.getLabels().get(Labels.FUNCTION))
                    .containsExactlyInAnyOrder("sd-python", "sd-node", "sd-ruby", "sd-java", "sd-custom");
            firstSession = warm.get(0).getLabels().get(Labels.SESSION);
            assertThat(workspace.resolve(".lambda-console/docker-host")).as("the host that answered, remembered")
                    .exists().content().startsWith("unix://");

            new ProcessBuilder("kill", "-KILL", Long.toString(first.process.pid())).start().waitFor();
            assertThat(first.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(DockerEngine.containers(Map.of(Labels.SESSION, firstSession)))
                    .as("no shutdown hook ran: the containers of the killed serve are still there").hasSize(5);
        } finally {
            first.close();
        }

        ServeProcess second = new ServeProcess(workspace, "--backend", "docker");
        try {
            cli.endpoint(second.url());
            assertThat(DockerEngine.containers(Map.of(Labels.SESSION, firstSession)))
                    .as("the start-up sweep removed the dead session's containers").isEmpty();
            JsonNode again = cli.invoke("sd-python", "{\"name\":\"cli\"}");
            assertThat(again.get("_body").asText()).contains("hello cli");
            List<Container> secondContainers = sessionOf(second.process.pid());
            assertThat(secondContainers).hasSize(1);
            String secondSession = secondContainers.get(0).getLabels().get(Labels.SESSION);

            new ProcessBuilder("kill", "-TERM", Long.toString(second.process.pid())).start().waitFor();
            assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(second.output).contains("Stopped."));
            assertThat(DockerEngine.containers(Map.of(Labels.SESSION, secondSession))).isEmpty();
            assertThat(DockerEngine.containers(Map.of(Labels.SESSION, firstSession))).isEmpty();
        } finally {
            second.close();
        }
    }

    /** The containers labelled with the session of the serve process {@code pid}. */
    static List<Container> sessionOf(long pid) {
        return DockerEngine.containers(Map.of(Labels.APP, Labels.APP_NAME)).stream()
                .filter(c -> c.getLabels().getOrDefault(Labels.SESSION, "").startsWith(pid + "-")).toList();
    }
}
