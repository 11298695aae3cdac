package dev.lambdaconsole.simulators.mappings;

import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The SDK for Java v2: a user's program sends to a queue with SqsClient and manages the mapping with LambdaClient. */
class MappingSdkTest {
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;
    static LambdaClient lambda;
    static SqsClient sqs;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
        URI endpoint = URI.create(serve.url());
        StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"));
        lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds).build();
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(creds).build();
    }

    @AfterAll
    static void stop() {
        if (lambda != null) lambda.close();
        if (sqs != null) sqs.close();
        if (serve != null) serve.close();
    }

    @Test
    void aProgramSendsAndTheMappingDelivers() throws Exception {
        Path out = files.resolve("sdk.jsonl");
        MappingFixture.createFunction(AwsCli.version(1, files).endpoint(serve.url()), "sdk", out);
        String url = sqs.createQueue(b -> b.queueName("sdk-jobs")).queueUrl();
        assertThat(url).startsWith(serve.url());
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);

        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("sdk").eventSourceArn(arn)
                .batchSize(50))).isInstanceOf(InvalidParameterValueException.class);
        var created = lambda.createEventSourceMapping(b -> b.functionName("sdk")
                .eventSourceArn(arn).batchSize(5).maximumBatchingWindowInSeconds(2)
                .scalingConfig(s -> s.maximumConcurrency(2)));
        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.scalingConfig().maximumConcurrency()).isEqualTo(2);
        assertThat(created.eventSourceMappingArn()).startsWith("arn:aws:lambda:us-east-1:")
                .endsWith(":event-source-mapping:" + created.uuid());
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.functionName("sdk").eventSourceArn(arn)))
                .isInstanceOf(ResourceConflictException.class);

        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("job " + i).build());
        sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(MappingFixture.payloads(out)).containsExactlyInAnyOrder("job 0", "job 1", "job 2", "job 3", "job 4"));
        assertThat(MappingFixture.received(out)).extracting(n -> n.get("request").asText()).hasSizeLessThanOrEqualTo(5);
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Enabled");
        assertThat(lambda.listEventSourceMappings(b -> b.functionName("sdk")).eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid).containsExactly(created.uuid());
        assertThat(lambda.deleteEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Deleting");
    }
}
