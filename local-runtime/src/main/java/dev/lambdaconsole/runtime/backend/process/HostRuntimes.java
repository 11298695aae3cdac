package dev.lambdaconsole.runtime.backend.process;

import dev.lambdaconsole.runtime.backend.BackendException;
import dev.lambdaconsole.runtime.model.LambdaRuntime;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The language installations of this machine that run functions on the process backend. Each is resolved
 * once to its real executable (a pyenv or rbenv shim costs tens of milliseconds per start) with its version.
 */
final class HostRuntimes {
    record Interpreter(Path executable, String version) { }

    private final Map<String, Interpreter> resolved = new ConcurrentHashMap<>();
    private final Map<String, String> missing = new ConcurrentHashMap<>();

    Interpreter interpreter(LambdaRuntime runtime) throws BackendException {
        String key = runtime.family() + runtime.languageVersion();
        Interpreter found = resolved.get(key);
        if (found != null) return found;
        String why = missing.get(key);
        if (why != null) throw new BackendException("Runtime.Unavailable", why);
        try {
            found = locate(runtime);
            resolved.put(key, found);
            return found;
        } catch (BackendException e) {
            missing.put(key, e.getMessage());
            throw e;
        }
    }

    private Interpreter locate(LambdaRuntime runtime) throws BackendException {
        return switch (runtime.family()) {
            case PYTHON -> probe(runtime, List.of("python" + runtime.languageVersion(), "python3"),
                    List.of("-c", "import sys,platform;print(sys.executable);print(platform.python_version())"),
                    "Python 3 (e.g. apt-get install python3, or python.org)");
            case NODE -> probe(runtime, List.of("node", "nodejs"),
                    List.of("-e", "console.log(process.execPath);console.log(process.versions.node)"),
                    "Node.js (e.g. apt-get install nodejs, or nodejs.org)");
            case RUBY -> probe(runtime, List.of("ruby" + runtime.languageVersion(), "ruby"),
                    List.of("-e", "require 'rbconfig'; puts File.join(RbConfig::CONFIG['bindir'], RbConfig::CONFIG['ruby_install_name']); puts RUBY_VERSION"),
                    "Ruby (e.g. apt-get install ruby, or ruby-lang.org)");
            case JAVA -> java(runtime);
            case PROVIDED -> new Interpreter(Path.of("bootstrap"), "");
            case DOTNET -> throw new BackendException("Runtime.Unavailable", runtime.id() + " functions need the "
                    + "official image public.ecr.aws/lambda/" + runtime.officialImageTag() + " on the Docker backend "
                    + "(--backend docker); the process backend does not run .NET functions.");
        };
    }

    private static Interpreter java(LambdaRuntime runtime) throws BackendException {
        String wanted = runtime.languageVersion();
        for (Path home : javaHomes(wanted)) {
            Path exe = home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
            if (Files.isExecutable(exe)) {
                return new Interpreter(exe, wanted);
            }
        }
        return new Interpreter(currentJava(), Integer.toString(Runtime.version().feature()));
    }

    /**
     * The {@code java} of the runtime this engine runs on. Not the current process's command: in an installed
     * app that is the app's own launcher ({@code bin/lambda-console}), which would start another console.
     */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
    }

    private static List<Path> javaHomes(String version) {
        List<Path> homes = new java.util.ArrayList<>();
        String env = System.getenv("JAVA" + version + "_HOME");
        if (env != null) homes.add(Path.of(env));
        Path jvm = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvm)) {
            try (var dirs = Files.list(jvm)) {
                dirs.filter(d -> d.getFileName().toString().matches(".*[^0-9]" + version + "([^0-9].*)?"))
                        .sorted().forEach(homes::add);
            } catch (IOException ignored) {
                // no system JDKs listed
            }
        }
        if (Integer.toString(Runtime.version().feature()).equals(version)) {
            homes.add(Path.of(System.getProperty("java.home")));
        }
        return homes;
    }

    static Interpreter probe(LambdaRuntime runtime, List<String> names, List<String> args, String install)
            throws BackendException {
        for (String name : names) {
            Optional<Path> onPath = which(name);
            if (onPath.isEmpty()) continue;
            try {
                List<String> command = new java.util.ArrayList<>(List.of(onPath.get().toString()));
                command.addAll(args);
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    String[] lines = out.split("\\R");
                    if (lines.length >= 2) {
                        return new Interpreter(Path.of(lines[lines.length - 2].trim()), lines[lines.length - 1].trim());
                    }
                }
            } catch (IOException e) {
                // try the next name
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new BackendException("Runtime.Unavailable", runtime.id() + " functions need " + install
                + " on this machine for the process backend; install it, or use the Docker backend (--backend docker).");
    }

    static Optional<Path> which(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            for (String ext : isWindows() ? List.of(".exe", ".cmd", "") : List.of("")) {
                Path candidate = Path.of(dir, name + ext);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase().contains("win");
    }
}
