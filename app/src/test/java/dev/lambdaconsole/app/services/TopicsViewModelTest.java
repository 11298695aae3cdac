package dev.lambdaconsole.app.services;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.queues.QueueClient;
import dev.lambdaconsole.app.services.topics.PublishViewModel;
import dev.lambdaconsole.app.services.topics.TopicsViewModel;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TopicsViewModelTest {
    @TempDir static Path workspace;
    static TestConsole console;

    @BeforeAll
    static void start() { console = new TestConsole(workspace, "process", TaskRunner.synchronous()); }

    @AfterAll
    static void stop() { console.close(); }

    private static TopicsViewModel vm() {
        TopicsViewModel vm = new TopicsViewModel(console.simulators::sns, console.tasks);
        vm.refresh();
        return vm;
    }

    private static void create(TopicsViewModel vm, String name, boolean fifo) {
        vm.newFifoProperty().set(fifo);
        vm.newNameProperty().set(name);
        vm.create();
        assertThat(vm.messageProperty().get()).isEqualTo("Created topic " + name);
    }

    @Test
    void topicNamesAreCheckedAsTyped() {
        TopicsViewModel vm = vm();
        vm.newNameProperty().set("my topic");
        assertThat(vm.newNameErrorProperty().get())
                .isEqualTo("A topic name may hold only letters, digits, hyphens (-) and underscores (_)");
        vm.newNameProperty().set("t".repeat(257));
        assertThat(vm.newNameErrorProperty().get()).isEqualTo("A topic name can have at most 256 characters (has 257)");
        vm.newNameProperty().set("alerts.fifo");
        assertThat(vm.newNameErrorProperty().get()).startsWith("Only a FIFO topic's name may end with .fifo");
        vm.newFifoProperty().set(true);
        assertThat(vm.canCreate().get()).isTrue();
        vm.newNameProperty().set("alerts");
        assertThat(vm.newNameErrorProperty().get()).isEqualTo("A FIFO topic's name must end with .fifo");
    }

    @Test
    void createSubscribePublishToAQueueAndUnsubscribe() throws Exception {
        TopicsViewModel vm = vm();
        create(vm, "orders-topic", false);
        assertThat(vm.selectedProperty().get().name()).isEqualTo("orders-topic");
        assertThat(vm.selectedProperty().get().fifo()).isFalse();
        QueueClient sqs = new QueueClient(console.simulators::sqs);
        String url = sqs.call("CreateQueue", Json.object().put("QueueName", "orders-inbox")).path("QueueUrl").asText();
        String topicArn = vm.selectedProperty().get().arn();
        console.simulators.sns().orElseThrow().subscribe(topicArn, "sqs",
                "arn:aws:sqs:us-east-1:000000000000:orders-inbox", Map.of("FilterPolicy", "{\"kind\":[\"new\"]}"));
        vm.refresh();
        assertThat(vm.subscriptions()).hasSize(1);
        assertThat(vm.subscriptions().get(0).protocol()).isEqualTo("sqs");
        assertThat(vm.subscriptions().get(0).filterPolicy()).isEqualTo("{\"kind\":[\"new\"]}");
        assertThat(TopicsViewModel.endpointName(vm.subscriptions().get(0))).isEqualTo("queue orders-inbox");

        PublishViewModel p = vm.publish();
        assertThat(p.canPublish().get()).isFalse();
        p.messageProperty().set("order 7 placed");
        p.subjectProperty().set("New order");
        p.attributes().add("kind", "String", "old");
        p.publish();
        assertThat(p.resultProperty().get()).matches("Published message [0-9a-f-]{36}: no subscription took it "
                + "\\(none, or their filter policies did not match\\)");
        p.attributes().rows().get(0).valueProperty().set("new");
        p.publish();
        assertThat(p.resultProperty().get()).endsWith(": sent to queue orders-inbox");
        String id = p.resultProperty().get().substring("Published message ".length(), "Published message ".length() + 36);
        await().atMost(Duration.ofSeconds(10)).until(() -> sqs.call("GetQueueAttributes", attributesOf(url))
                .path("Attributes").path("ApproximateNumberOfMessages").asInt() == 1);
        var received = sqs.call("ReceiveMessage", Json.object().put("QueueUrl", url)).path("Messages").path(0);
        var envelope = Json.MAPPER.readTree(received.path("Body").asText());
        assertThat(envelope.path("Type").asText()).as("the SNS envelope").isEqualTo("Notification");
        assertThat(envelope.path("MessageId").asText()).isEqualTo(id);
        assertThat(envelope.path("Subject").asText()).isEqualTo("New order");
        assertThat(envelope.path("Message").asText()).isEqualTo("order 7 placed");

        vm.unsubscribe(vm.subscriptions().get(0));
        assertThat(vm.messageProperty().get()).isEqualTo("Unsubscribed sqs arn:aws:sqs:us-east-1:000000000000:orders-inbox");
        assertThat(vm.subscriptions()).isEmpty();
        vm.unsubscribe(new dev.lambdaconsole.simulators.sns.SnsService.SubscriptionInfo(topicArn + ":00000000-0000-0000-0000-000000000000",
                "sqs", "x", false, null, Map.of()));
        assertThat(vm.messageProperty().get()).isEqualTo("NotFound: Subscription does not exist");
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode attributesOf(String url) {
        var req = Json.object().put("QueueUrl", url);
        req.putArray("AttributeNames").add("All");
        return req;
    }

    @Test
    void publishRulesAsTyped() {
        TopicsViewModel vm = vm();
        create(vm, "rules-topic", false);
        PublishViewModel p = vm.publish();
        p.messageProperty().set("not json");
        p.jsonStructureProperty().set(true);
        assertThat(p.messageErrorProperty().get()).startsWith("With MessageStructure json the message must be JSON");
        p.messageProperty().set("{\"sqs\": \"for queues\"}");
        assertThat(p.messageErrorProperty().get()).isEqualTo("With MessageStructure json the message needs a \"default\" entry");
        p.messageProperty().set("{\"default\": 1}");
        assertThat(p.messageErrorProperty().get()).isEqualTo("Each protocol's message must be a string (\"default\" is not)");
        p.messageProperty().set("{\"default\": \"hi\", \"sqs\": \"queues\"}");
        assertThat(p.messageErrorProperty().get()).isEmpty();
        p.subjectProperty().set("s".repeat(101));
        assertThat(p.subjectErrorProperty().get()).isEqualTo("A subject can have at most 100 characters (has 101)");
        p.subjectProperty().set("two\nlines");
        assertThat(p.subjectErrorProperty().get()).isEqualTo("A subject may hold only printable ASCII characters, on one line");
        p.subjectProperty().set("");
        p.deduplicationIdProperty().set("d");
        assertThat(p.deduplicationErrorProperty().get()).isEqualTo("Only FIFO topics take a deduplication id");
        p.deduplicationIdProperty().set("");
        p.attributes().add("AWS.trace", "String", "x");
        assertThat(p.attributes().errorProperty().get()).isEqualTo("AWS.trace: names starting with AWS. or Amazon. are reserved");
        p.attributes().rows().get(0).nameProperty().set("tags");
        p.attributes().rows().get(0).typeProperty().set("String.Array");
        assertThat(p.attributes().errorProperty().get()).startsWith("tags: a String.Array value must be a JSON array");
        p.attributes().rows().get(0).valueProperty().set("[\"a\", \"b\"]");
        p.attributes().add("tags", "Binary", "***");
        assertThat(p.attributes().errorProperty().get()).isEqualTo("tags: appears twice; each name must be unique");
        p.attributes().rows().get(1).nameProperty().set("blob");
        assertThat(p.attributes().errorProperty().get()).isEqualTo("blob: a Binary value must be base64");
        p.attributes().rows().get(1).valueProperty().set("AAEC");
        assertThat(p.canPublish().get()).isTrue();
        p.publish();
        assertThat(p.resultProperty().get()).startsWith("Published message ");

        create(vm, "rules.fifo", true);
        p.jsonStructureProperty().set(false);
        p.messageProperty().set("fifo message");
        assertThat(p.groupErrorProperty().get()).isEqualTo("A FIFO topic needs a message group id");
        assertThat(p.deduplicationErrorProperty().get()).isEqualTo("Give a deduplication id: this topic has no content-based deduplication");
        p.groupIdProperty().set("g");
        p.deduplicationIdProperty().set("d");
        p.publish();
        assertThat(p.resultProperty().get()).contains("(sequence ");
    }
}
