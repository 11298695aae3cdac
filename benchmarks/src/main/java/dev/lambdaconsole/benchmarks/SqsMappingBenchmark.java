package dev.lambdaconsole.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQS → event source mapping → function on the process backend, through the shared endpoint as clients use it:
 * the time from SendMessage returning to the function's first line (the handler's first statement), one message
 * at a time, and messages per second through a mapping with BatchSize 10 when the queue is kept full.
 */
final class SqsMappingBenchmark {
    private static final String CODE = """
            import os, time
            OUT = os.environ["OUT"]
            def handler(event, context):
                now = time.time_ns() // 1000
                with open(OUT, "a") as f:
                    for r in event["Records"]:
                        f.write(r["body"] + " " + str(now) + "\\n")
                return {}
            """;

    private SqsMappingBenchmark() { }

    public static void main(String[] args) throws Exception {
        int samples = 200;
        int messages = 5000;
        String backend = "process";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--backend" -> backend = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path workspace = Files.createTempDirectory("lambda-bench-sqs");
        Path out = workspace.resolve("received.txt");
        try (LocalRuntime rt = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace)
                .withBackend(backend).withPort(0).withSettings(EngineSettings.defaults()))) {
            Client c = new Client(rt.endpoint().url());
            rt.workspace().create(FunctionConfig.builder("consumer").runtime("python3.12").handler("app.handler")
                    .variables(Map.of("OUT", out.toString())).build(), CodeSource.files(Map.of("app.py", CODE)));
            String url = c.sqs("CreateQueue", Json.object().put("QueueName", "bench")).get("QueueUrl").asText();
            ObjectNode attrs = Json.object().put("QueueUrl", url);
            attrs.putArray("AttributeNames").add("QueueArn");
            String arn = c.sqs("GetQueueAttributes", attrs).at("/Attributes/QueueArn").asText();
            ObjectNode mapping = Json.object().put("FunctionName", "consumer").put("EventSourceArn", arn)
                    .put("BatchSize", 10).put("MaximumBatchingWindowInSeconds", 0);
            c.lambda(mapping);
            System.out.printf("SQS mapping benchmark on the %s backend; %s%n", backend, Stats.machine());

            // warm-up: environments started, pollers long-polling
            for (int i = 0; i < 20; i++) sendAndWait(c, url, out, "warm" + i);
            long[] latency = new long[samples];
            for (int i = 0; i < samples; i++) latency[i] = sendAndWait(c, url, out, "m" + i) * 1000;
            System.out.println("send-message called → function's first line: " + Stats.of(latency));

            // throughput: a queue filled first, then mapped; from the mapping's creation to the last message handled
            String full = c.sqs("CreateQueue", Json.object().put("QueueName", "bench-full")).get("QueueUrl").asText();
            ObjectNode fullAttrs = Json.object().put("QueueUrl", full);
            fullAttrs.putArray("AttributeNames").add("QueueArn");
            String fullArn = c.sqs("GetQueueAttributes", fullAttrs).at("/Attributes/QueueArn").asText();
            long f0 = System.nanoTime();
            for (int i = 0; i < messages; i += 10) {
                ObjectNode batch = Json.object().put("QueueUrl", full);
                ArrayNode entries = batch.putArray("Entries");
                for (int j = i; j < Math.min(messages, i + 10); j++) {
                    entries.addObject().put("Id", "e" + j).put("MessageBody", "t" + j);
                }
                c.sqs("SendMessageBatch", batch);
            }
            double fill = (System.nanoTime() - f0) / 1e9;
            long before = lines(out);
            long t0 = System.nanoTime();
            c.lambda(Json.object().put("FunctionName", "consumer").put("EventSourceArn", fullArn).put("BatchSize", 10));
            while (lines(out) < before + messages) Thread.sleep(5);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "filling the queue with %d messages (SendMessageBatch of 10): %.2f s, %.0f messages/s%n",
                    messages, fill, messages / fill);
            System.out.printf(Locale.ROOT, "draining it through a mapping (batch size 10): %.2f s, %.0f messages/s "
                    + "(%d environments)%n", seconds, messages / seconds, rt.engine().environments("consumer").size());
        } finally {
            try (var paths = Files.walk(workspace)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Sends one message, stamped with the time just before SendMessage was called; returns the microseconds until the function ran. */
    private static long sendAndWait(Client c, String url, Path out, String id) throws Exception {
        long before = lines(out);
        long sentMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        c.sqs("SendMessage", Json.object().put("QueueUrl", url).put("MessageBody", id));
        while (lines(out) <= before) Thread.sleep(0, 200_000);
        List<String> all = Files.readAllLines(out);
        for (int i = all.size() - 1; i >= 0; i--) {
            String[] p = all.get(i).split(" ");
            if (p[0].equals(id)) return Long.parseLong(p[1]) - sentMicros;
        }
        throw new IllegalStateException("message " + id + " not recorded");
    }

    private static long lines(Path out) throws Exception {
        if (!Files.exists(out)) return 0;
        try (var s = Files.lines(out)) {
            return s.count();
        }
    }

    /** The two APIs as their clients send them (SQS's JSON protocol; Lambda's REST JSON). */
    private record Client(String endpoint, HttpClient http) {
        Client(String endpoint) {
            this(endpoint, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }

        JsonNode sqs(String op, ObjectNode body) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/"))
                    .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "AmazonSQS." + op)
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261202/us-east-1/sqs/aws4_request, "
                            + "SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(op + ": " + r.statusCode() + " " + r.body());
            return Json.MAPPER.readTree(r.body().isEmpty() ? "{}" : r.body());
        }

        JsonNode lambda(ObjectNode mapping) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/2015-03-31/event-source-mappings/"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261202/us-east-1/lambda/aws4_request, "
                            + "SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(mapping))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) throw new IllegalStateException("CreateEventSourceMapping: " + r.statusCode() + " " + r.body());
            return Json.MAPPER.readTree(r.body());
        }
    }
}
