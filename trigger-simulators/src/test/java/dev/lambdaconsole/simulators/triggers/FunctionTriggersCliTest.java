package dev.lambdaconsole.simulators.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.simulators.SimulatorServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A function's triggers and destinations made with the real AWS CLI against an engine running in process (the
 * console's way), read, disabled and deleted through {@link FunctionTriggers}, with change notices for each.
 */
class FunctionTriggersCliTest {
    static final Path CODE = Path.of("src/test/resources/functions/batch").toAbsolutePath();
    @TempDir static Path workspace;
    @TempDir static Path files;
    static LocalRuntime engine;
    static SimulatorServices simulators;
    static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        simulators = new SimulatorServices();
        engine = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace).withBackend("process")
                .withPort(0).withServices(List.of(simulators)));
        cli = new AwsCli(files).endpoint(engine.endpoint().url());
    }

    @AfterAll
    static void stop() {
        if (engine != null) engine.close();
    }

    static String arn(String function) { return engine.engine().settings().functionArn(function); }

    static Trigger only(String function, TriggerKind kind) {
        List<Trigger> of = simulators.triggers().triggersOf(function).stream().filter(t -> t.kind() == kind).toList();
        assertThat(of).hasSize(1);
        return of.get(0);
    }

    static JsonNode s3(String... args) throws Exception { return cli.call("s3api", args); }

    @Test
    void everySourceShowsUpAndEachDeleteTakesOnlyItsTrigger() throws Exception {
        FunctionTriggers triggers = simulators.triggers();
        String fn = "orders";
        cli.create(fn, "python3.12", "lambda_function.lambda_handler", CODE);
        cli.create("producer", "python3.12", "lambda_function.lambda_handler", CODE);
        AtomicInteger changes = new AtomicInteger();
        try (AutoCloseable listening = triggers.addChangeListener(changes::incrementAndGet)) {
            // SQS mapping
            String queueUrl = cli.call("sqs", "create-queue", "--queue-name", "jobs").get("QueueUrl").asText();
            String queueArn = cli.call("sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names",
                    "QueueArn").at("/Attributes/QueueArn").asText();
            String failures = cli.call("sqs", "create-queue", "--queue-name", "failed").get("QueueUrl").asText();
            String failuresArn = cli.call("sqs", "get-queue-attributes", "--queue-url", failures, "--attribute-names",
                    "QueueArn").at("/Attributes/QueueArn").asText();
            int before = changes.get();
            cli.lambda("create-event-source-mapping", "--function-name", fn, "--event-source-arn", queueArn,
                    "--batch-size", "7");
            await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() > before);
            Trigger sqs = only(fn, TriggerKind.SQS);
            assertThat(sqs.name()).isEqualTo("jobs");
            assertThat(sqs.details()).isEqualTo("Batch size: 7");
            assertThat(sqs.sourceArn()).isEqualTo(queueArn);
            assertThat(sqs.canDisable()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> "Enabled".equals(only(fn, TriggerKind.SQS).state()));

            // S3: two entries, only one for this function
            s3("create-bucket", "--bucket", "uploads");
            Path config = files.resolve("notification.json");
            Files.writeString(config, "{\"LambdaFunctionConfigurations\":[{\"Id\":\"csv\",\"LambdaFunctionArn\":\""
                    + arn(fn) + "\",\"Events\":[\"s3:ObjectCreated:*\"],\"Filter\":{\"Key\":{\"FilterRules\":"
                    + "[{\"Name\":\"suffix\",\"Value\":\".csv\"}]}}},{\"Id\":\"other\",\"LambdaFunctionArn\":\""
                    + arn("producer") + "\",\"Events\":[\"s3:ObjectRemoved:*\"]}]}");
            int beforeS3 = changes.get();
            s3("put-bucket-notification-configuration", "--bucket", "uploads", "--notification-configuration",
                    "file://" + config);
            await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() > beforeS3);
            Trigger bucket = only(fn, TriggerKind.S3);
            assertThat(bucket.name()).isEqualTo("uploads");
            assertThat(bucket.details()).isEqualTo("Events: s3:ObjectCreated:* · suffix .csv");
            assertThat(bucket.sourceArn()).isEqualTo("arn:aws:s3:::uploads");
            assertThat(bucket.canDisable()).isFalse();

            // SNS (a qualified endpoint counts as the function)
            String topic = cli.call("sns", "create-topic", "--name", "alerts").get("TopicArn").asText();
            cli.call("sns", "subscribe", "--topic-arn", topic, "--protocol", "lambda", "--notification-endpoint",
                    arn(fn) + ":$LATEST");
            Trigger sns = only(fn, TriggerKind.SNS);
            assertThat(sns.name()).isEqualTo("alerts");
            assertThat(sns.sourceArn()).isEqualTo(topic);

            // EventBridge: a schedule and a pattern rule
            String schedule = cli.call("events", "put-rule", "--name", "every5", "--schedule-expression",
                    "rate(5 minutes)").get("RuleArn").asText();
            cli.call("events", "put-targets", "--rule", "every5", "--targets", "Id=t1,Arn=" + arn(fn));
            cli.call("events", "put-rule", "--name", "created", "--event-pattern", "{\"source\":[\"shop\"]}");
            cli.call("events", "put-targets", "--rule", "created", "--targets", "Id=t2,Arn=" + arn(fn));
            Trigger rate = only(fn, TriggerKind.SCHEDULE);
            assertThat(rate.name()).isEqualTo("every5");
            assertThat(rate.details()).isEqualTo("rate(5 minutes)");
            assertThat(rate.sourceArn()).isEqualTo(schedule);
            assertThat(rate.state()).isEqualTo("Enabled");
            Trigger pattern = only(fn, TriggerKind.EVENTBRIDGE_RULE);
            assertThat(pattern.details()).isEqualTo("Pattern: {\"source\":[\"shop\"]}");

            // API Gateway quick create, the Function URL, a log subscription filter
            String apiId = cli.call("apigatewayv2", "create-api", "--name", "shop", "--protocol-type", "HTTP",
                    "--target", arn(fn), "--route-key", "POST /orders").get("ApiId").asText();
            Trigger api = only(fn, TriggerKind.API_GATEWAY);
            assertThat(api.name()).isEqualTo("shop");
            assertThat(api.details()).startsWith("POST /orders · HTTP API · http");
            assertThat(api.sourceArn()).isEqualTo("arn:aws:apigateway:us-east-1::/apis/" + apiId);
            String url = cli.lambda("create-function-url-config", "--function-name", fn, "--auth-type", "NONE")
                    .get("FunctionUrl").asText();
            Trigger functionUrl = only(fn, TriggerKind.FUNCTION_URL);
            assertThat(functionUrl.name()).isEqualTo(url);
            assertThat(functionUrl.details()).isEqualTo("Auth type: NONE · Invoke mode: BUFFERED");
            cli.call("logs", "put-subscription-filter", "--log-group-name", "/aws/lambda/producer", "--filter-name",
                    "errors", "--filter-pattern", "ERROR", "--destination-arn", arn(fn));
            Trigger logs = only(fn, TriggerKind.LOGS);
            assertThat(logs.name()).isEqualTo("/aws/lambda/producer");
            assertThat(logs.details()).isEqualTo("Filter: errors · pattern \"ERROR\"");

            assertThat(triggers.triggersOf(fn)).hasSize(8).extracting(Trigger::id).doesNotHaveDuplicates();
            assertThat(triggers.triggersOf("producer")).extracting(Trigger::kind).containsExactly(TriggerKind.S3);

            // destinations: asynchronous invocation and the mapping's on-failure
            cli.lambda("put-function-event-invoke-config", "--function-name", fn, "--destination-config",
                    "{\"OnFailure\":{\"Destination\":\"" + failuresArn + "\"},\"OnSuccess\":{\"Destination\":\""
                            + topic + "\"}}");
            assertThat(triggers.destinationsOf(fn)).containsExactly(
                    new Destination(Destination.Kind.SNS, topic, "alerts", Destination.Condition.ON_SUCCESS, null),
                    new Destination(Destination.Kind.SQS, failuresArn, "failed", Destination.Condition.ON_FAILURE, null));

            // disable and enable
            triggers.setEnabled(sqs, false);
            await().atMost(Duration.ofSeconds(10)).until(() -> "Disabled".equals(only(fn, TriggerKind.SQS).state()));
            assertThat(only(fn, TriggerKind.SQS).enabled()).isFalse();
            triggers.setEnabled(rate, false);
            assertThat(only(fn, TriggerKind.SCHEDULE).state()).isEqualTo("Disabled");
            assertThat(cli.call("events", "describe-rule", "--name", "every5").get("State").asText()).isEqualTo("DISABLED");
            assertThatThrownBy(() -> triggers.setEnabled(bucket, false)).hasMessageContaining("cannot be disabled");

            // deletes: each source loses only that trigger
            triggers.delete(bucket);
            assertThat(triggers.triggersOf(fn)).extracting(Trigger::kind).doesNotContain(TriggerKind.S3);
            JsonNode left = s3("get-bucket-notification-configuration", "--bucket", "uploads");
            assertThat(left.path("LambdaFunctionConfigurations")).hasSize(1);
            assertThat(left.at("/LambdaFunctionConfigurations/0/Id").asText()).isEqualTo("other");
            triggers.delete(sns);
            assertThat(cli.call("sns", "list-subscriptions-by-topic", "--topic-arn", topic).path("Subscriptions")).isEmpty();
            triggers.delete(rate);
            assertThat(cli.call("events", "list-targets-by-rule", "--rule", "every5").path("Targets")).isEmpty();
            assertThat(cli.call("events", "describe-rule", "--name", "every5").get("Name").asText()).isEqualTo("every5");
            triggers.delete(api);
            assertThat(cli.call("apigatewayv2", "get-routes", "--api-id", apiId).path("Items")).isEmpty();
            assertThat(cli.call("apigatewayv2", "get-api", "--api-id", apiId).get("Name").asText()).isEqualTo("shop");
            triggers.delete(functionUrl);
            triggers.delete(logs);
            assertThat(cli.call("logs", "describe-subscription-filters", "--log-group-name", "/aws/lambda/producer")
                    .path("subscriptionFilters")).isEmpty();
            triggers.delete(only(fn, TriggerKind.SQS));
            await().atMost(Duration.ofSeconds(10)).until(() -> triggers.triggersOf(fn).stream()
                    .map(Trigger::kind).toList().equals(List.of(TriggerKind.EVENTBRIDGE_RULE)));
        }
    }

    @Test
    void restMethodsAndTheNewestDeliveryOfAMapping() throws Exception {
        FunctionTriggers triggers = simulators.triggers();
        String fn = "worker";
        cli.create(fn, "python3.12", "lambda_function.lambda_handler", CODE);
        cli.lambda("update-function-configuration", "--function-name", fn, "--environment",
                "Variables={OUT=" + files.resolve(fn + ".jsonl") + "}");
        String apiId = cli.call("apigateway", "create-rest-api", "--name", "legacy").get("id").asText();
        String root = cli.call("apigateway", "get-resources", "--rest-api-id", apiId).at("/items/0/id").asText();
        String items = cli.call("apigateway", "create-resource", "--rest-api-id", apiId, "--parent-id", root,
                "--path-part", "items").get("id").asText();
        for (String verb : List.of("GET", "POST")) {
            cli.call("apigateway", "put-method", "--rest-api-id", apiId, "--resource-id", items, "--http-method", verb,
                    "--authorization-type", "NONE");
            cli.call("apigateway", "put-integration", "--rest-api-id", apiId, "--resource-id", items, "--http-method",
                    verb, "--type", "AWS_PROXY", "--integration-http-method", "POST", "--uri",
                    "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + arn(fn) + "/invocations");
        }
        List<Trigger> rest = simulators.triggers().triggersOf(fn);
        assertThat(rest).extracting(Trigger::details).allMatch(d -> d.contains("REST API"))
                .anyMatch(d -> d.startsWith("GET /items")).anyMatch(d -> d.startsWith("POST /items"));
        triggers.delete(rest.stream().filter(t -> t.details().startsWith("GET")).findFirst().orElseThrow());
        assertThat(triggers.triggersOf(fn)).extracting(Trigger::details).singleElement().asString().startsWith("POST /items");

        String queueUrl = cli.call("sqs", "create-queue", "--queue-name", "work").get("QueueUrl").asText();
        String queueArn = cli.call("sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names",
                "QueueArn").at("/Attributes/QueueArn").asText();
        cli.lambda("create-event-source-mapping", "--function-name", fn, "--event-source-arn", queueArn,
                "--function-response-types", "ReportBatchItemFailures");
        Trigger sqs = only(fn, TriggerKind.SQS);
        assertThat(triggers.lastResult(sqs)).isEmpty();
        cli.call("sqs", "send-message", "--queue-url", queueUrl, "--message-body", "please fail");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(triggers.lastResult(sqs))
                .hasValueSatisfying(r -> {
                    assertThat(r.outcome()).isEqualTo("Partial (1 failed)");
                    assertThat(r.ok()).isFalse();
                }));
    }

    @Test
    void qualifiedTargetsCountAndOtherFunctionsDoNot() {
        assertThat(FunctionTriggers.invokes("arn:aws:lambda:us-east-1:000000000000:function:a", "a")).isTrue();
        assertThat(FunctionTriggers.invokes("arn:aws:lambda:us-east-1:000000000000:function:a:live", "a")).isTrue();
        assertThat(FunctionTriggers.invokes("a", "a")).isTrue();
        assertThat(FunctionTriggers.invokes("arn:aws:lambda:us-east-1:000000000000:function:ab", "a")).isFalse();
        assertThat(FunctionTriggers.invokes("arn:aws:sqs:us-east-1:000000000000:a", "a")).isFalse();
        assertThat(FunctionTriggers.invokes(null, "a")).isFalse();
    }
}
