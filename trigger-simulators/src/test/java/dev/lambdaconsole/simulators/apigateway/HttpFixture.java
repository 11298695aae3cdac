package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The functions of the HTTP tests: a web backend that returns its event, an authorizer that logs its events. */
public final class HttpFixture {
    public static final Path WEB = Path.of("src/test/resources/functions/web").toAbsolutePath();
    public static final Path AUTHORIZER = Path.of("src/test/resources/functions/authorizer").toAbsolutePath();
    public static final Path STREAM = Path.of("src/test/resources/functions/stream").toAbsolutePath();

    private HttpFixture() { }

    /** Creates the web function; returns its ARN. */
    public static String web(AwsCli cli, String name) throws Exception {
        cli.create(name, "python3.12", "lambda_function.lambda_handler", WEB);
        return cli.lambda("update-function-configuration", "--function-name", name, "--timeout", "10")
                .get("FunctionArn").asText();
    }

    /** Creates the authorizer function writing its events to {@code out}; returns its ARN. */
    public static String authorizer(AwsCli cli, String name, Path out, boolean simple) throws Exception {
        cli.create(name, "python3.12", "lambda_function.lambda_handler", AUTHORIZER);
        return cli.lambda("update-function-configuration", "--function-name", name, "--environment",
                "Variables={OUT=" + out + ",SIMPLE=" + (simple ? "1" : "0") + "}").get("FunctionArn").asText();
    }

    /** The events the authorizer received. */
    public static List<JsonNode> events(Path out) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        if (!Files.exists(out)) return events;
        for (String line : Files.readAllLines(out)) if (!line.isBlank()) events.add(Json.MAPPER.readTree(line));
        return events;
    }

    /** The apigateway URI of a function, as authorizers and REST integrations name it. */
    public static String invocationUri(String functionArn) {
        return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
    }
}
