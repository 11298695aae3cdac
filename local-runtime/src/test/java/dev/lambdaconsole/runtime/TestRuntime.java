package dev.lambdaconsole.runtime;

import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real engine on a temporary workspace with the fixture functions of src/test/resources/functions. */
public final class TestRuntime implements AutoCloseable {
    public static final Path FIXTURES = Path.of("src/test/resources/functions").toAbsolutePath();
    private final LocalRuntime runtime;

    public TestRuntime(Path workspace) {
        this(workspace, EngineSettings.defaults().withAsyncRetryDelays(List.of(Duration.ofMillis(100))));
    }

    public TestRuntime(Path workspace, EngineSettings settings) {
        this(workspace, settings, "process");
    }

    public TestRuntime(Path workspace, EngineSettings settings, String backend) {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace).withPort(0)
                .withSettings(settings).withBackend(backend));
    }

    public LocalRuntime runtime() { return runtime; }

    public FunctionConfig deploy(String name, String runtimeId, String handler, String fixture) {
        return deploy(FunctionConfig.builder(name).runtime(runtimeId).handler(handler).build(), fixture);
    }

    public FunctionConfig deploy(FunctionConfig config, String fixture) {
        return runtime.workspace().create(config, CodeSource.folder(FIXTURES.resolve(fixture)));
    }

    public FunctionConfig deployWith(String name, String runtimeId, String handler, String fixture,
                                     Map<String, String> variables, int timeout) {
        return deploy(FunctionConfig.builder(name).runtime(runtimeId).handler(handler).variables(variables)
                .timeout(timeout).build(), fixture);
    }

    public InvocationResult invoke(String name, String json) {
        return runtime.engine().invokeSync(InvocationRequest.of(name, json.getBytes(StandardCharsets.UTF_8)));
    }

    public String url() { return runtime.endpoint().url(); }

    @Override
    public void close() { runtime.close(); }
}
