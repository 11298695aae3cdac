package dev.lambdaconsole.app.code;

import dev.lambdaconsole.runtime.model.LambdaRuntime;
import dev.lambdaconsole.runtime.workspace.CodeSource;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the Java functions whose code holds sources. The layout:
 * <ul>
 *   <li>every {@code .java} file of the code folder is a source, e.g. {@code src/main/java/example/Hello.java}
 *       (or {@code example/Hello.java} at the root);</li>
 *   <li>they compile together, against aws-lambda-java-core and every jar in {@code lib/}, for the runtime's
 *       Java version (at most that of the JDK the console runs on);</li>
 *   <li>classes land at the root of the package in their package folders ({@code example/Hello.class}), where
 *       Lambda's Java runtime loads them; the sources stay in the package too;</li>
 *   <li>so for such a function, {@code .class} files outside {@code lib/} are build output: every deploy
 *       builds them afresh.</li>
 * </ul>
 */
public final class JavaBuild {
    private static final String CORE_CLASS = "com.amazonaws.services.lambda.runtime.Context";

    private JavaBuild() { }

    public static boolean isJava(String runtimeId) {
        return runtimeId != null && LambdaRuntime.byId(runtimeId).map(r -> r.family() == LambdaRuntime.Family.JAVA)
                .orElse(false);
    }

    /** A compiled class of a function built from sources (jars and classes under lib/ are not). */
    static boolean isBuildOutput(String relativePath) {
        return relativePath.endsWith(".class") && !relativePath.startsWith("lib/");
    }

    static boolean hasSources(Path dir) throws IOException {
        return !sources(dir).isEmpty();
    }

    /**
     * The code of a new function from source files: written as they are, then compiled for Java runtimes.
     * Throws {@link CompileFailedException} when they do not compile.
     */
    public static CodeSource source(LambdaRuntime runtime, Map<String, String> files) {
        CodeSource plain = CodeSource.files(files);
        if (runtime.family() != LambdaRuntime.Family.JAVA) return plain;
        return dir -> {
            plain.writeTo(dir);
            List<CompileProblem> problems = compile(dir, runtime.id());
            if (!problems.isEmpty()) throw new CompileFailedException(problems);
        };
    }

    /** Compiles every source under {@code dir} into {@code dir}; returns the errors (none: it compiled). */
    public static List<CompileProblem> compile(Path dir, String runtimeId) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IOException("Compiling Java needs a JDK, but the console runs on a Java runtime without a "
                    + "compiler (" + System.getProperty("java.home") + "). Start it with a JDK, or upload a .zip "
                    + "holding compiled classes.");
        }
        List<Path> sources = sources(dir);
        if (sources.isEmpty()) return List.of();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", String.valueOf(release(runtimeId)), "-d", dir.toString(),
                    "-cp", classPath(dir), "-encoding", "UTF-8", "-proc:none", "-nowarn", "-implicit:class");
            ok = javac.getTask(output, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
        }
        List<CompileProblem> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            String file = d.getSource() == null ? "(compiler)" : relative(dir, Path.of(d.getSource().toUri()));
            problems.add(new CompileProblem(file, Math.max(1, d.getLineNumber()), Math.max(1, d.getColumnNumber()),
                    d.getMessage(Locale.ROOT)));
        }
        if (!ok && problems.isEmpty()) {
            problems.add(new CompileProblem("(compiler)", 1, 1, output.toString().strip()));
        }
        return problems;
    }

    /** The Java version to compile for: the runtime's, unless the console's JDK is older (it runs java17 then). */
    static int release(String runtimeId) {
        int wanted = LambdaRuntime.byId(runtimeId).map(r -> Integer.parseInt(r.languageVersion())).orElse(17);
        return Math.min(wanted, Runtime.version().feature());
    }

    private static String classPath(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(coreLibrary().toString());
        Path lib = dir.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** aws-lambda-java-core (Context, RequestHandler, ...), which the engine ships for the Java runtime client. */
    private static Path coreLibrary() throws IOException {
        try {
            Class<?> context = Class.forName(CORE_CLASS, false, JavaBuild.class.getClassLoader());
            return Path.of(context.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
            throw new IOException("aws-lambda-java-core is missing from the console's class path; rebuild Lambda Console", e);
        }
    }

    private static List<Path> sources(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    private static String relative(Path dir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path root = dir.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
