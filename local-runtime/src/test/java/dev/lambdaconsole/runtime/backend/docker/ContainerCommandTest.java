package dev.lambdaconsole.runtime.backend.docker;

import dev.lambdaconsole.runtime.backend.BackendException;
import dev.lambdaconsole.runtime.backend.EnvironmentSpec;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerCommandTest {
    @TempDir Path dir;

    private EnvironmentSpec spec(LambdaRuntime runtime, String handler) {
        FunctionConfig config = FunctionConfig.builder("f").runtime(runtime.id()).handler(handler).build();
        return new EnvironmentSpec("0123456789abcdef0123456789abcdef", config, runtime, dir.resolve("code"),
                List.of(), Map.of("AWS_LAMBDA_RUNTIME_API", "172.17.0.1:41234", "_HANDLER", handler),
                dir.resolve("work"));
    }

    @Test
    void theRuntimeOutputIsAppendedToTheFileInTheEnvironmentFolder() {
        assertThat(ContainerCommand.entrypoint(List.of("python3", "-S", "x.py"))).containsExactly("/bin/sh", "-c",
                "exec \"$@\" >>/var/lambda-console/output.log 2>&1", "sh", "python3", "-S", "x.py");
    }

    @Test
    void builtImagesRunTheEnginesClientsFromVarRuntime() throws BackendException {
        RuntimeImage built = new RuntimeImage("lambda-console/runtime-python:trixie", false);
        assertThat(ContainerCommand.command(spec(LambdaRuntime.PYTHON_3_12, "a.b"), built, dir))
                .containsExactly("python3", "-S", "/var/runtime/python/bootstrap.py");
        assertThat(ContainerCommand.command(spec(LambdaRuntime.NODEJS_20, "index.handler"), built, dir))
                .containsExactly("node", "/var/runtime/node/bootstrap.js");
        assertThat(ContainerCommand.command(spec(LambdaRuntime.JAVA_21, "example.Hello"), built, dir))
                .contains("-Xmx108m", "/var/task:/var/task/lib/*:/var/task/*:/opt/java/lib/*:/var/runtime/java/*")
                .endsWith("example.Hello");
    }

    @Test
    void officialImagesRunTheirEntrypointWithTheHandler() throws BackendException {
        RuntimeImage official = new RuntimeImage("public.ecr.aws/lambda/python:3.12", true);
        assertThat(ContainerCommand.command(spec(LambdaRuntime.PYTHON_3_12, "app.handler"), official, dir))
                .containsExactly("/lambda-entrypoint.sh", "app.handler");
    }

    @Test
    void providedFindsTheBootstrapInTheCodeThenInTheLayers() throws Exception {
        RuntimeImage built = new RuntimeImage("lambda-console/runtime-provided:trixie", false);
        EnvironmentSpec spec = spec(LambdaRuntime.PROVIDED_AL2023, "x");
        Path opt = Files.createDirectories(dir.resolve("opt"));
        assertThatThrownBy(() -> ContainerCommand.command(spec, built, opt))
                .hasMessageContaining("Couldn't find valid bootstrap(s)");
        Files.writeString(opt.resolve("bootstrap"), "#!/bin/sh");
        assertThat(ContainerCommand.command(spec, built, opt)).containsExactly("/opt/bootstrap");
        Files.createDirectories(dir.resolve("code"));
        Files.writeString(dir.resolve("code/bootstrap"), "#!/bin/sh");
        assertThat(ContainerCommand.command(spec, built, opt)).containsExactly("/var/task/bootstrap");
    }

    @Test
    void variablesUseContainerPathsAndKeepLambdasOwn() {
        Map<String, String> env = ContainerCommand.variables(spec(LambdaRuntime.NODEJS_20, "index.handler"));
        assertThat(env).containsEntry("LAMBDA_TASK_ROOT", "/var/task").containsEntry("LAMBDA_RUNTIME_DIR", "/var/runtime")
                .containsEntry("TZ", ":UTC").containsEntry("LAMBDA_CONSOLE_OPT", "/opt").containsEntry("TMPDIR", "/tmp")
                .containsEntry("AWS_LAMBDA_RUNTIME_API", "172.17.0.1:41234");
        assertThat(env.get("NODE_PATH")).startsWith("/opt/nodejs/node20/node_modules:/opt/nodejs/node_modules");
        assertThat(env.get("PATH")).endsWith(":/opt/bin");
    }
}
