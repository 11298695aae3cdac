package dev.lambdaconsole.simulators.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asynchronous invocation destinations on the local SQS, with the real AWS CLI v1 and v2 against `serve`: an
 * event that fails goes to the OnFailure queue and one that succeeds to the OnSuccess queue, each as Lambda's
 * invocation record (condition, request payload, response); a topic gets the record as its message and an event
 * bus as the detail of a "Lambda Function Invocation Result" event.
 */
class AsyncDestinationCliTest {
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
        Path code = files.resolve("code");
        Files.createDirectories(code);
        Files.writeString(code.resolve("lambda_function.py"),
                "def lambda_handler(event, context):\n    if event.get('fail'):\n        raise ValueError('asked to fail')\n"
                        + "    return {'echo': event}\n");
        AwsCli cli = AwsCli.version(2, files).endpoint(serve.url());
        cli.create("dest", "python3.12", "lambda_function.lambda_handler", code);
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void outcomesGoToTheirQueues(int major) throws Exception {
        AwsCli cli = AwsCli.version(major, files).endpoint(serve.url());
        String ok = cli.call("sqs", "create-queue", "--queue-name", "ok-v" + major).get("QueueUrl").asText();
        String failed = cli.call("sqs", "create-queue", "--queue-name", "failed-v" + major).get("QueueUrl").asText();
        String arn = "arn:aws:sqs:us-east-1:000000000000:";
        cli.lambda("put-function-event-invoke-config", "--function-name", "dest", "--maximum-retry-attempts", "0",
                "--destination-config", "{\"OnSuccess\":{\"Destination\":\"" + arn + "ok-v" + major
                        + "\"},\"OnFailure\":{\"Destination\":\"" + arn + "failed-v" + major + "\"}}");

        cli.invoke("dest", "{\"fail\":true,\"n\":" + major + "}", "--invocation-type", "Event");
        JsonNode failure = await().atMost(Duration.ofSeconds(20)).until(() -> receive(cli, failed), m -> m != null);
        assertThat(failure.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(failure.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(failure.at("/requestContext/functionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:dest:$LATEST");
        assertThat(failure.at("/requestPayload/n").asInt()).isEqualTo(major);
        assertThat(failure.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(failure.at("/responsePayload/errorMessage").asText()).isEqualTo("asked to fail");

        cli.invoke("dest", "{\"n\":" + major + "}", "--invocation-type", "Event");
        JsonNode success = await().atMost(Duration.ofSeconds(20)).until(() -> receive(cli, ok), m -> m != null);
        assertThat(success.at("/requestContext/condition").asText()).isEqualTo("Success");
        assertThat(success.at("/responsePayload/echo/n").asInt()).isEqualTo(major);
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void outcomesGoToATopicAndAnEventBus(int major) throws Exception {
        AwsCli cli = AwsCli.version(major, files).endpoint(serve.url());
        String arn = "arn:aws:sqs:us-east-1:000000000000:";
        String fromTopic = cli.call("sqs", "create-queue", "--queue-name", "from-topic-v" + major).get("QueueUrl").asText();
        String fromBus = cli.call("sqs", "create-queue", "--queue-name", "from-bus-v" + major).get("QueueUrl").asText();
        String topic = cli.call("sns", "create-topic", "--name", "failures-v" + major).get("TopicArn").asText();
        cli.call("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint",
                arn + "from-topic-v" + major, "--attributes", "{\"RawMessageDelivery\":\"true\"}");
        cli.call("events", "put-rule", "--name", "results-v" + major, "--event-pattern",
                "{\"source\":[\"lambda\"],\"detail\":{\"requestPayload\":{\"n\":[" + major + "]}}}");
        cli.call("events", "put-targets", "--rule", "results-v" + major, "--targets",
                "Id=q,Arn=" + arn + "from-bus-v" + major);
        cli.lambda("put-function-event-invoke-config", "--function-name", "dest", "--maximum-retry-attempts", "0",
                "--destination-config", "{\"OnSuccess\":{\"Destination\":\"arn:aws:events:us-east-1:000000000000:"
                        + "event-bus/default\"},\"OnFailure\":{\"Destination\":\"" + topic + "\"}}");

        cli.invoke("dest", "{\"fail\":true,\"n\":" + major + "}", "--invocation-type", "Event");
        JsonNode failure = await().atMost(Duration.ofSeconds(20)).until(() -> receive(cli, fromTopic), m -> m != null);
        assertThat(failure.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(failure.at("/requestPayload/n").asInt()).isEqualTo(major);

        cli.invoke("dest", "{\"n\":" + major + "}", "--invocation-type", "Event");
        JsonNode event = await().atMost(Duration.ofSeconds(20)).until(() -> receive(cli, fromBus), m -> m != null);
        assertThat(event.get("source").asText()).isEqualTo("lambda");
        assertThat(event.get("detail-type").asText()).isEqualTo("Lambda Function Invocation Result - Success");
        assertThat(event.at("/detail/requestContext/condition").asText()).isEqualTo("Success");
        assertThat(event.at("/detail/responsePayload/echo/n").asInt()).isEqualTo(major);
    }

    static JsonNode receive(AwsCli cli, String url) throws Exception {
        JsonNode messages = cli.call("sqs", "receive-message", "--queue-url", url, "--wait-time-seconds", "2")
                .path("Messages");
        if (!messages.isArray() || messages.isEmpty()) return null;
        return Json.MAPPER.readTree(messages.get(0).get("Body").asText());
    }
}
