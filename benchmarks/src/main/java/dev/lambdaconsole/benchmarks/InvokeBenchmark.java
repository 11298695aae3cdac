package dev.lambdaconsole.benchmarks;

import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Invoke latency and throughput through the Lambda API endpoint, as a caller (the AWS SDK or CLI) sees them:
 * a keep-alive HTTP client, warm-up, then measured invokes of a trivial handler. The baseline is a bare
 * request to the same endpoint that runs no function, measured in the same run.
 */
public final class InvokeBenchmark {
    private static final Map<String, String[]> FUNCTIONS = Map.of(
            "python", new String[] {"python3.12", "lambda_function.handler", "lambda_function.py",
                    "def handler(event, context):\n    return {\"ok\": True}\n"},
            "node", new String[] {"nodejs20.x", "index.handler", "index.js",
                    "exports.handler = async () => ({ ok: true });\n"});

    private InvokeBenchmark() { }

    public static void main(String[] args) throws Exception {
        String runtime = "python";
        String backend = "process";
        int invokes = 2000;
        int seconds = 5;
        int memory = 128;
        int burst = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runtime" -> runtime = args[++i];
                case "--backend" -> backend = args[++i];
                case "--invokes" -> invokes = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--memory" -> memory = Integer.parseInt(args[++i]);
                case "--burst" -> burst = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String[] fn = FUNCTIONS.get(runtime);
        if (fn == null) throw new IllegalArgumentException("--runtime must be python or node");
        Path workspace = Files.createTempDirectory("lambda-bench");
        try (LocalRuntime rt = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace)
                .withBackend(backend).withPort(0).withSettings(EngineSettings.defaults()))) {
            rt.workspace().create(FunctionConfig.builder("bench").runtime(fn[0]).handler(fn[1]).memorySize(memory).build(),
                    CodeSource.files(Map.of(fn[2], fn[3])));
            KeepAliveClient caller = new KeepAliveClient(URI.create(rt.endpoint().url()
                    + "/2015-03-31/functions/bench/invocations"), "{}".getBytes());
            KeepAliveClient baseCaller = new KeepAliveClient(URI.create(rt.endpoint().url()
                    + "/2015-03-31/functions/bench/concurrency"), new byte[0]);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI invoke = URI.create(rt.endpoint().url() + "/2015-03-31/functions/bench/invocations");
            System.out.printf("Invoke benchmark: %s, %d MB, on the %s backend; %s%n", runtime, memory, backend,
                    Stats.machine());

            for (int i = 0; i < 200; i++) call(caller, true);
            Stats base = measure(baseCaller, false, invokes);
            Stats warm = measure(caller, true, invokes);
            System.out.println("baseline (endpoint round trip, no function): " + base);
            System.out.println("warm invoke, end to end:                    " + warm);
            System.out.printf(Locale.ROOT, "warm invoke overhead over baseline: p50 %.3f ms, p99 %.3f ms%n",
                    warm.percentileMs(50) - base.percentileMs(50), warm.percentileMs(99) - base.percentileMs(99));

            for (int callers : new int[] {1, 4}) {
                double rate = throughput(invoke, callers, Duration.ofSeconds(seconds));
                System.out.printf(Locale.ROOT, "throughput with %d caller(s): %.0f invokes/s (environments: %d)%n",
                        callers, rate, rt.engine().environments("bench").size());
            }

            long[] cold = new long[10];
            List<String> inits = new ArrayList<>();
            for (int i = 0; i < cold.length; i++) {
                rt.engine().resetEnvironments("bench");
                Thread.sleep(100);
                long t0 = System.nanoTime();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(invoke).header("X-Amz-Log-Type", "Tail")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                cold[i] = System.nanoTime() - t0;
                String log = new String(java.util.Base64.getDecoder().decode(r.headers().firstValue("X-Amz-Log-Result")
                        .orElse("")));
                inits.add(log.replaceAll("(?s).*Init Duration: ([0-9.]+) ms.*", "$1"));
            }
            System.out.println("cold start to first response: " + Stats.of(cold));
            System.out.println("  Init Duration reported: " + inits);
            if (burst > 0) burst(rt, burst);
        } finally {
            try (var paths = Files.walk(workspace)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** N invocations at once, all cold: how many succeed, how long the slowest took. */
    private static void burst(LocalRuntime rt, int n) throws Exception {
        rt.engine().resetEnvironments("bench");
        Thread.sleep(3000);
        long t0 = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<dev.lambdaconsole.runtime.invoke.InvocationResult>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(rt.engine().invoke(dev.lambdaconsole.runtime.invoke.InvocationRequest.of("bench", "{}".getBytes())));
        }
        long ok = 0;
        long cold = 0;
        for (var call : calls) {
            var r = call.get(5, java.util.concurrent.TimeUnit.MINUTES);
            if (!r.status().failed()) ok++;
            if (r.coldStart()) cold++;
        }
        System.out.printf(Locale.ROOT, "burst of %d concurrent invokes: %d succeeded (%d cold) in %.0f ms%n", n, ok, cold,
                (System.nanoTime() - t0) / 1e6);
    }

    private static void call(KeepAliveClient client, boolean post) throws Exception {
        KeepAliveClient.Reply r = post ? client.post() : client.get();
        if (r.status() != 200) throw new IllegalStateException("HTTP " + r.status() + ": " + r.body());
        if (r.functionError()) throw new IllegalStateException("function error: " + r.body());
    }

    private static Stats measure(KeepAliveClient client, boolean post, int n) throws Exception {
        long[] samples = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            call(client, post);
            samples[i] = System.nanoTime() - t0;
        }
        return Stats.of(samples);
    }

    private static double throughput(URI uri, int callers, Duration d) throws Exception {
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + d.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int c = 0; c < callers; c++) {
            Thread t = new Thread(() -> {
                try (KeepAliveClient own = new KeepAliveClient(uri, "{}".getBytes())) {
                    while (System.nanoTime() < end) {
                        call(own, true);
                        count.incrementAndGet();
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        if (!errors.isEmpty()) throw new IllegalStateException("invokes failed", errors.get(0));
        return count.get() / (d.toNanos() / 1e9);
    }
}
