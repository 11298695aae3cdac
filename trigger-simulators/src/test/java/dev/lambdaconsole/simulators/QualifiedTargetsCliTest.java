package dev.lambdaconsole.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.apigateway.Curl;
import dev.lambdaconsole.simulators.apigateway.HttpFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Triggers that target a version or an alias ARN invoke that qualifier, through a real `serve` and the AWS CLI: an
 * SQS event source mapping on an alias, an EventBridge target on a version ARN, an HTTP API integration on an alias
 * ARN and a Function URL on an alias.
 */
class QualifiedTargetsCliTest {
    static final Path BATCH = Path.of("src/test/resources/functions/batch").toAbsolutePath();
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;
    static AwsCli cli;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
        cli = new AwsCli(files).endpoint(serve.url());
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    static List<String> lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** The batch recorder with version 1 writing to {@code one} and $LATEST to {@code latest}; alias live → 1. */
    static void recorder(String name, Path one, Path latest) throws Exception {
        cli.create(name, "python3.12", "lambda_function.lambda_handler", BATCH);
        cli.lambda("update-function-configuration", "--function-name", name, "--environment", "Variables={OUT=" + one + "}");
        assertThat(cli.lambda("publish-version", "--function-name", name).get("Version").asText()).isEqualTo("1");
        cli.lambda("update-function-configuration", "--function-name", name, "--environment",
                "Variables={OUT=" + latest + "}");
        cli.lambda("create-alias", "--function-name", name, "--name", "live", "--function-version", "1");
    }

    @Test
    void anSqsMappingOnAnAliasInvokesTheAliasVersion() throws Exception {
        Path one = files.resolve("sqs-one.jsonl");
        Path latest = files.resolve("sqs-latest.jsonl");
        recorder("queued", one, latest);
        String url = cli.call("sqs", "create-queue", "--queue-name", "aliased").get("QueueUrl").asText();
        String queueArn = cli.call("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn")
                .at("/Attributes/QueueArn").asText();
        JsonNode mapping = cli.lambda("create-event-source-mapping", "--function-name", "queued:live",
                "--event-source-arn", queueArn, "--batch-size", "1");
        assertThat(mapping.get("FunctionArn").asText()).endsWith(":function:queued:live");
        assertThat(cli.fails("lambda", "create-event-source-mapping", "--function-name", "queued:nope",
                "--event-source-arn", queueArn)).contains("ResourceNotFoundException");
        cli.call("sqs", "send-message", "--queue-url", url, "--message-body", "to the alias");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lines(one)).hasSize(1));
        assertThat(Json.MAPPER.readTree(lines(one).get(0)).get("payload").asText()).isEqualTo("to the alias");
        assertThat(lines(latest)).as("$LATEST was not invoked").isEmpty();
    }

    @Test
    void anEventBridgeTargetOnAVersionArnInvokesThatVersion() throws Exception {
        Path one = files.resolve("events-one.jsonl");
        Path latest = files.resolve("events-latest.jsonl");
        recorder("scheduled", one, latest);
        String versionArn = cli.lambda("get-function-configuration", "--function-name", "scheduled", "--qualifier", "1")
                .get("FunctionArn").asText();
        assertThat(versionArn).endsWith(":function:scheduled:1");
        cli.call("events", "put-rule", "--name", "to-version", "--event-pattern", "{\"source\":[\"qualified.test\"]}");
        cli.call("events", "put-targets", "--rule", "to-version", "--targets", "[{\"Id\":\"v1\",\"Arn\":\"" + versionArn
                + "\",\"Input\":\"{\\\"Records\\\":[{\\\"eventSource\\\":\\\"aws:sqs\\\",\\\"messageId\\\":\\\"m\\\","
                + "\\\"body\\\":\\\"from a rule\\\"}]}\"}]");
        cli.call("events", "put-events", "--entries",
                "[{\"Source\":\"qualified.test\",\"DetailType\":\"t\",\"Detail\":\"{}\"}]");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(lines(one)).hasSize(1));
        assertThat(lines(latest)).isEmpty();
    }

    @Test
    void anHttpApiIntegrationOnAnAliasArnInvokesTheAliasVersion() throws Exception {
        HttpFixture.web(cli, "backend");
        cli.lambda("publish-version", "--function-name", "backend");
        String aliasArn = cli.lambda("create-alias", "--function-name", "backend", "--name", "live",
                "--function-version", "1").get("AliasArn").asText();
        JsonNode api = cli.call("apigatewayv2", "create-api", "--name", "aliased", "--protocol-type", "HTTP",
                "--target", aliasArn);
        Curl.Reply reply = Curl.call(api.get("ApiEndpoint").asText() + "/items");
        assertThat(reply.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode found = cli.call("logs", "filter-log-events", "--log-group-name", "/aws/lambda/backend",
                    "--filter-pattern", "\"Version: 1\"");
            assertThat(found.get("events")).hasSize(1);
            assertThat(found.get("events").get(0).get("logStreamName").asText()).contains("/[1]");
        });
    }

    @Test
    void aFunctionUrlOnAnAliasInvokesTheAliasVersion() throws Exception {
        HttpFixture.web(cli, "site");
        cli.lambda("publish-version", "--function-name", "site");
        cli.lambda("create-alias", "--function-name", "site", "--name", "live", "--function-version", "1");
        assertThat(cli.fails("lambda", "create-function-url-config", "--function-name", "site", "--qualifier", "1",
                "--auth-type", "NONE")).contains("ValidationException");
        JsonNode created = cli.lambda("create-function-url-config", "--function-name", "site", "--qualifier", "live",
                "--auth-type", "NONE");
        assertThat(created.get("FunctionArn").asText()).endsWith(":function:site:live");
        JsonNode unqualified = cli.lambda("create-function-url-config", "--function-name", "site", "--auth-type", "NONE");
        assertThat(unqualified.get("FunctionUrl").asText()).isNotEqualTo(created.get("FunctionUrl").asText());
        assertThat(cli.lambda("get-function-url-config", "--function-name", "site", "--qualifier", "live")
                .get("FunctionUrl").asText()).isEqualTo(created.get("FunctionUrl").asText());
        assertThat(cli.lambda("list-function-url-configs", "--function-name", "site").get("FunctionUrlConfigs"))
                .hasSize(2);

        Curl.Reply reply = Curl.call(created.get("FunctionUrl").asText() + "hello");
        assertThat(reply.status()).isEqualTo(201);
        String requestId = reply.header("x-amzn-RequestId");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode found = cli.call("logs", "filter-log-events", "--log-group-name", "/aws/lambda/site",
                    "--filter-pattern", "\"START RequestId: " + requestId + "\"");
            List<String> streams = new ArrayList<>();
            found.get("events").forEach(e -> streams.add(e.get("logStreamName").asText()));
            assertThat(streams).singleElement().satisfies(s -> assertThat(s).contains("/[1]"));
            assertThat(found.get("events").get(0).get("message").asText()).contains("Version: 1");
        });

        cli.lambda("delete-alias", "--function-name", "site", "--name", "live");
        assertThat(cli.lambda("list-function-url-configs", "--function-name", "site").get("FunctionUrlConfigs"))
                .as("the alias's URL went with it").singleElement()
                .satisfies(c -> assertThat(c.get("FunctionArn").asText()).endsWith(":function:site"));
        cli.lambda("create-alias", "--function-name", "site", "--name", "live", "--function-version", "1");
        assertThat(cli.fails("lambda", "get-function-url-config", "--function-name", "site", "--qualifier", "live"))
                .contains("ResourceNotFoundException");
    }
}
