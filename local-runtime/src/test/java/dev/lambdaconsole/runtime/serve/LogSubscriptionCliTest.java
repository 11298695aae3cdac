package dev.lambdaconsole.runtime.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CloudWatch Logs subscription filters with the real AWS CLI v1 and v2 against a real `serve`: a filter on one
 * function's log group sends the matching events to another function as CloudWatch Logs does (awslogs.data,
 * gzip + base64, one DATA_MESSAGE per log stream), and the API's describe, delete, limit and errors.
 */
class LogSubscriptionCliTest {
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
        AwsCli cli = AwsCli.version(2, files).endpoint(serve.url());
        cli.create("logger", "python3.12", "lambda_function.lambda_handler", TestRuntime.FIXTURES.resolve("python/logger"));
        cli.create("sink1", "python3.12", "lambda_function.lambda_handler", TestRuntime.FIXTURES.resolve("python/logsink"));
        cli.create("sink2", "python3.12", "lambda_function.lambda_handler", TestRuntime.FIXTURES.resolve("python/logsink"));
        for (String sink : List.of("sink1", "sink2")) {
            cli.lambda("update-function-configuration", "--function-name", sink, "--environment",
                    "Variables={OUT=" + files.resolve(sink + ".jsonl") + "}");
        }
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    static String arn(String function) { return "arn:aws:lambda:us-east-1:000000000000:function:" + function; }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void matchingEventsReachTheFunctionDecodedPerStream(int major) throws Exception {
        AwsCli cli = AwsCli.version(major, files).endpoint(serve.url());
        String sink = "sink" + major;
        Path out = files.resolve(sink + ".jsonl");
        String filter = "errors-v" + major;
        JsonNode put = cli.call("logs", "put-subscription-filter", "--log-group-name", "/aws/lambda/logger",
                "--filter-name", filter, "--filter-pattern", "{ $.level = \"ERROR\" }", "--destination-arn", arn(sink));
        assertThat(put == null || put.isEmpty()).isTrue();
        try {
            JsonNode described = cli.call("logs", "describe-subscription-filters", "--log-group-name", "/aws/lambda/logger");
            assertThat(described.get("subscriptionFilters").findValuesAsText("filterName")).contains(filter);
            JsonNode mine = null;
            for (JsonNode f : described.get("subscriptionFilters")) if (f.get("filterName").asText().equals(filter)) mine = f;
            assertThat(mine.get("filterPattern").asText()).isEqualTo("{ $.level = \"ERROR\" }");
            assertThat(mine.get("destinationArn").asText()).isEqualTo(arn(sink));
            assertThat(mine.get("distribution").asText()).isEqualTo("ByLogStream");

            String tag = "sub-v" + major;
            assertThat(cli.invoke("logger", "{\"tag\":\"" + tag + "\",\"n\":6}").get("StatusCode").asInt()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> messagesFor(out, tag).size() == 3);
            List<JsonNode> batches = batches(out);
            JsonNode batch = batches.stream().filter(b -> b.toString().contains(tag)).findFirst().orElseThrow();
            assertThat(batch.get("messageType").asText()).isEqualTo("DATA_MESSAGE");
            assertThat(batch.get("owner").asText()).isEqualTo("000000000000");
            assertThat(batch.get("logGroup").asText()).isEqualTo("/aws/lambda/logger");
            assertThat(batch.get("logStream").asText()).matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST\\][0-9a-f]{32}");
            assertThat(batch.get("subscriptionFilters").get(0).asText()).isEqualTo(filter);
            JsonNode first = batch.get("logEvents").get(0);
            assertThat(first.get("id").asText()).matches("\\d+");
            assertThat(first.get("timestamp").asLong()).isPositive();
            // only the JSON lines whose level is ERROR: items 1, 3 and 5, no START/END/REPORT or plain lines
            assertThat(messagesFor(out, tag)).allMatch(m -> m.contains("\"level\": \"ERROR\"") || m.contains("\"level\":\"ERROR\""))
                    .anyMatch(m -> m.contains("item 1")).anyMatch(m -> m.contains("item 5"));

            // the other CLI's sink got nothing of this tag: each filter sends to its own destination
            String other = "sink" + (3 - major);
            assertThat(messagesFor(files.resolve(other + ".jsonl"), tag)).isEmpty();
        } finally {
            cli.call("logs", "delete-subscription-filter", "--log-group-name", "/aws/lambda/logger", "--filter-name", filter);
        }
        JsonNode after = cli.call("logs", "describe-subscription-filters", "--log-group-name", "/aws/lambda/logger");
        assertThat(after.get("subscriptionFilters").findValuesAsText("filterName")).doesNotContain(filter);
        assertThat(cli.fails("logs", "delete-subscription-filter", "--log-group-name", "/aws/lambda/logger",
                "--filter-name", filter)).contains("ResourceNotFoundException")
                .contains("The specified subscription filter does not exist.");
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void errorsSayWhatIsWrong(int major) throws Exception {
        AwsCli cli = AwsCli.version(major, files).endpoint(serve.url());
        assertThat(cli.fails("logs", "put-subscription-filter", "--log-group-name", "/aws/lambda/logger",
                "--filter-name", "self", "--filter-pattern", "", "--destination-arn", arn("logger")))
                .contains("InvalidParameterException").contains("its own log group");
        assertThat(cli.fails("logs", "put-subscription-filter", "--log-group-name", "/aws/lambda/logger",
                "--filter-name", "nobody", "--filter-pattern", "", "--destination-arn", arn("nobody")))
                .contains("InvalidParameterException").contains("No function nobody");
        assertThat(cli.fails("logs", "put-subscription-filter", "--log-group-name", "/aws/lambda/logger",
                "--filter-name", "bad", "--filter-pattern", "{ $.level = }", "--destination-arn", arn("sink1")))
                .contains("InvalidParameterException").contains("filter pattern");
        assertThat(cli.fails("logs", "put-subscription-filter", "--log-group-name", "/aws/lambda/ghost",
                "--filter-name", "x", "--filter-pattern", "", "--destination-arn", arn("sink1")))
                .contains("ResourceNotFoundException").contains("The specified log group does not exist.");
        assertThat(cli.fails("logs", "put-subscription-filter", "--log-group-name", "/aws/lambda/logger",
                "--filter-name", "k", "--filter-pattern", "", "--destination-arn",
                "arn:aws:kinesis:us-east-1:000000000000:stream/s")).contains("InvalidParameterException")
                .contains("Only AWS Lambda function destinations");
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void twoFiltersPerGroupKeptInTheStateFile(int major) throws Exception {
        AwsCli cli = AwsCli.version(major, files).endpoint(serve.url());
        String group = "/aws/lambda/sink" + major;
        try {
            for (String name : List.of("a", "b")) {
                cli.call("logs", "put-subscription-filter", "--log-group-name", group, "--filter-name", name,
                        "--filter-pattern", "REPORT", "--destination-arn", arn("sink" + (3 - major)));
            }
            // putting an existing name again replaces it (no third filter)
            cli.call("logs", "put-subscription-filter", "--log-group-name", group, "--filter-name", "b",
                    "--filter-pattern", "START", "--destination-arn", arn("sink" + (3 - major)));
            assertThat(cli.fails("logs", "put-subscription-filter", "--log-group-name", group, "--filter-name", "c",
                    "--filter-pattern", "", "--destination-arn", arn("sink" + (3 - major))))
                    .contains("LimitExceededException").contains("Resource limit exceeded.");
            JsonNode stored = Json.MAPPER.readTree(workspace.resolve(".lambda-console/services/logs/subscription-filters.json").toFile());
            List<String> names = new ArrayList<>();
            for (JsonNode f : stored) if (f.get("logGroupName").asText().equals(group)) names.add(f.get("filterName").asText() + "=" + f.get("filterPattern").asText());
            assertThat(names).containsExactlyInAnyOrder("a=REPORT", "b=START");
        } finally {
            for (String name : List.of("a", "b")) {
                cli.call("logs", "delete-subscription-filter", "--log-group-name", group, "--filter-name", name);
            }
        }
    }

    static List<JsonNode> batches(Path out) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        if (!Files.exists(out)) return list;
        for (String line : Files.readAllLines(out)) if (!line.isBlank()) list.add(Json.MAPPER.readTree(line));
        return list;
    }

    static List<String> messagesFor(Path out, String tag) throws Exception {
        List<String> messages = new ArrayList<>();
        for (JsonNode b : batches(out)) {
            for (JsonNode e : b.get("logEvents")) {
                String m = e.get("message").asText();
                if (m.contains("\"" + tag + "\"")) messages.add(m);
            }
        }
        return messages;
    }
}
