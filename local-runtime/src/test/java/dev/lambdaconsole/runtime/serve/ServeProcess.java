package dev.lambdaconsole.runtime.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `lambda-console serve` as a separate JVM, the way scripts and CI run it. */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Lambda API listening on (http://\\S+)");
    public final Process process;
    /** Its standard output and error, line by line as they come. */
    public final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> url = new CompletableFuture<>();

    /** Starts {@code serve --port 0 --workspace WORKSPACE} and then {@code options}. */
    public ServeProcess(Path workspace, String... options) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                HeadlessServer.class.getName(), "--port", "0", "--workspace", workspace.toString()));
        command.addAll(List.of(options));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) url.complete(m.group(1));
                }
            } catch (IOException ignored) {
                // the process ended
            }
            url.completeExceptionally(new IllegalStateException("serve ended: " + output));
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** The endpoint, once serve says it listens (within 60 s). */
    public String url() throws Exception {
        return url.get(60, TimeUnit.SECONDS);
    }

    public List<ProcessHandle> descendants() {
        return process.toHandle().descendants().toList();
    }

    /** Kills it at once (SIGKILL): no shutdown hook runs. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
