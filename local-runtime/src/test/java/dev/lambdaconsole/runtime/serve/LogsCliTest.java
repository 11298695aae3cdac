package dev.lambdaconsole.runtime.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.TestRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A function's logs read through the CloudWatch Logs API with the real AWS CLI, v1 and v2, against a real
 * `serve`: describe groups and streams, get events, filter with term, JSON and space-delimited patterns, and
 * (CLI v2) {@code aws logs tail --follow} seeing an invocation made while it follows.
 */
class LogsCliTest {
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
        AwsCli cli = AwsCli.version(2, files).endpoint(serve.url());
        cli.create("logger", "python3.12", "lambda_function.lambda_handler", TestRuntime.FIXTURES.resolve("python/logger"));
        assertThat(cli.invoke("logger", "{\"tag\":\"first\"}").get("StatusCode").asInt()).isEqualTo(200);
        assertThat(cli.invoke("logger", "{\"tag\":\"second\"}").get("StatusCode").asInt()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    static AwsCli cli(int major) throws Exception {
        return AwsCli.version(major, files).endpoint(serve.url());
    }

    /** The store writes in batches: wait until both invocations' REPORT lines can be read. */
    static void awaitLogs(AwsCli cli) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(cli.call("logs", "filter-log-events",
                "--log-group-name", "/aws/lambda/logger", "--filter-pattern", "REPORT").get("events")).hasSize(2));
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void describeGroupsAndStreamsAndGetEvents(int major) throws Exception {
        AwsCli cli = cli(major);
        awaitLogs(cli);
        JsonNode groups = cli.call("logs", "describe-log-groups", "--log-group-name-prefix", "/aws/lambda/");
        assertThat(groups.get("logGroups").findValuesAsText("logGroupName")).contains("/aws/lambda/logger");
        assertThat(groups.at("/logGroups/0/arn").asText()).startsWith("arn:aws:logs:").endsWith(":log-group:/aws/lambda/logger:*");

        JsonNode streams = cli.call("logs", "describe-log-streams", "--log-group-name", "/aws/lambda/logger",
                "--order-by", "LastEventTime", "--descending");
        String stream = streams.at("/logStreams/0/logStreamName").asText();
        assertThat(stream).matches("\\d{4}/\\d\\d/\\d\\d/\\[\\$LATEST\\][0-9a-f]{32}");

        JsonNode events = cli.call("logs", "get-log-events", "--log-group-name", "/aws/lambda/logger",
                "--log-stream-name", stream, "--start-from-head");
        List<String> messages = events.get("events").findValuesAsText("message");
        assertThat(messages.get(0)).startsWith("START RequestId:");
        assertThat(messages).anyMatch(m -> m.contains("first plain ERROR"));
        assertThat(events.get("nextForwardToken").asText()).startsWith("f/");

        String missing = cli.fails("logs", "get-log-events", "--log-group-name", "/aws/lambda/nobody",
                "--log-stream-name", "x");
        assertThat(missing).contains("ResourceNotFoundException");
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void filterWithPatterns(int major) throws Exception {
        AwsCli cli = cli(major);
        awaitLogs(cli);
        assertThat(messages(cli, "\"plain ERROR\" -second")).singleElement().asString().contains("first plain ERROR");
        assertThat(messages(cli, "{ $.level = \"ERROR\" && $.tag = \"second\" }")).hasSize(2)
                .allMatch(m -> m.contains("\"ERROR\"") && m.contains("second"));
        assertThat(messages(cli, "{ $.ms >= 200 }")).hasSize(4);
        assertThat(messages(cli, "[tag, ip, method, path = \"*.html\", status = 404, bytes > 1000]")).hasSize(2);
        assertThat(messages(cli, "?Retrying ?retrying")).hasSize(2);
        String invalid = cli.fails("logs", "filter-log-events", "--log-group-name", "/aws/lambda/logger",
                "--filter-pattern", "{ $.level = }");
        assertThat(invalid).contains("InvalidParameterException").contains("filter pattern");
    }

    static List<String> messages(AwsCli cli, String pattern) throws Exception {
        return cli.call("logs", "filter-log-events", "--log-group-name", "/aws/lambda/logger", "--filter-pattern",
                pattern).get("events").findValuesAsText("message");
    }

    @Test
    void tailFollowsNewInvocations() throws Exception {
        AwsCli cli = cli(2);
        cli.create("tailed", "python3.12", "lambda_function.lambda_handler", TestRuntime.FIXTURES.resolve("python/logger"));
        assertThat(cli.invoke("tailed", "{\"tag\":\"before\"}").get("StatusCode").asInt()).isEqualTo(200);
        Path out = files.resolve("tail.txt");
        Process tail = cli.start(out, "logs", "tail", "/aws/lambda/tailed", "--follow", "--since", "1h",
                "--format", "short");
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Files.readString(out))
                    .contains("before plain ERROR"));
            assertThat(cli.invoke("tailed", "{\"tag\":\"during\"}").get("StatusCode").asInt()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Files.readString(out))
                    .contains("during plain ERROR"));
            assertThat(Files.readString(out).split("before plain ERROR", -1)).as("each event shown once").hasSize(2);
        } finally {
            tail.destroy();
        }
    }
}
