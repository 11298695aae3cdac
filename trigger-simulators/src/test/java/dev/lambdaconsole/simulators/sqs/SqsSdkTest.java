package dev.lambdaconsole.simulators.sqs;

import dev.lambdaconsole.runtime.serve.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQS on a real `serve` through the AWS SDK for Java v2 (JSON protocol, its MD5 checks on). */
class SqsSdkTest {
    @TempDir static Path workspace;
    static ServeProcess serve;
    static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
        sqs = SqsClient.builder().endpointOverride(URI.create(serve.url())).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"))).build();
    }

    @AfterAll
    static void stop() {
        if (sqs != null) sqs.close();
        if (serve != null) serve.close();
    }

    @Test
    void sendReceiveDeleteWithAttributesAndLongPolling() throws Exception {
        String url = sqs.createQueue(b -> b.queueName("sdk-plain")).queueUrl();
        assertThat(url).isEqualTo(serve.url() + "/000000000000/sdk-plain");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("from the sdk").delaySeconds(1).messageAttributes(Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("test").build())));
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(10).visibilityTimeout(1)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).body()).isEqualTo("from the sdk");
        assertThat(messages.get(0).messageAttributes().get("kind").stringValue()).isEqualTo("test");
        List<Message> again = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("2");
        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(again.get(0).receiptHandle()));
        assertThat(sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes())
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")
                .containsEntry(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:000000000000:sdk-plain");
    }

    @Test
    void fifoBatchKeepsOrder() {
        String url = sqs.createQueue(b -> b.queueName("sdk-orders.fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                        QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
        assertThat(sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("1").messageBody("first").messageGroupId("g").build(),
                SendMessageBatchRequestEntry.builder().id("2").messageBody("second").messageGroupId("g").build(),
                SendMessageBatchRequestEntry.builder().id("3").messageBody("first").messageGroupId("g").build()))
                .successful()).hasSize(3);
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(2))
                .messages();
        assertThat(messages).extracting(Message::body).as("content-based deduplication drops the third")
                .containsExactly("first", "second");
    }

    @Test
    void aMissingQueueIsQueueDoesNotExist() {
        assertThatThrownBy(() -> sqs.getQueueUrl(b -> b.queueName("sdk-nowhere")))
                .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
                });
    }
}
