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
final class ServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Lambda API listening on (http://\\S+)");
    final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> url = new CompletableFuture<>();

    ServeProcess(Path workspace) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HeadlessServer.class.getName(), "--port", "0", "--workspace", workspace.toString())
                .redirectErrorStream(true).start();
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

    String url() throws Exception {
        return url.get(60, TimeUnit.SECONDS);
    }

    List<ProcessHandle> descendants() {
        return process.toHandle().descendants().toList();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
