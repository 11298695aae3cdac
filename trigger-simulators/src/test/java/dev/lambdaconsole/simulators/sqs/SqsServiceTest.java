package dev.lambdaconsole.simulators.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SqsAccess} in process: operations, queue lookup by ARN, errors, and the store across a restart. */
class SqsServiceTest {
    static final String ENDPOINT = "http://127.0.0.1:4566";
    static final String ACCOUNT = "123456789012";
    @TempDir Path state;

    ServiceContext context() {
        return new ServiceContext(null, null, null, state, () -> ENDPOINT, "eu-west-1", ACCOUNT);
    }

    static ObjectNode createQueue(String name, String... attributes) {
        ObjectNode request = Json.object().put("QueueName", name);
        ObjectNode attrs = request.putObject("Attributes");
        for (int i = 0; i < attributes.length; i += 2) attrs.put(attributes[i], attributes[i + 1]);
        return request;
    }

    @Test
    void callAnswersInTheJsonProtocolWithUrlsOnTheEndpointAndArnsInTheRegion() {
        try (SqsService sqs = SqsService.start(context())) {
            SqsAccess access = sqs.access();
            String url = access.call("CreateQueue", createQueue("orders", "VisibilityTimeout", "45"))
                    .get("QueueUrl").asText();
            assertThat(url).isEqualTo(ENDPOINT + "/" + ACCOUNT + "/orders");
            ObjectNode get = Json.object().put("QueueUrl", url);
            get.putArray("AttributeNames").add("All");
            JsonNode attributes = access.call("GetQueueAttributes", get).get("Attributes");
            assertThat(attributes.get("QueueArn").asText()).isEqualTo("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":orders");

            access.call("SendMessage", Json.object().put("QueueUrl", url).put("MessageBody", "hello"));
            ObjectNode receive = Json.object().put("QueueUrl", url).put("WaitTimeSeconds", 1).put("MaxNumberOfMessages", 10);
            receive.putArray("MessageSystemAttributeNames").add("All");
            JsonNode messages = access.call("ReceiveMessage", receive).get("Messages");
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).get("Body").asText()).isEqualTo("hello");
            assertThat(messages.get(0).at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("1");
        }
    }

    @Test
    void queueResolvesAnArnToUrlTypeAndVisibilityTimeout() {
        try (SqsService sqs = SqsService.start(context())) {
            sqs.call("CreateQueue", createQueue("plain", "VisibilityTimeout", "45"));
            sqs.call("CreateQueue", createQueue("ordered.fifo", "FifoQueue", "true"));
            String arn = "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":";
            assertThat(sqs.queue(arn + "plain")).contains(new SqsAccess.QueueRef(arn + "plain", "plain",
                    ENDPOINT + "/" + ACCOUNT + "/plain", false, 45));
            assertThat(sqs.queue(arn + "ordered.fifo")).hasValueSatisfying(q -> {
                assertThat(q.fifo()).isTrue();
                assertThat(q.visibilityTimeoutSeconds()).isEqualTo(30);
                assertThat(q.url()).isEqualTo(ENDPOINT + "/" + ACCOUNT + "/ordered.fifo");
            });
            assertThat(sqs.queue(arn + "missing")).isEmpty();
            assertThat(sqs.queue("arn:aws:sqs:eu-west-1:210987654321:plain")).as("another account").isEmpty();
            assertThat(sqs.queue("arn:aws:sqs:us-east-1:" + ACCOUNT + ":plain")).as("another region").isEmpty();
            assertThat(sqs.queue("not-an-arn")).isEmpty();
        }
    }

    @Test
    void errorsCarrySqsCodesAndStatus() {
        try (SqsService sqs = SqsService.start(context())) {
            assertThatThrownBy(() -> sqs.call("SendMessage", Json.object()
                    .put("QueueUrl", ENDPOINT + "/" + ACCOUNT + "/missing").put("MessageBody", "x")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.code()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).isEqualTo("The specified queue does not exist.");
                    });
        }
    }

    @Test
    void queuesAndMessagesSurviveARestartInTheStateFolder() {
        String url;
        try (SqsService sqs = SqsService.start(context())) {
            sqs.call("CreateQueue", createQueue("dlq"));
            url = sqs.call("CreateQueue", createQueue("kept", "RedrivePolicy",
                    "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:" + ACCOUNT + ":dlq\",\"maxReceiveCount\":\"3\"}"))
                    .get("QueueUrl").asText();
            sqs.call("SendMessage", Json.object().put("QueueUrl", url).put("MessageBody", "still here"));
        }
        assertThat(state.resolve(SqsService.DATABASE)).isRegularFile();
        try (SqsService sqs = SqsService.start(context())) {
            ObjectNode get = Json.object().put("QueueUrl", url);
            get.putArray("AttributeNames").add("All");
            JsonNode attributes = sqs.call("GetQueueAttributes", get).get("Attributes");
            assertThat(Json.MAPPER.readTree(attributes.get("RedrivePolicy").asText()).get("deadLetterTargetArn").asText())
                    .isEqualTo("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":dlq");
            JsonNode messages = sqs.call("ReceiveMessage", Json.object().put("QueueUrl", url).put("WaitTimeSeconds", 2))
                    .get("Messages");
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).get("Body").asText()).isEqualTo("still here");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aStoppedServiceAnswersServiceUnavailable() throws Exception {
        SqsService sqs = SqsService.start(context());
        sqs.close();
        assertThatThrownBy(() -> sqs.call("ListQueues", Json.object()))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("ServiceUnavailable");
                    assertThat(e.status()).isEqualTo(503);
                });
        assertThat(Files.exists(state.resolve(SqsService.DATABASE))).isTrue();
    }

    @Test
    void aSecondServiceInTheSameProcessWorksInMemoryAndLeavesTheFirstOnesStoreAlone(@TempDir Path other)
            throws Exception {
        try (SqsService first = SqsService.start(context())) {
            try (SqsService second = SqsService.start(new ServiceContext(null, null, null, other, () -> ENDPOINT,
                    "eu-west-1", ACCOUNT))) {
                second.call("CreateQueue", createQueue("in-memory"));
                assertThat(second.queue("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":in-memory")).isPresent();
                assertThat(first.queue("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":in-memory")).isEmpty();
            }
            first.call("CreateQueue", createQueue("stored"));
        }
        assertThat(other.resolve(SqsService.DATABASE)).doesNotExist();
        try (SqsService again = SqsService.start(context())) {
            assertThat(again.queue("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":stored")).isPresent();
            assertThat(again.queue("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":in-memory")).isEmpty();
        }
    }
}
