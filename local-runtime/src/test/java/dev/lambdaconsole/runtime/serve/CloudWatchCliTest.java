package dev.lambdaconsole.runtime.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.TestRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CloudWatch's AWS/Lambda metrics read with the real AWS CLI, v1 (JSON 1.0) and v2 (Query), from a real `serve`
 * after invocations made with the CLI: get-metric-statistics sums equal the invocations, get-metric-data and
 * list-metrics agree, and bad requests get CloudWatch's errors.
 */
class CloudWatchCliTest {
    static final int INVOCATIONS = 7;
    static final int FAILURES = 2;
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;
    static String start;
    static String end;

    @BeforeAll
    static void invoke() throws Exception {
        serve = new ServeProcess(workspace);
        AwsCli cli = AwsCli.version(2, files).endpoint(serve.url());
        start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES).toString();
        cli.create("counted", "python3.12", "lambda_function.lambda_handler", TestRuntime.FIXTURES.resolve("python/hello"));
        cli.create("failing", "python3.12", "lambda_function.lambda_handler", TestRuntime.FIXTURES.resolve("python/error"));
        for (int i = 0; i < INVOCATIONS; i++) {
            assertThat(cli.invoke("counted", "{\"n\":" + i + "}").get("StatusCode").asInt()).isEqualTo(200);
        }
        for (int i = 0; i < FAILURES; i++) {
            assertThat(cli.invoke("failing", "{}").get("FunctionError").asText()).isEqualTo("Unhandled");
        }
        end = Instant.now().plus(Duration.ofMinutes(2)).toString();
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    static AwsCli cli(int major) throws Exception {
        return AwsCli.version(major, files).endpoint(serve.url());
    }

    static JsonNode statistics(AwsCli cli, String function, String metric, String... statistics) throws Exception {
        List<String> args = new ArrayList<>(List.of("get-metric-statistics", "--namespace", "AWS/Lambda",
                "--metric-name", metric, "--dimensions", "Name=FunctionName,Value=" + function, "--start-time", start,
                "--end-time", end, "--period", "60", "--statistics"));
        args.addAll(List.of(statistics));
        return cli.call("cloudwatch", args.toArray(String[]::new));
    }

    static double sum(JsonNode datapoints, String statistic) {
        double sum = 0;
        for (JsonNode d : datapoints) sum += d.get(statistic).asDouble();
        return sum;
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void getMetricStatisticsSumsEqualTheInvocationsMade(int major) throws Exception {
        AwsCli cli = cli(major);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(sum(statistics(cli, "counted",
                "Invocations", "Sum").get("Datapoints"), "Sum")).isEqualTo(INVOCATIONS));
        JsonNode invocations = statistics(cli, "counted", "Invocations", "Sum", "SampleCount");
        assertThat(invocations.get("Label").asText()).isEqualTo("Invocations");
        assertThat(invocations.at("/Datapoints/0/Unit").asText()).isEqualTo("Count");
        JsonNode stamp = invocations.at("/Datapoints/0/Timestamp");
        if (cli.isV2()) {
            assertThat(stamp.asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00.*"); // the CLI's ISO 8601
        } else {
            assertThat(stamp.asLong() % 60).as("v1 prints the wire's epoch seconds: " + stamp).isZero();
        }

        assertThat(sum(statistics(cli, "counted", "Errors", "Sum").get("Datapoints"), "Sum")).isZero();
        assertThat(sum(statistics(cli, "failing", "Errors", "Sum").get("Datapoints"), "Sum")).isEqualTo(FAILURES);

        JsonNode duration = statistics(cli, "counted", "Duration", "Minimum", "Maximum", "Average");
        JsonNode first = duration.at("/Datapoints/0");
        assertThat(first.get("Unit").asText()).isEqualTo("Milliseconds");
        assertThat(first.get("Minimum").asDouble()).isPositive().isLessThanOrEqualTo(first.get("Average").asDouble());
        assertThat(first.get("Average").asDouble()).isLessThanOrEqualTo(first.get("Maximum").asDouble());

        JsonNode p99 = cli.call("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name",
                "Duration", "--dimensions", "Name=FunctionName,Value=counted", "--start-time", start, "--end-time", end,
                "--period", "3600", "--extended-statistics", "p50", "p99");
        assertThat(p99.at("/Datapoints/0/ExtendedStatistics/p99").asDouble())
                .isGreaterThanOrEqualTo(p99.at("/Datapoints/0/ExtendedStatistics/p50").asDouble()).isPositive();

        JsonNode account = cli.call("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name",
                "Invocations", "--start-time", start, "--end-time", end, "--period", "3600", "--statistics", "Sum");
        assertThat(sum(account.get("Datapoints"), "Sum")).isEqualTo(INVOCATIONS + FAILURES);
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void getMetricDataAndListMetrics(int major) throws Exception {
        AwsCli cli = cli(major);
        Path queries = files.resolve("queries-" + major + ".json");
        Files.writeString(queries, """
                [{"Id": "calls", "MetricStat": {"Metric": {"Namespace": "AWS/Lambda", "MetricName": "Invocations",
                  "Dimensions": [{"Name": "FunctionName", "Value": "counted"}]}, "Period": 60, "Stat": "Sum"}},
                 {"Id": "slowest", "Label": "Slowest", "MetricStat": {"Metric": {"Namespace": "AWS/Lambda",
                  "MetricName": "Duration", "Dimensions": [{"Name": "FunctionName", "Value": "counted"}]},
                  "Period": 3600, "Stat": "Maximum"}},
                 {"Id": "hidden", "ReturnData": false, "MetricStat": {"Metric": {"Namespace": "AWS/Lambda",
                  "MetricName": "Errors"}, "Period": 60, "Stat": "Sum"}}]
                """);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode data = cli.call("cloudwatch", "get-metric-data", "--metric-data-queries", "file://" + queries,
                    "--start-time", start, "--end-time", end);
            JsonNode results = data.get("MetricDataResults");
            assertThat(results).hasSize(2);
            assertThat(results.at("/0/Id").asText()).isEqualTo("calls");
            assertThat(results.at("/0/StatusCode").asText()).isEqualTo("Complete");
            double total = 0;
            for (JsonNode v : results.at("/0/Values")) total += v.asDouble();
            assertThat(total).isEqualTo(INVOCATIONS);
            assertThat(results.at("/0/Timestamps")).hasSameSizeAs(results.at("/0/Values"));
            assertThat(results.at("/1/Label").asText()).isEqualTo("Slowest");
            assertThat(results.at("/1/Values/0").asDouble()).isPositive();
        });

        JsonNode listed = cli.call("cloudwatch", "list-metrics", "--namespace", "AWS/Lambda", "--metric-name", "Invocations");
        List<String> functions = new ArrayList<>();
        for (JsonNode m : listed.get("Metrics")) {
            assertThat(m.get("Namespace").asText()).isEqualTo("AWS/Lambda");
            assertThat(m.get("MetricName").asText()).isEqualTo("Invocations");
            for (JsonNode d : m.get("Dimensions")) if (d.get("Name").asText().equals("FunctionName")) functions.add(d.get("Value").asText());
        }
        assertThat(functions).contains("counted", "failing");
        JsonNode filtered = cli.call("cloudwatch", "list-metrics", "--namespace", "AWS/Lambda",
                "--dimensions", "Name=FunctionName,Value=failing");
        List<String> names = filtered.get("Metrics").findValuesAsText("MetricName");
        assertThat(names).contains("Invocations", "Errors", "Duration", "ConcurrentExecutions");
        assertThat(filtered.get("Metrics").findValuesAsText("Value")).containsOnly("failing");
        assertThat(cli.call("cloudwatch", "list-metrics", "--namespace", "AWS/EC2").get("Metrics")).isEmpty();
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void badRequestsGetCloudWatchErrors(int major) throws Exception {
        AwsCli cli = cli(major);
        String period = cli.fails("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name",
                "Invocations", "--start-time", start, "--end-time", end, "--period", "61", "--statistics", "Sum");
        assertThat(period).contains("InvalidParameterValue").contains("GetMetricStatistics")
                .contains("must be 1, 5, 10, 30 or a multiple of 60");
        String none = cli.fails("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name",
                "Invocations", "--start-time", start, "--end-time", end, "--period", "60");
        assertThat(none).contains("MissingParameter").contains("Statistics or ExtendedStatistics");
        String reversed = cli.fails("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name",
                "Invocations", "--start-time", end, "--end-time", start, "--period", "60", "--statistics", "Sum");
        assertThat(reversed).contains("InvalidParameterValue").contains("StartTime must be less than");
        String tooMany = cli.fails("cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name",
                "Invocations", "--start-time", "2026-01-01T00:00:00Z", "--end-time", "2026-02-01T00:00:00Z",
                "--period", "60", "--statistics", "Sum");
        assertThat(tooMany).contains("InvalidParameterValue").contains("exceeds the limit of 1,440");
        String badId = cli.fails("cloudwatch", "get-metric-data", "--metric-data-queries",
                "[{\"Id\":\"Bad\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"AWS/Lambda\",\"MetricName\":\"Errors\"},"
                        + "\"Period\":60,\"Stat\":\"Sum\"}}]", "--start-time", start, "--end-time", end);
        assertThat(badId).contains("InvalidParameterValue").contains("must start with a lowercase letter");
    }
}
