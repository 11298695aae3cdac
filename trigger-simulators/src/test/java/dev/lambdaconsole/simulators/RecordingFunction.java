package dev.lambdaconsole.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A python function that writes each event it gets to a file, one JSON line each: what push triggers delivered. */
public final class RecordingFunction {
    static final Path CODE = Path.of("src/test/resources/functions/recorder").toAbsolutePath();

    private RecordingFunction() { }

    /** Creates the function {@code name} recording into {@code out}; returns its ARN. */
    public static String create(AwsCli cli, String name, Path out) throws Exception {
        cli.create(name, "python3.12", "lambda_function.lambda_handler", CODE);
        return cli.lambda("update-function-configuration", "--function-name", name, "--timeout", "5",
                "--environment", "Variables={OUT=" + out + "}").get("FunctionArn").asText();
    }

    /**
     * Waits until {@code out} holds {@code n} events; on time-out fails with what serve said and the push
     * deliveries it recorded (why a function did not get its event).
     */
    public static List<JsonNode> await(Path out, int n, java.time.Duration within, Path workspace,
                                       List<String> serveOutput) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            List<JsonNode> got = events(out);
            if (got.size() >= n) return got;
            Thread.sleep(200);
        }
        Path deliveries = workspace.resolve(".lambda-console/services/push/deliveries.jsonl");
        throw new AssertionError("Expected " + n + " events in " + out + ", got " + events(out).size()
                + "\nDeliveries: " + (Files.exists(deliveries) ? tail(Files.readAllLines(deliveries)) : "none")
                + "\nServe said:\n" + String.join("\n", serveOutput.subList(Math.max(0, serveOutput.size() - 40),
                serveOutput.size())));
    }

    private static String tail(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines.subList(Math.max(0, lines.size() - 3), lines.size())) {
            b.append(l, 0, Math.min(l.length(), 500)).append('\n');
        }
        return b.toString();
    }

    /** The events received so far, in order. */
    public static List<JsonNode> events(Path out) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        if (!Files.exists(out)) return events;
        for (String line : Files.readAllLines(out)) if (!line.isBlank()) events.add(Json.MAPPER.readTree(line));
        return events;
    }
}
