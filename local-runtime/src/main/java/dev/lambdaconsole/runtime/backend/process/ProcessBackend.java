package dev.lambdaconsole.runtime.backend.process;

import dev.lambdaconsole.runtime.backend.BackendException;
import dev.lambdaconsole.runtime.backend.EnvironmentSpec;
import dev.lambdaconsole.runtime.backend.ExecutionBackend;
import dev.lambdaconsole.runtime.backend.FileOutputCapture;
import dev.lambdaconsole.runtime.backend.RuntimeInstance;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import dev.lambdaconsole.runtime.runtimes.RuntimeClients;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs each execution environment as a local process: the runtime client with the function's code folder as
 * working directory and task root, its layers merged into a private opt folder, and a private tmp folder.
 * Memory is measured, not limited (use the Docker backend for Lambda's limits).
 */
public final class ProcessBackend implements ExecutionBackend {
    private final RuntimeClients clients;
    private final HostRuntimes hosts = new HostRuntimes();

    public ProcessBackend(RuntimeClients clients) {
        this.clients = clients;
    }

    @Override public String name() { return "process"; }
    @Override public String description() { return "process backend (local processes, memory measured but not limited)"; }
    @Override public String runtimeApiBindHost() { return "127.0.0.1"; }
    @Override public String runtimeApiAdvertisedHost() { return "127.0.0.1"; }

    /** The host interpreter a runtime would use, e.g. "Python 3.11.7 at /usr/bin/python3.11". */
    public String interpreterFor(LambdaRuntime runtime) throws BackendException {
        HostRuntimes.Interpreter i = hosts.interpreter(runtime);
        return i.version() + " at " + i.executable();
    }

    @Override
    public RuntimeInstance start(EnvironmentSpec spec) throws BackendException {
        if (spec.runtime() == null) {
            throw new BackendException("Runtime.InvalidEntrypoint", "Container-image functions (PackageType Image) "
                    + "need the Docker backend; start Lambda Console with --backend docker.");
        }
        Path work = spec.workDir();
        Path tmp = work.resolve("tmp");
        Path opt = work.resolve("opt");
        Path out = work.resolve("output.log");
        try {
            Files.createDirectories(tmp);
            Files.createDirectories(opt);
            Files.createFile(out);
            dev.lambdaconsole.runtime.backend.LayerMerge.merge(spec.layerDirs(), opt);
        } catch (IOException e) {
            throw new BackendException("Runtime.Unavailable", "Cannot prepare the environment folder " + work + ": "
                    + e.getMessage(), e);
        }
        List<String> command = command(spec, opt);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.codeDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(variables(spec, tmp, opt));
        try {
            FileOutputCapture capture = new FileOutputCapture(out);
            Process process = builder.start();
            process.getOutputStream().close();
            return new ProcessInstance(process, capture, () -> deleteTree(work));
        } catch (IOException e) {
            throw new BackendException("Runtime.InvalidEntrypoint", "Cannot start " + command.get(0) + ": "
                    + e.getMessage(), e);
        }
    }

    private List<String> command(EnvironmentSpec spec, Path opt) throws BackendException {
        LambdaRuntime runtime = spec.runtime();
        if (runtime.family() == LambdaRuntime.Family.PROVIDED) {
            for (Path candidate : List.of(spec.codeDir().resolve("bootstrap"), opt.resolve("bootstrap"))) {
                if (Files.exists(candidate)) {
                    if (!Files.isExecutable(candidate)) {
                        throw new BackendException("Runtime.InvalidEntrypoint", candidate.getFileName()
                                + " is not executable: set its execute permission (chmod 755 bootstrap) before zipping.");
                    }
                    return List.of(candidate.toString());
                }
            }
            throw new BackendException("Runtime.InvalidEntrypoint", "Couldn't find valid bootstrap(s): "
                    + "[/var/task/bootstrap /opt/bootstrap]. Add an executable file named bootstrap to the code or a layer.");
        }
        String exe = hosts.interpreter(runtime).executable().toString();
        return switch (runtime.family()) {
            case PYTHON -> List.of(exe, "-S", clients.pythonBootstrap().toString());
            case NODE -> List.of(exe, clients.nodeBootstrap().toString());
            case RUBY -> List.of(exe, clients.rubyBootstrap().toString());
            case JAVA -> {
                if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                    throw new BackendException("Runtime.Unavailable", runtime.id() + " functions use the official AWS "
                            + "Java runtime client, whose native part runs on Linux only: use the Docker backend "
                            + "(--backend docker) on " + System.getProperty("os.name") + ".");
                }
                yield javaCommand(exe, spec, opt);
            }
            case PROVIDED -> throw new IllegalStateException("handled above");
            case DOTNET -> throw new IllegalStateException("HostRuntimes refuses it");
        };
    }

    private static List<String> javaCommand(String exe, EnvironmentSpec spec, Path opt) {
        String sep = File.pathSeparator;
        Path code = spec.codeDir();
        List<String> cp = new ArrayList<>(List.of(code.toString(), code.resolve("lib") + File.separator + "*",
                code + File.separator + "*", opt.resolve("java/lib") + File.separator + "*"));
        RuntimeClients.javaClientJars().forEach(j -> cp.add(j.toString()));
        int heap = Math.max(32, (int) (spec.config().memoryOrDefault() * 0.85));
        return List.of(exe, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Xmx" + heap + "m", "-Djava.net.preferIPv4Stack=true",
                "-Djava.io.tmpdir=" + spec.workDir().resolve("tmp"),
                "-cp", String.join(sep, cp), RuntimeClients.JAVA_MAIN_CLASS, spec.config().handler());
    }

    private Map<String, String> variables(EnvironmentSpec spec, Path tmp, Path opt) {
        Map<String, String> env = new LinkedHashMap<>();
        String hostPath = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("PATH", opt.resolve("bin") + File.pathSeparator + hostPath);
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", spec.codeDir().toString());
        env.put("LAMBDA_RUNTIME_DIR", clients.dir().toString());
        env.put("LD_LIBRARY_PATH", Stream.of(opt.resolve("lib"), spec.codeDir(), spec.codeDir().resolve("lib"))
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        String nodeMajor = spec.runtime().family() == LambdaRuntime.Family.NODE ? spec.runtime().languageVersion() : "";
        env.put("NODE_PATH", Stream.of(opt.resolve("nodejs/node" + nodeMajor + "/node_modules"),
                        opt.resolve("nodejs/node_modules"), spec.codeDir())
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        env.put("TMPDIR", tmp.toString());
        env.put("TMP", tmp.toString());
        env.put("TEMP", tmp.toString());
        env.put("LAMBDA_CONSOLE_OPT", opt.toString());
        // Compiled Python files go into the environment's own folder, never into the user's code folder, and are
        // never shared: a cache shared across deploys can hold bytecode of the previous code when a file changed
        // within the same second and kept its size (Python checks only mtime seconds and size), as Lambda's
        // read-only /var/task never has.
        env.put("PYTHONPYCACHEPREFIX", spec.workDir().resolve("pycache").toString());
        if (HostRuntimes.isWindows() && System.getenv("SystemRoot") != null) {
            env.put("SystemRoot", System.getenv("SystemRoot"));
        }
        env.putAll(spec.lambdaVariables());
        return env;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // leftovers are swept at the next start
        }
    }

    @Override
    public void close() {
        // processes belong to environments, which the engine stops
    }
}
