package dev.lambdaconsole.runtime.backend.docker;

import dev.lambdaconsole.runtime.backend.BackendException;
import dev.lambdaconsole.runtime.backend.EnvironmentSpec;
import dev.lambdaconsole.runtime.model.LambdaRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command and variables of a runtime inside a container. The command runs through a shell that appends
 * its stdout and stderr to the output file in the environment's folder, read like the process backend's.
 */
final class ContainerCommand {
    private ContainerCommand() {}

    static List<String> entrypoint(List<String> command) {
        List<String> all = new ArrayList<>(List.of("/bin/sh", "-c",
                "exec \"$@\" >>" + ContainerPaths.OUTPUT + " 2>&1", "sh"));
        all.addAll(command);
        return all;
    }

    /** The runtime command for an image: the official entrypoint, or the engine's client for the family. */
    static List<String> command(EnvironmentSpec spec, RuntimeImage image, Path mergedOpt) throws BackendException {
        LambdaRuntime runtime = spec.runtime();
        String handler = spec.config().handler();
        if (image.official()) {
            return List.of("/lambda-entrypoint.sh", handler);
        }
        return switch (runtime.family()) {
            case PYTHON -> List.of("python3", "-S", ContainerPaths.RUNTIME + "/python/bootstrap.py");
            case NODE -> List.of("node", ContainerPaths.RUNTIME + "/node/bootstrap.js");
            case RUBY -> List.of("ruby", ContainerPaths.RUNTIME + "/ruby/bootstrap.rb");
            case JAVA -> java(spec, handler);
            case PROVIDED -> List.of(bootstrap(spec.codeDir(), mergedOpt));
            case DOTNET -> throw new BackendException("Runtime.Unavailable", runtime.id() + " runs only on its "
                    + "official image " + ImageRecipe.official(runtime) + ".");
        };
    }

    private static List<String> java(EnvironmentSpec spec, String handler) {
        int heap = Math.max(32, (int) (spec.config().memoryOrDefault() * 0.85));
        String cp = String.join(":", ContainerPaths.TASK, ContainerPaths.TASK + "/lib/*", ContainerPaths.TASK + "/*",
                ContainerPaths.OPT + "/java/lib/*", ContainerPaths.RUNTIME + "/java/*");
        return List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx" + heap + "m",
                "-Djava.net.preferIPv4Stack=true", "-cp", cp,
                dev.lambdaconsole.runtime.runtimes.RuntimeClients.JAVA_MAIN_CLASS, handler);
    }

    private static String bootstrap(Path code, Path opt) throws BackendException {
        if (Files.exists(code.resolve("bootstrap"))) return ContainerPaths.TASK + "/bootstrap";
        if (Files.exists(opt.resolve("bootstrap"))) return ContainerPaths.OPT + "/bootstrap";
        throw new BackendException("Runtime.InvalidEntrypoint", "Couldn't find valid bootstrap(s): "
                + "[/var/task/bootstrap /opt/bootstrap]. Add an executable file named bootstrap to the code or a layer.");
    }

    /** The variables of §3 with container paths, then Lambda's own and the user's. */
    static Map<String, String> variables(EnvironmentSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", ContainerPaths.TASK);
        env.put("LAMBDA_RUNTIME_DIR", ContainerPaths.RUNTIME);
        env.put("LD_LIBRARY_PATH", "/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:"
                + "/var/task/lib:/opt/lib");
        LambdaRuntime runtime = spec.runtime();
        String nodeMajor = runtime != null && runtime.family() == LambdaRuntime.Family.NODE
                ? runtime.languageVersion() : "";
        env.put("NODE_PATH", "/opt/nodejs/node" + nodeMajor + "/node_modules:/opt/nodejs/node_modules:"
                + "/var/runtime/node_modules:/var/runtime:/var/task");
        env.put("TMPDIR", ContainerPaths.TMP);
        env.put("LAMBDA_CONSOLE_OPT", ContainerPaths.OPT);
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.putAll(spec.lambdaVariables());
        return env;
    }

    static List<String> asList(Map<String, String> env) {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
