package dev.lambdaconsole.app.services;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.queues.QueueClient;
import dev.lambdaconsole.app.services.queues.QueueMessagesViewModel;
import dev.lambdaconsole.app.services.queues.QueueRow;
import dev.lambdaconsole.app.services.queues.QueuesViewModel;
import dev.lambdaconsole.app.services.queues.SendMessageViewModel;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class QueuesViewModelTest {
    @TempDir static Path workspace;
    static TestConsole console;

    @BeforeAll
    static void start() { console = new TestConsole(workspace, "process", TaskRunner.synchronous()); }

    @AfterAll
    static void stop() { console.close(); }

    private static QueuesViewModel vm() {
        QueuesViewModel vm = new QueuesViewModel(new QueueClient(console.simulators::sqs), console.tasks);
        vm.refresh();
        return vm;
    }

    private static QueueRow row(QueuesViewModel vm, String name) {
        return vm.queues().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    private static void create(QueuesViewModel vm, String name, boolean fifo) {
        vm.newFifoProperty().set(fifo);
        vm.newNameProperty().set(name);
        vm.create();
        assertThat(vm.messageProperty().get()).isEqualTo("Created queue " + name);
    }

    @Test
    void queueNamesAreCheckedAsTyped() {
        QueuesViewModel vm = vm();
        vm.newNameProperty().set("q".repeat(81));
        assertThat(vm.newNameErrorProperty().get()).isEqualTo("A queue name can have at most 80 characters (has 81)");
        vm.newNameProperty().set("my queue");
        assertThat(vm.newNameErrorProperty().get())
                .isEqualTo("A queue name may hold only letters, digits, hyphens (-) and underscores (_)");
        vm.newNameProperty().set("jobs.fifo");
        assertThat(vm.newNameErrorProperty().get()).startsWith("Only a FIFO queue's name may end with .fifo");
        vm.newFifoProperty().set(true);
        assertThat(vm.newNameErrorProperty().get()).isEmpty();
        assertThat(vm.canCreate().get()).isTrue();
        vm.newNameProperty().set("jobs");
        assertThat(vm.newNameErrorProperty().get()).isEqualTo("A FIFO queue's name must end with .fifo");
        assertThat(vm.canCreate().get()).isFalse();
        vm.newNameProperty().set("");
        assertThat(vm.newNameErrorProperty().get()).isEmpty();
        assertThat(vm.canCreate().get()).isFalse();
    }

    @Test
    void createSendPeekAndPurge() {
        QueuesViewModel vm = vm();
        create(vm, "orders", false);
        assertThat(vm.selectedProperty().get().name()).isEqualTo("orders");
        assertThat(vm.selectedProperty().get().type()).isEqualTo("Standard");
        assertThat(vm.attributes()).extracting(e -> e.getKey()).contains("QueueArn", "VisibilityTimeout", "CreatedTimestamp");
        SendMessageViewModel send = vm.send();
        assertThat(send.canSend().get()).as("no body").isFalse();
        send.bodyProperty().set("{\"order\": 1}");
        send.attributes().add("priority", "Number", "high");
        assertThat(send.attributes().errorProperty().get()).isEqualTo("priority: a Number value must be a number (got high)");
        assertThat(send.canSend().get()).isFalse();
        send.attributes().rows().get(0).valueProperty().set("5");
        send.attributes().add("source", "String", "console");
        assertThat(send.canSend().get()).isTrue();
        send.delayProperty().set("901");
        assertThat(send.delayErrorProperty().get()).isEqualTo("Delay must be a whole number of seconds from 0 to 900");
        send.delayProperty().set("");
        send.deduplicationIdProperty().set("d1");
        assertThat(send.deduplicationErrorProperty().get()).isEqualTo("Only FIFO queues take a deduplication id");
        send.deduplicationIdProperty().set("");
        send.send();
        assertThat(send.resultProperty().get()).matches("Sent message [0-9a-f-]{36}");
        String id = send.resultProperty().get().substring("Sent message ".length());
        assertThat(row(vm, "orders").available()).isEqualTo(1);

        QueueMessagesViewModel messages = vm.messages();
        messages.peek();
        assertThat(messages.peeked()).hasSize(1);
        QueueMessagesViewModel.Peeked m = messages.peeked().get(0);
        assertThat(m.messageId()).isEqualTo(id);
        assertThat(m.body()).isEqualTo("{\"order\": 1}");
        assertThat(m.attributes()).containsEntry("priority", "Number: 5").containsEntry("source", "String: console");
        assertThat(m.receiveCount()).isEqualTo(1);
        assertThat(m.sent()).isAfter(java.time.Instant.now().minusSeconds(60));
        messages.peek();
        assertThat(messages.peeked().get(0).receiveCount()).as("peeking counts as a receive").isEqualTo(2);
        assertThat(row(vm, "orders").available()).as("but leaves it in the queue").isEqualTo(1);

        messages.purge();
        assertThat(messages.messageProperty().get()).isEqualTo("Purged orders");
        messages.peek();
        assertThat(messages.peeked()).isEmpty();
        assertThat(messages.messageProperty().get()).isEqualTo("No messages available in orders");
    }

    @Test
    void fifoQueuesNeedAGroupAndADeduplicationId() {
        QueuesViewModel vm = vm();
        create(vm, "tasks.fifo", true);
        assertThat(vm.selectedProperty().get().type()).isEqualTo("FIFO");
        SendMessageViewModel send = vm.send();
        send.bodyProperty().set("one");
        assertThat(send.groupErrorProperty().get()).isEqualTo("A FIFO queue needs a message group id");
        assertThat(send.deduplicationErrorProperty().get())
                .isEqualTo("Give a deduplication id: this queue has no content-based deduplication");
        send.delayProperty().set("5");
        assertThat(send.delayErrorProperty().get()).startsWith("FIFO queues take no per-message delay");
        send.delayProperty().set("");
        send.groupIdProperty().set("group one");
        assertThat(send.groupErrorProperty().get()).isEqualTo("The group id may hold only letters, digits and punctuation (no spaces)");
        send.groupIdProperty().set("g1");
        send.deduplicationIdProperty().set("d1");
        assertThat(send.canSend().get()).isTrue();
        send.send();
        assertThat(send.resultProperty().get()).startsWith("Sent message ");
        vm.messages().peek();
        assertThat(vm.messages().peeked().get(0).systemAttributes()).containsEntry("MessageGroupId", "g1");
    }

    @Test
    void aDeadLetterQueuesMessagesAreRedrivenToTheirSource() {
        QueuesViewModel vm = vm();
        create(vm, "billing-dlq", false);
        String dlqArn = vm.selectedProperty().get().arn();
        create(vm, "billing", false);
        var attrs = Json.object().put("QueueUrl", vm.selectedProperty().get().url());
        attrs.putObject("Attributes").put("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}");
        new QueueClient(console.simulators::sqs).call("SetQueueAttributes", attrs);
        for (int i = 0; i < 3; i++) {
            new QueueClient(console.simulators::sqs).call("SendMessage", Json.object()
                    .put("QueueUrl", vm.selectedProperty().get().url()).put("MessageBody", "failed " + i));
        }
        vm.refresh();
        assertThat(row(vm, "billing").deadLetterTarget()).isEqualTo(dlqArn);
        assertThat(row(vm, "billing").maxReceiveCount()).isEqualTo(1);
        // received once, then once more past maxReceiveCount: SQS moves them to the DLQ
        vm.messages().peek();
        vm.messages().peek();
        vm.refresh();
        vm.selectedProperty().set(row(vm, "billing-dlq"));
        assertThat(vm.selectedProperty().get().isDeadLetterQueue()).isTrue();
        assertThat(vm.selectedProperty().get().available()).isEqualTo(3);
        assertThat(vm.messages().redriveTargets()).containsExactly(row(vm, "billing").arn());
        assertThat(vm.messages().canRedrive().get()).isTrue();
        vm.messages().startRedrive();
        assertThat(vm.messages().messageProperty().get()).isEmpty();
        assertThat(vm.messages().progressProperty().get()).isEqualTo("Moved 3 messages to billing");
        assertThat(row(vm, "billing-dlq").available()).isZero();
        assertThat(row(vm, "billing").available()).isEqualTo(3);
    }
}
