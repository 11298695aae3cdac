package dev.lambdaconsole.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The SDK for Java v2's SnsClient (Query protocol) and EventBridgeClient (JSON 1.1) against a real `serve`; topics,
 * subscriptions, rules and targets survive a restart of serve (SIGKILL) and keep delivering.
 */
class NotificationsSdkTest {
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

    static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C client(B builder) throws Exception {
        return builder.endpointOverride(URI.create(serve.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static List<Message> receive(SqsClient sqs, String url, int n) {
        List<Message> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            got.addAll(sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(2).maxNumberOfMessages(10)
                    .messageAttributeNames("All")).messages());
            assertThat(got).hasSize(n);
        });
        return got;
    }

    @Test
    void snsAndEventBridgeThroughTheSdkAndAcrossARestart() throws Exception {
        String topicArn;
        String queueUrl;
        try (SnsClient sns = client(SnsClient.builder()); SqsClient sqs = client(SqsClient.builder());
             EventBridgeClient events = client(EventBridgeClient.builder())) {
            topicArn = sns.createTopic(r -> r.name("sdk-topic")).topicArn();
            queueUrl = sqs.createQueue(r -> r.queueName("sdk-queue")).queueUrl();
            String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                    .attributesAsStrings().get("QueueArn");
            sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")).returnSubscriptionArn(true));
            String id = sns.publish(r -> r.topicArn(topicArn).message("hello").messageAttributes(Map.of(
                    "n", MessageAttributeValue.builder().dataType("Number").stringValue("42").build(),
                    "b", MessageAttributeValue.builder().dataType("Binary")
                            .binaryValue(SdkBytes.fromString("bytes", StandardCharsets.UTF_8)).build(),
                    "tags", MessageAttributeValue.builder().dataType("String.Array").stringValue("[\"a\",\"b\"]").build())))
                    .messageId();
            assertThat(id).matches("[0-9a-f-]{36}");
            Message m = receive(sqs, queueUrl, 1).get(0);
            assertThat(m.body()).isEqualTo("hello");
            assertThat(m.messageAttributes().get("n").stringValue()).isEqualTo("42");
            assertThat(m.messageAttributes().get("n").dataType()).isEqualTo("Number");
            assertThat(m.messageAttributes().get("b").binaryValue().asUtf8String()).isEqualTo("bytes");
            sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));

            PublishBatchResponse batch = sns.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                    e -> e.id("a").message("one"), e -> e.id("b").message("two").messageAttributes(Map.of("x",
                            MessageAttributeValue.builder().dataType("Colour").stringValue("red").build()))));
            assertThat(batch.successful()).extracting(s -> s.id()).containsExactly("a");
            assertThat(batch.failed()).hasSize(1);
            assertThat(batch.failed().get(0).code()).isEqualTo("ParameterValueInvalid");
            assertThat(batch.failed().get(0).senderFault()).isTrue();
            receive(sqs, queueUrl, 1).forEach(x -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(x.receiptHandle())));
            assertThatThrownBy(() -> sns.getTopicAttributes(r -> r.topicArn(topicArn + "-none")))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
                    });

            events.putRule(r -> r.name("sdk-rule").eventPattern("{\"source\":[\"sdk\"],\"detail\":{\"n\":[{\"numeric\":[\">=\",10]}]}}"));
            events.putTargets(r -> r.rule("sdk-rule").targets(t -> t.id("q").arn(queueArn)
                    .inputTransformer(x -> x.inputPathsMap(Map.of("n", "$.detail.n")).inputTemplate("\"n is <n>\""))));
            PutEventsResponse put = events.putEvents(r -> r.entries(
                    e -> e.source("sdk").detailType("t").detail("{\"n\":5}"),
                    e -> e.source("sdk").detailType("t").detail("{\"n\":12}"),
                    e -> e.source("sdk").detailType("t")));
            assertThat(put.failedEntryCount()).isEqualTo(1);
            assertThat(put.entries().get(2).errorCode()).isEqualTo("InvalidArgument");
            assertThat(put.entries().get(2).errorMessage())
                    .isEqualTo("Parameter Detail is not valid. Reason: Detail is a required argument.");
            Message transformed = receive(sqs, queueUrl, 1).get(0);
            assertThat(transformed.body()).isEqualTo("\"n is 12\"");
            sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(transformed.receiptHandle()));
            assertThatThrownBy(() -> events.describeRule(r -> r.name("nope")))
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Rule nope does not exist on EventBus default.");
        }

        // serve is killed and started again on the same workspace: topics, subscriptions, rules and targets remain
        serve.close();
        serve.process.waitFor();
        serve = new ServeProcess(workspace);
        AwsCli cli = AwsCli.version(1, files).endpoint(serve.url());
        assertThat(cli.call("sns", "list-topics").get("Topics")).extracting(t -> t.get("TopicArn").asText())
                .containsExactly(topicArn);
        assertThat(cli.call("events", "describe-rule", "--name", "sdk-rule").get("State").asText()).isEqualTo("ENABLED");
        cli.call("sns", "publish", "--topic-arn", topicArn, "--message", "after restart");
        cli.call("events", "put-events", "--entries", "[{\"Source\":\"sdk\",\"DetailType\":\"t\",\"Detail\":\"{\\\"n\\\":99}\"}]");
        try (SqsClient sqs = client(SqsClient.builder())) {
            assertThat(receive(sqs, queueUrl, 2)).extracting(Message::body).containsExactlyInAnyOrder("after restart", "\"n is 99\"");
        }
        JsonNode stored = Json.MAPPER.readTree(workspace.resolve(".lambda-console/services/sns/topics.json").toFile());
        assertThat(stored.get("subscriptions")).hasSize(1);
    }
}
