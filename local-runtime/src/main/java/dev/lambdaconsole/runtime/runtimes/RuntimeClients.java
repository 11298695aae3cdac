package dev.lambdaconsole.runtime.runtimes;

import dev.lambdaconsole.runtime.util.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runtime clients the engine starts: this project's own clients for Python, Node.js and Ruby (scripts
 * bundled as resources, written to a folder on first use), and the official AWS Java runtime interface
 * client from Maven Central, found on the engine's own class path.
 */
public final class RuntimeClients {
    private static final String RESOURCE_BASE = "/dev/lambdaconsole/runtime/runtimes/";
    private static final List<String> SCRIPTS = List.of("python/bootstrap.py", "node/bootstrap.js", "ruby/bootstrap.rb");
    /** One class of each jar the Java client needs: the client, lambda-core, serialization, utils-lite. */
    private static final List<String> JAVA_CLIENT_CLASSES = List.of(
            "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");
    /** The folders of the clients (java/ holds the Java client's jars), each mounted on its own in containers. */
    public static final List<String> FOLDERS = List.of("python", "node", "ruby", "java");
    public static final String JAVA_MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Path dir;

    private RuntimeClients(Path dir) { this.dir = dir; }

    /** Writes the bundled client scripts under {@code dir} (only those whose content changed). */
    public static RuntimeClients install(Path dir) {
        try {
            for (String script : SCRIPTS) {
                byte[] content;
                try (InputStream in = RuntimeClients.class.getResourceAsStream(RESOURCE_BASE + script)) {
                    if (in == null) {
                        throw new IllegalStateException("Runtime client missing from the build: " + script);
                    }
                    content = in.readAllBytes();
                }
                Path target = dir.resolve(script);
                if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
                    AtomicFiles.write(target, content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the runtime clients to " + dir + ": " + e.getMessage(), e);
        }
        return new RuntimeClients(dir);
    }

    /** The folder holding python/, node/ and ruby/. */
    public Path dir() { return dir; }
    public Path pythonBootstrap() { return dir.resolve("python/bootstrap.py"); }
    public Path nodeBootstrap() { return dir.resolve("node/bootstrap.js"); }
    public Path rubyBootstrap() { return dir.resolve("ruby/bootstrap.rb"); }

    /** The jars of the official Java runtime interface client and its dependencies. */
    public static List<Path> javaClientJars() {
        List<Path> jars = new ArrayList<>();
        for (String name : JAVA_CLIENT_CLASSES) {
            try {
                Class<?> type = Class.forName(name, false, RuntimeClients.class.getClassLoader());
                jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("The AWS Java runtime interface client is missing from the class path ("
                        + name + "); rebuild Lambda Console", e);
            }
        }
        return jars;
    }
}
