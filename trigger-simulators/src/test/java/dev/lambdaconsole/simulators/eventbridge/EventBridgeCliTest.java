package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.RecordingFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * EventBridge rules through a real `serve`, driven by the AWS CLI v1 and v2: a numeric pattern delivers one event
 * of two to a function (the envelope it gets), InputTransformer and InputPath, an SQS target, PutEvents' entry
 * results, buses, rule operations and EventBridge's errors.
 */
class EventBridgeCliTest {
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
        serve.url();
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    static AwsCli cli(int major) throws Exception {
        return AwsCli.version(major, files).endpoint(serve.url());
    }

    static String entry(String source, String detail) {
        return "{\"Source\":\"" + source + "\",\"DetailType\":\"Order Placed\",\"Detail\":" + Json.write(detail)
                + ",\"Resources\":[\"arn:aws:shop:order/1\"]}";
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void aNumericPatternDeliversOneEventOfTwoAndATransformedInput(int major) throws Exception {
        AwsCli cli = cli(major);
        Path out = files.resolve("big" + major + ".jsonl");
        Path shaped = files.resolve("shaped" + major + ".jsonl");
        String fn = RecordingFunction.create(cli, "big" + major, out);
        String fn2 = RecordingFunction.create(cli, "shaped" + major, shaped);
        String pattern = "{\"source\":[\"shop" + major + "\"],\"detail\":{\"amount\":[{\"numeric\":[\">\",100]}]}}";
        String ruleArn = cli.call("events", "put-rule", "--name", "big-orders" + major, "--event-pattern", pattern,
                "--description", "orders above 100").get("RuleArn").asText();
        assertThat(ruleArn).matches("arn:aws:events:us-east-1:\\d{12}:rule/big-orders" + major);
        JsonNode put = cli.call("events", "put-targets", "--rule", "big-orders" + major, "--targets",
                "[{\"Id\":\"fn\",\"Arn\":\"" + fn + "\"},{\"Id\":\"shaped\",\"Arn\":\"" + fn2 + "\",\"InputTransformer\":"
                        + "{\"InputPathsMap\":{\"amount\":\"$.detail.amount\",\"who\":\"$.detail.customer\"},"
                        + "\"InputTemplate\":\"{\\\"total\\\": <amount>, \\\"customer\\\": <who>, "
                        + "\\\"line\\\": \\\"<who> paid <amount>\\\", \\\"rule\\\": \\\"<aws.events.rule-name>\\\"}\"}}]");
        assertThat(put.get("FailedEntryCount").asInt()).isZero();

        JsonNode result = cli.call("events", "put-events", "--entries", "[" + entry("shop" + major,
                "{\"amount\":50,\"customer\":\"ann\"}") + "," + entry("shop" + major, "{\"amount\":250,\"customer\":\"bob\"}") + "]");
        assertThat(result.get("FailedEntryCount").asInt()).isZero();
        assertThat(result.get("Entries")).hasSize(2).allSatisfy(e -> assertThat(e.get("EventId").asText())
                .matches("[0-9a-f-]{36}"));

        List<JsonNode> events = RecordingFunction.await(out, 1, Duration.ofSeconds(30), workspace, serve.output);
        JsonNode event = events.get(0);
        assertThat(event.get("version").asText()).isEqualTo("0");
        assertThat(event.get("id").asText()).isEqualTo(result.at("/Entries/1/EventId").asText());
        assertThat(event.get("detail-type").asText()).isEqualTo("Order Placed");
        assertThat(event.get("source").asText()).isEqualTo("shop" + major);
        assertThat(event.get("account").asText()).matches("\\d{12}");
        assertThat(event.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        assertThat(event.get("resources")).isEqualTo(Json.MAPPER.readTree("[\"arn:aws:shop:order/1\"]"));
        assertThat(event.get("detail")).isEqualTo(Json.MAPPER.readTree("{\"amount\":250,\"customer\":\"bob\"}"));
        assertThat(RecordingFunction.await(shaped, 1, Duration.ofSeconds(30), workspace, serve.output).get(0))
                .isEqualTo(Json.MAPPER.readTree("{\"total\": 250, \"customer\": \"bob\", \"line\": \"bob paid 250\", "
                        + "\"rule\": \"big-orders" + major + "\"}"));
        Thread.sleep(1000);
        assertThat(RecordingFunction.events(out)).hasSize(1);
        assertThat(RecordingFunction.events(shaped)).hasSize(1);

        // disabled: nothing more is delivered
        cli.call("events", "disable-rule", "--name", "big-orders" + major);
        assertThat(cli.call("events", "describe-rule", "--name", "big-orders" + major).get("State").asText()).isEqualTo("DISABLED");
        cli.call("events", "put-events", "--entries", "[" + entry("shop" + major, "{\"amount\":999}") + "]");
        Thread.sleep(1500);
        assertThat(RecordingFunction.events(out)).hasSize(1);
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void anSqsTargetWithInputPathAndACustomBus(int major) throws Exception {
        AwsCli cli = cli(major);
        String bus = cli.call("events", "create-event-bus", "--name", "orders" + major).get("EventBusArn").asText();
        assertThat(bus).matches("arn:aws:events:us-east-1:\\d{12}:event-bus/orders" + major);
        assertThat(cli.call("events", "list-event-buses").get("EventBuses")).extracting(b -> b.get("Name").asText())
                .contains("default", "orders" + major);
        assertThat(cli.call("events", "describe-event-bus", "--name", "orders" + major).get("Arn").asText()).isEqualTo(bus);
        String url = cli.call("sqs", "create-queue", "--queue-name", "audit" + major).get("QueueUrl").asText();
        String queueArn = cli.call("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn")
                .at("/Attributes/QueueArn").asText();
        String ruleArn = cli.call("events", "put-rule", "--name", "audit", "--event-bus-name", "orders" + major,
                "--event-pattern", "{\"detail-type\":[\"Order Placed\"]}").get("RuleArn").asText();
        assertThat(ruleArn).endsWith(":rule/orders" + major + "/audit");
        cli.call("events", "put-targets", "--rule", "audit", "--event-bus-name", "orders" + major, "--targets",
                "[{\"Id\":\"q\",\"Arn\":\"" + queueArn + "\",\"InputPath\":\"$.detail\"}]");
        assertThat(cli.call("events", "list-targets-by-rule", "--rule", "audit", "--event-bus-name", "orders" + major)
                .at("/Targets/0/InputPath").asText()).isEqualTo("$.detail");
        assertThat(cli.call("events", "list-rule-names-by-target", "--target-arn", queueArn, "--event-bus-name",
                "orders" + major).get("RuleNames")).extracting(JsonNode::asText).containsExactly("audit");

        JsonNode result = cli.call("events", "put-events", "--entries", "[{\"Source\":\"shop\",\"DetailType\":\"Order Placed\","
                + "\"Detail\":\"{\\\"id\\\":42}\",\"EventBusName\":\"orders" + major + "\"},"
                + "{\"Source\":\"shop\",\"DetailType\":\"Order Placed\",\"Detail\":\"[1,2]\",\"EventBusName\":\"orders" + major + "\"},"
                + "{\"Source\":\"shop\",\"DetailType\":\"Order Placed\",\"Detail\":\"{}\",\"EventBusName\":\"nowhere\"}]");
        assertThat(result.get("FailedEntryCount").asInt()).isEqualTo(2);
        assertThat(result.at("/Entries/0/EventId").asText()).isNotEmpty();
        assertThat(result.at("/Entries/1/ErrorCode").asText()).isEqualTo("MalformedDetail");
        assertThat(result.at("/Entries/1/ErrorMessage").asText()).isEqualTo("Detail is malformed.");
        assertThat(result.at("/Entries/2/ErrorCode").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(result.at("/Entries/2/ErrorMessage").asText()).isEqualTo("Event bus nowhere does not exist.");

        List<String> bodies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            cli.call("sqs", "receive-message", "--queue-url", url, "--wait-time-seconds", "2")
                    .path("Messages").forEach(m -> bodies.add(m.get("Body").asText()));
            assertThat(bodies).containsExactly("{\"id\":42}");
        });

        cli.call("events", "remove-targets", "--rule", "audit", "--event-bus-name", "orders" + major, "--ids", "q");
        cli.call("events", "delete-rule", "--name", "audit", "--event-bus-name", "orders" + major);
        cli.call("events", "delete-event-bus", "--name", "orders" + major);
        assertThat(cli.call("events", "list-event-buses").get("EventBuses")).extracting(b -> b.get("Name").asText())
                .doesNotContain("orders" + major);
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void rulesAndTheirErrors(int major) throws Exception {
        AwsCli cli = cli(major);
        String fn = "arn:aws:lambda:us-east-1:000000000000:function:nobody";
        for (int i = 0; i < 3; i++) {
            cli.call("events", "put-rule", "--name", "page" + major + "-" + i, "--schedule-expression", "rate(5 minutes)",
                    "--state", "DISABLED");
        }
        JsonNode page = cli.call("events", "list-rules", "--name-prefix", "page" + major + "-", "--limit", "2");
        if (page.has("NextToken")) {
            // the CLI v1 pages itself when --limit is set; v2 returns the page
            assertThat(page.get("Rules")).hasSize(2);
        } else {
            assertThat(page.get("Rules")).hasSize(3);
        }
        assertThat(cli.call("events", "list-rules", "--name-prefix", "page" + major + "-").get("Rules"))
                .extracting(r -> r.get("ScheduleExpression").asText()).containsOnly("rate(5 minutes)");
        cli.call("events", "put-targets", "--rule", "page" + major + "-0", "--targets", "[{\"Id\":\"t\",\"Arn\":\"" + fn + "\"}]");
        assertThat(cli.fails("events", "delete-rule", "--name", "page" + major + "-0"))
                .contains("An error occurred (ValidationException) when calling the DeleteRule operation: "
                        + "Rule can't be deleted since it has targets.");
        assertThat(cli.fails("events", "describe-rule", "--name", "missing"))
                .contains("(ResourceNotFoundException)").contains("Rule missing does not exist on EventBus default.");
        assertThat(cli.fails("events", "put-rule", "--name", "bad", "--schedule-expression", "rate(1 minutes)"))
                .contains("(ValidationException)").contains("Parameter ScheduleExpression is not valid.");
        assertThat(cli.fails("events", "put-rule", "--name", "bad", "--schedule-expression", "cron(0 10 * * * *)"))
                .contains("Parameter ScheduleExpression is not valid.");
        assertThat(cli.fails("events", "put-rule", "--name", "bad", "--event-pattern", "{\"detail\":{\"n\":[{\"numeric\":[\">\"]}]}}"))
                .contains("(InvalidEventPatternException)").contains("Event pattern is not valid. Reason:");
        assertThat(cli.fails("events", "put-rule", "--name", "bad"))
                .contains("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        cli.call("events", "create-event-bus", "--name", "side" + major);
        assertThat(cli.fails("events", "put-rule", "--name", "bad", "--event-bus-name", "side" + major,
                "--schedule-expression", "rate(5 minutes)"))
                .contains("ScheduleExpression is supported only on the default event bus.");
        assertThat(cli.fails("events", "create-event-bus", "--name", "side" + major))
                .contains("(ResourceAlreadyExistsException)").contains("Event bus side" + major + " already exists.");
        assertThat(cli.fails("events", "put-targets", "--rule", "page" + major + "-1", "--targets",
                "[{\"Id\":\"t\",\"Arn\":\"" + fn + "\",\"Input\":\"{}\",\"InputPath\":\"$\"}]"))
                .contains("Only one of Input, InputPath, or InputTransformer must be provided for target t.");
        JsonNode failed = cli.call("events", "put-targets", "--rule", "page" + major + "-1", "--targets",
                "[{\"Id\":\"topic\",\"Arn\":\"arn:aws:states:us-east-1:000000000000:stateMachine:m\"}]");
        assertThat(failed.get("FailedEntryCount").asInt()).isEqualTo(1);
        assertThat(failed.at("/FailedEntries/0/TargetId").asText()).isEqualTo("topic");
        String tooMany = cli.fails("events", "put-events", "--entries", entries(11));
        assertThat(tooMany).contains("(ValidationException)").contains("Member must have length less than or equal to 10");
        cli.call("events", "remove-targets", "--rule", "page" + major + "-0", "--ids", "t");
        cli.call("events", "delete-rule", "--name", "page" + major + "-0");
    }

    static String entries(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append(entry("s", "{}"));
        return b.append("]").toString();
    }
}
