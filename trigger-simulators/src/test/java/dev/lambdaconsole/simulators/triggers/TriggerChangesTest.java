package dev.lambdaconsole.simulators.triggers;

import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Which answered requests count as trigger changes, and a burst of changes told once. */
class TriggerChangesTest {
    static ServiceRequest request(String method, String path, String query, String target, String body) {
        Map<String, List<String>> headers = target == null ? Map.of() : Map.of("X-Amz-Target", List.of(target));
        return new ServiceRequest(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8), "r");
    }

    @Test
    void controlPlaneWritesCountAndDataPlaneCallsDoNot() {
        assertThat(TriggerChanges.changesTriggers("lambda event source mappings",
                request("POST", "/2015-03-31/event-source-mappings/", null, null, "{}"), 202)).isTrue();
        assertThat(TriggerChanges.changesTriggers("lambda event source mappings",
                request("GET", "/2015-03-31/event-source-mappings/", null, null, ""), 200)).isFalse();
        assertThat(TriggerChanges.changesTriggers("lambda",
                request("POST", "/2015-03-31/functions/f/invocations", null, null, "{}"), 200)).isFalse();
        assertThat(TriggerChanges.changesTriggers("lambda",
                request("PUT", "/2019-09-25/functions/f/event-invoke-config", null, null, "{}"), 200)).isTrue();
        assertThat(TriggerChanges.changesTriggers("s3", request("PUT", "/b", "notification", null, "<x/>"), 200)).isTrue();
        assertThat(TriggerChanges.changesTriggers("s3", request("PUT", "/b/key.csv", null, null, "data"), 200)).isFalse();
        assertThat(TriggerChanges.changesTriggers("s3", request("DELETE", "/b", null, null, ""), 204)).isTrue();
        assertThat(TriggerChanges.changesTriggers("sns", request("POST", "/", null, null, "Action=Subscribe&TopicArn=t"), 200)).isTrue();
        assertThat(TriggerChanges.changesTriggers("sns", request("POST", "/", null, null, "Action=Publish&TopicArn=t"), 200)).isFalse();
        assertThat(TriggerChanges.changesTriggers("events", request("POST", "/", null, "AWSEvents.PutTargets", "{}"), 200)).isTrue();
        assertThat(TriggerChanges.changesTriggers("events", request("POST", "/", null, "AWSEvents.PutEvents", "{}"), 200)).isFalse();
        assertThat(TriggerChanges.changesTriggers("logs",
                request("POST", "/", null, "Logs_20140328.PutSubscriptionFilter", "{}"), 200)).isTrue();
        assertThat(TriggerChanges.changesTriggers("logs",
                request("POST", "/", null, "Logs_20140328.PutLogEvents", "{}"), 200)).isFalse();
        assertThat(TriggerChanges.changesTriggers("events", request("POST", "/", null, "AWSEvents.PutRule", "{}"), 400)).isFalse();
        assertThat(TriggerChanges.changesTriggers("sqs", request("POST", "/", null, "AmazonSQS.SendMessage", "{}"), 200)).isFalse();
    }

    @Test
    void aBurstOfChangesIsToldOnce() throws Exception {
        try (TriggerChanges changes = new TriggerChanges()) {
            AtomicInteger told = new AtomicInteger();
            changes.add(told::incrementAndGet);
            for (int i = 0; i < 50; i++) changes.changed();
            await().atMost(Duration.ofSeconds(5)).until(() -> told.get() == 1);
            Thread.sleep(3 * TriggerChanges.COALESCE_MS);
            assertThat(told.get()).isEqualTo(1);
            changes.changed();
            await().atMost(Duration.ofSeconds(5)).until(() -> told.get() == 2);
        }
    }
}
