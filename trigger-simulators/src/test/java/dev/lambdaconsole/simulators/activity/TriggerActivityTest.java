package dev.lambdaconsole.simulators.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.simulators.SimulatorServices;
import dev.lambdaconsole.simulators.sqs.SqsAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trigger's activity on a real engine (process backend) with the simulators: an SQS mapping whose function fails
 * one message of a batch shows the partial failure with that message's id, then its retry at the queue's
 * maxReceiveCount as sent to the dead-letter queue (where SQS then moves it); a push delivery is listed queued and
 * then, under the same key, successful.
 */
class TriggerActivityTest {
    @TempDir Path workspace;
    final SimulatorServices simulators = new SimulatorServices();
    LocalRuntime runtime;
    SqsAccess sqs;

    @BeforeEach
    void start() {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace).withBackend("process")
                .withPort(0).withServices(List.of(simulators)));
        runtime.workspace().create(FunctionConfig.builder("worker").runtime("python3.12")
                .handler("app.handler").timeout(2).build(), CodeSource.files(Map.of("app.py", """
                def handler(event, context):
                    records = event.get("Records", [])
                    failed = [{"itemIdentifier": r["messageId"]} for r in records if "fail" in r.get("body", "")]
                    return {"batchItemFailures": failed} if records else event
                """)));
        sqs = simulators.sqs().orElseThrow();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private String createQueue(String name, Map<String, String> attributes) {
        ObjectNode req = Json.object().put("QueueName", name);
        ObjectNode a = req.putObject("Attributes");
        attributes.forEach(a::put);
        String url = sqs.call("CreateQueue", req).path("QueueUrl").asText();
        ObjectNode get = Json.object().put("QueueUrl", url);
        get.putArray("AttributeNames").add("QueueArn");
        return sqs.call("GetQueueAttributes", get).path("Attributes").path("QueueArn").asText();
    }

    private String send(String queueArn, String body) {
        String url = sqs.queue(queueArn).orElseThrow().url();
        return sqs.call("SendMessage", Json.object().put("QueueUrl", url).put("MessageBody", body))
                .path("MessageId").asText();
    }

    @Test
    void aPartialFailureNamesTheFailedMessageAndItsLastReceiveGoesToTheDeadLetterQueue() throws Exception {
        String dlq = createQueue("orders-dlq", Map.of());
        String queue = createQueue("orders", Map.of("VisibilityTimeout", "2",
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlq + "\",\"maxReceiveCount\":\"2\"}"));
        TriggerActivity activity = simulators.activity();
        List<ActivityEntry> live = new CopyOnWriteArrayList<>();
        try (AutoCloseable sub = activity.subscribe("worker", queue, live::add)) {
            String a = send(queue, "one");
            String failing = send(queue, "please fail");
            String c = send(queue, "three");
            ObjectNode mapping = Json.object().put("EventSourceArn", queue).put("FunctionName", "worker")
                    .put("BatchSize", 10).put("MaximumBatchingWindowInSeconds", 1);
            mapping.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
            simulators.mappings().orElseThrow().create(mapping);

            await().atMost(Duration.ofSeconds(40)).until(() -> live.stream()
                    .anyMatch(e -> e.result() == ActivityResult.SENT_TO_DLQ));
            List<ActivityEntry> entries = activity.recent("worker", queue, 50);
            ActivityEntry first = entries.get(entries.size() - 1);
            assertThat(first.result()).isEqualTo(ActivityResult.PARTIAL_FAILURE);
            assertThat(first.batchSize()).isEqualTo(3);
            assertThat(first.records()).containsExactlyInAnyOrder(a, failing, c);
            assertThat(first.failedItems()).containsExactly(failing);
            assertThat(first.requestId()).isNotBlank();
            assertThat(first.attempts()).isEqualTo(1);
            ActivityEntry last = entries.get(0);
            assertThat(last.result()).isEqualTo(ActivityResult.SENT_TO_DLQ);
            assertThat(last.records()).containsExactly(failing);
            assertThat(last.attempts()).isEqualTo(2);
            assertThat(last.retries()).isEqualTo(1);
            assertThat(last.destination()).isEqualTo(dlq);
            assertThat(last.detail()).contains("maxReceiveCount 2").contains(dlq);
            assertThat(live).extracting(ActivityEntry::key).doesNotHaveDuplicates();

            // what the entry announced: SQS (ElasticMQ) moves the message once its visibility timeout ends
            String dlqUrl = sqs.queue(dlq).orElseThrow().url();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode got = sqs.call("ReceiveMessage", Json.object().put("QueueUrl", dlqUrl)
                        .put("WaitTimeSeconds", 1));
                for (JsonNode m : got.path("Messages")) if (m.path("Body").asText().equals("please fail")) return true;
                return false;
            });
        }
    }

    @Test
    void aQueuedPushDeliveryBecomesASuccessUnderTheSameKey() throws Exception {
        TriggerActivity activity = simulators.activity();
        String bucket = "arn:aws:s3:::photos";
        List<ActivityEntry> live = new CopyOnWriteArrayList<>();
        try (AutoCloseable sub = activity.subscribe("worker", bucket, live::add)) {
            simulators.push().invokeAsync("s3", bucket, "worker", "{\"n\": 1}".getBytes(StandardCharsets.UTF_8));
            simulators.push().invokeAsync("s3", "arn:aws:s3:::other", "worker", "{}".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(30)).until(() -> live.stream()
                    .anyMatch(e -> e.result() == ActivityResult.SUCCESS));
        }
        assertThat(live).extracting(ActivityEntry::result).containsExactly(ActivityResult.QUEUED, ActivityResult.SUCCESS);
        assertThat(live.get(0).key()).isEqualTo(live.get(1).key());
        List<ActivityEntry> recent = activity.recent("worker", bucket, 10);
        assertThat(recent).hasSize(1);
        assertThat(recent.get(0).result()).isEqualTo(ActivityResult.SUCCESS);
        assertThat(recent.get(0).event()).isEqualTo("{\"n\": 1}");
        assertThat(recent.get(0).source()).isEqualTo("s3");
        assertThat(activity.recent("nobody", bucket, 10)).isEmpty();
    }
}
