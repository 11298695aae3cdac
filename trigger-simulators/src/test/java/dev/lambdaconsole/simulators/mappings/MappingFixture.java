package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The recording function of the mapping tests, and what it recorded. */
final class MappingFixture {
    static final Path CODE = Path.of("src/test/resources/functions/batch").toAbsolutePath();

    private MappingFixture() { }

    /** Creates a function that records what it receives in {@code out}. */
    static void createFunction(AwsCli cli, String name, Path out) throws Exception {
        cli.create(name, "python3.12", "lambda_function.lambda_handler", CODE);
        cli.lambda("update-function-configuration", "--function-name", name, "--timeout", "3",
                "--environment", "Variables={OUT=" + out + "}");
    }

    /** The function's records, one JSON object per record received (in the order it got them). */
    static List<JsonNode> received(Path out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.exists(out)) return lines;
        for (String line : Files.readAllLines(out)) if (!line.isBlank()) lines.add(Json.MAPPER.readTree(line));
        return lines;
    }

    static List<String> payloads(Path out) throws IOException {
        List<String> p = new ArrayList<>();
        for (JsonNode n : received(out)) if (n.has("payload")) p.add(n.get("payload").asText());
        return p;
    }
}
