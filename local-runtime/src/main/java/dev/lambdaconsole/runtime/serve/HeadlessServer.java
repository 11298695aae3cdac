package dev.lambdaconsole.runtime.serve;

import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.backend.docker.PullPolicy;
import dev.lambdaconsole.runtime.invoke.EngineSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code lambda-console serve}: the engine and the Lambda-compatible endpoint without a window, for scripts,
 * CI and tests. Stops cleanly on SIGTERM or Ctrl+C, stopping every runtime it started.
 */
public final class HeadlessServer {
    private HeadlessServer() { }

    public static void main(String[] args) {
        LocalRuntime.Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lambda-console serve: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        LocalRuntime runtime;
        try {
            runtime = LocalRuntime.start(options.withProgress(new ImageProgressLines(System.out, System::nanoTime)));
        } catch (RuntimeException e) {
            System.err.println("lambda-console serve: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: shutting down execution environments...");
            runtime.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "shutdown"));
        PrintStream out = System.out;
        runtime.backendNotice().ifPresent(notice -> out.println(notice));
        out.println("Lambda Console engine: " + runtime.engine().backend().description());
        out.println("Workspace: " + runtime.workspace().root());
        out.println("Asynchronous retries wait " + runtime.engine().settings().asyncRetryDelays().stream()
                .map(d -> d.toSeconds() + " s").collect(java.util.stream.Collectors.joining(" and "))
                + " (Lambda waits about 1 and 2 minutes; --async-retry-delays 60,120 for the same)");
        out.println("Services on this endpoint: " + String.join(", ", runtime.serviceNames())
                + " (one --endpoint-url or AWS_ENDPOINT_URL for all; signatures are not checked)");
        out.println(runtime.engine().endpointForFunctions()
                .map(url -> "Functions get AWS_ENDPOINT_URL=" + url + " (their AWS SDKs call this endpoint; "
                        + "--no-aws-endpoint-url to turn it off)")
                .orElse("Functions get no AWS_ENDPOINT_URL (--no-aws-endpoint-url): their AWS SDKs call AWS"));
        out.println("Lambda API listening on " + runtime.endpoint().url());
        out.println("  e.g. aws lambda list-functions --endpoint-url " + runtime.endpoint().url());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static LocalRuntime.Options parse(String[] args) {
        LocalRuntime.Options o = LocalRuntime.Options.defaults();
        EngineSettings s = o.settings();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> o = o.withPort(number(a, value(args, ++i, a), 0, 65535));
                case "--workspace" -> o = o.withWorkspace(Path.of(value(args, ++i, a)));
                case "--backend" -> {
                    String b = value(args, ++i, a);
                    if (!b.equals("process") && !b.equals("docker")) {
                        throw new IllegalArgumentException("--backend must be process or docker (got '" + b + "')");
                    }
                    o = o.withBackend(b);
                }
                case "--pull" -> {
                    String v = value(args, ++i, a);
                    try {
                        o = o.withPullPolicy(PullPolicy.parse(v));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--pull must be missing, always or never (got '" + v + "')");
                    }
                }
                case "--pull-stall-timeout" -> o = o.withDocker(o.docker()
                        .withPullStallTimeout(Duration.ofSeconds(number(a, value(args, ++i, a), 1, 3600))));
                case "--keep-alive" -> s = s.withKeepAlive(Duration.ofSeconds(number(a, value(args, ++i, a), 1, 86400)));
                case "--concurrency" -> s = s.withConcurrencyLimit(number(a, value(args, ++i, a), 1, 100000));
                case "--async-retry-delays" -> {
                    String v = value(args, ++i, a);
                    java.util.List<Duration> delays = new java.util.ArrayList<>();
                    for (String part : v.split(",")) delays.add(Duration.ofSeconds(number(a, part.trim(), 0, 3600)));
                    if (delays.size() > 2) throw new IllegalArgumentException(a + " takes at most two delays (got '" + v + "')");
                    s = s.withAsyncRetryDelays(delays);
                }
                case "--no-aws-endpoint-url" -> s = s.withEndpointInFunctions(false);
                case "-h", "--help" -> throw new IllegalArgumentException("usage");
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        return o.withSettings(s);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number from " + min + " to " + max
                    + " (got '" + value + "')");
        }
    }

    static String usage() {
        return """
                usage: lambda-console serve [--port N] [--workspace DIR] [--backend process|docker]
                                            [--pull missing|always|never] [--pull-stall-timeout SECONDS]
                                            [--keep-alive SECONDS] [--concurrency N] [--async-retry-delays S1,S2]
                                            [--no-aws-endpoint-url]
                  --port         port of the Lambda API on 127.0.0.1 (default 9001; 0 picks a free one)
                  --workspace    folder of the functions (default ~/LambdaConsole)
                  --backend      where functions run (default process)
                  --pull         docker backend: when the official AWS base images are pulled (default missing:
                                 when not in the engine; always: once per start; never: only images present);
                                 without one, a Debian runtime image is built locally
                  --pull-stall-timeout  seconds without progress after which a pull is stopped (default 60)
                  --keep-alive   seconds an idle execution environment stays warm (default 600)
                  --concurrency  concurrent executions across all functions (default 1000)
                  --async-retry-delays  seconds before the 2nd and 3rd attempt of a failed asynchronous
                                 invocation (default 1,2; Lambda waits about 60,120)
                  --no-aws-endpoint-url  functions get no AWS_ENDPOINT_URL (by default it points their AWS SDKs
                                 at this endpoint; a function's own AWS_ENDPOINT_URL always wins)""";
    }
}
