package dev.lambdaconsole.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP API request → response through a warm function, beside a direct Invoke of the same function in the same
 * run: p50/p99 one request at a time on a keep-alive connection, and requests per second with 1 and 4 callers.
 */
final class ApiGatewayBenchmark {
    private static final String CODE = """
            def handler(event, context):
                return {"statusCode": 200, "headers": {"content-type": "text/plain"}, "body": "ok " + event["rawPath"]}
            """;

    private ApiGatewayBenchmark() { }

    public static void main(String[] args) throws Exception {
        int samples = 2000;
        int seconds = 5;
        String backend = "process";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--backend" -> backend = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path workspace = Files.createTempDirectory("lambda-bench-apigw");
        try (LocalRuntime rt = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace)
                .withBackend(backend).withPort(0).withSettings(EngineSettings.defaults()))) {
            rt.workspace().create(FunctionConfig.builder("web").runtime("python3.12").handler("app.handler").build(),
                    CodeSource.files(Map.of("app.py", CODE)));
            String endpoint = rt.endpoint().url();
            String arn = rt.engine().settings().functionArn("web");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/v2/apis"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261203/us-east-1/apigateway/aws4_request, "
                            + "SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(Json.object().put("name", "bench")
                            .put("protocolType", "HTTP").put("target", arn)))).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode api = Json.MAPPER.readTree(created.body());
            String apiId = api.get("apiId").asText();
            // Java cannot resolve *.localhost: the path-style address of the same API (same routing and mapping)
            URI apiUri = URI.create(endpoint + "/_aws/execute-api/" + apiId + "/bench");
            URI invokeUri = URI.create(endpoint + "/2015-03-31/functions/web/invocations");
            byte[] payload = "{\"rawPath\":\"/bench\"}".getBytes(StandardCharsets.UTF_8);
            System.out.printf("API Gateway benchmark on the %s backend (%s); %s%n", backend, rt.engine().backend().description(),
                    Stats.machine());
            System.out.println("API endpoint as returned: " + api.get("apiEndpoint").asText() + " (measured at " + apiUri + ")");

            try (KeepAliveClient viaApi = new KeepAliveClient(apiUri, new byte[0]);
                 KeepAliveClient direct = new KeepAliveClient(invokeUri, payload)) {
                for (int i = 0; i < 300; i++) {
                    check(viaApi.get());
                    check(direct.post());
                }
                long[] apiNanos = new long[samples];
                long[] invokeNanos = new long[samples];
                for (int i = 0; i < samples; i++) {
                    long t0 = System.nanoTime();
                    check(viaApi.get());
                    long t1 = System.nanoTime();
                    check(direct.post());
                    apiNanos[i] = t1 - t0;
                    invokeNanos[i] = System.nanoTime() - t1;
                }
                System.out.println("HTTP API GET → response, 1 caller: " + Stats.of(apiNanos));
                System.out.println("direct Invoke (RequestResponse), 1 caller: " + Stats.of(invokeNanos));
            }
            for (int callers : new int[] {1, 4}) {
                System.out.printf(Locale.ROOT, "%d caller(s), %d s: HTTP API %.0f requests/s, direct Invoke %.0f invokes/s%n",
                        callers, seconds, rate(apiUri, new byte[0], callers, seconds, true),
                        rate(invokeUri, payload, callers, seconds, false));
            }
            System.out.println("environments: " + rt.engine().environments("web").size());
        } finally {
            try (var paths = Files.walk(workspace)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void check(KeepAliveClient.Reply r) {
        if (r.status() != 200 || r.functionError()) throw new IllegalStateException("unexpected reply " + r);
    }

    private static double rate(URI uri, byte[] body, int callers, int seconds, boolean get) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int c = 0; c < callers; c++) {
            Thread t = new Thread(() -> {
                try (KeepAliveClient client = new KeepAliveClient(uri, body)) {
                    while (System.nanoTime() < end) {
                        check(get ? client.get() : client.post());
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        if (!failures.isEmpty()) throw new IllegalStateException("a caller failed", failures.get(0));
        return done.get() / (double) seconds;
    }
}
