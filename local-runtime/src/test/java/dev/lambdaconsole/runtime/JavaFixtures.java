package dev.lambdaconsole.runtime;

import dev.lambdaconsole.runtime.runtimes.RuntimeClients;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Compiles the Java fixture functions into a code folder (classes at its root, as Lambda extracts a jar). */
final class JavaFixtures {
    private JavaFixtures() { }

    static Path compile(Path outputDir) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", outputDir.toString(), "-cp",
                RuntimeClients.javaClientJars().get(1).toString()));
        try (Stream<Path> sources = Files.walk(TestRuntime.FIXTURES.resolve("java/src"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        int status = javac.run(null, null, System.err, args.toArray(String[]::new));
        if (status != 0) throw new IllegalStateException("The Java fixtures did not compile");
        return outputDir;
    }
}
