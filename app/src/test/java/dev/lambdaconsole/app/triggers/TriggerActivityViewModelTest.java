package dev.lambdaconsole.app.triggers;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.simulators.activity.ActivityEntry;
import dev.lambdaconsole.simulators.activity.ActivityFeed;
import dev.lambdaconsole.simulators.activity.ActivityResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The activity table's view model over a feed the test fills, draining by hand as the view's pulse would. */
class TriggerActivityViewModelTest {
    static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders";

    /** A feed with fixed recent entries; {@link #deliver} plays a recording thread. */
    static final class Feed implements ActivityFeed {
        final List<ActivityEntry> recent = new ArrayList<>();
        final List<Consumer<ActivityEntry>> listeners = new CopyOnWriteArrayList<>();
        String askedFunction;
        String askedArn;

        @Override
        public List<ActivityEntry> recent(String functionName, String sourceArn, int limit) {
            askedFunction = functionName;
            askedArn = sourceArn;
            return recent.stream().limit(limit).toList();
        }

        @Override
        public AutoCloseable subscribe(String functionName, String sourceArn, Consumer<ActivityEntry> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        void deliver(ActivityEntry e) { listeners.forEach(l -> l.accept(e)); }
    }

    static ActivityEntry batch(String key, long time, ActivityResult result, List<String> records, List<String> failed,
                               int attempts, String destination) {
        return new ActivityEntry(key, time, "sqs", QUEUE, "worker", records.size(), records, failed, failed.size(),
                "req-" + key, result, attempts, 1500L, 12.345, null, destination, null, null, null);
    }

    static ActivityEntry push(String key, long time, ActivityResult result) {
        return new ActivityEntry(key, time, "s3", "arn:aws:s3:::photos", "worker", 1, List.of(), List.of(),
                result.failed() ? 1 : 0, "req-" + key, result, result == ActivityResult.QUEUED ? 0 : 1, null, null,
                null, null, null, "{\"Records\":[{\"s3\":{}}]}", null);
    }

    final Feed feed = new Feed();
    final List<String> opened = new ArrayList<>();

    TriggerActivityViewModel vm(String arn, String kind) {
        return new TriggerActivityViewModel("worker", arn, kind, feed, TaskRunner.synchronous(),
                (fn, id) -> opened.add(fn + ":" + id));
    }

    @Test
    void listsTheTriggersDeliveriesWithAPartialFailureAndItsFailedItem() {
        feed.recent.add(batch("b", 2000, ActivityResult.PARTIAL_FAILURE, List.of("m1", "m2", "m3"), List.of("m2"), 1, null));
        feed.recent.add(batch("a", 1000, ActivityResult.SUCCESS, List.of("m0"), List.of(), 1, null));
        TriggerActivityViewModel vm = vm(QUEUE, "sqs");
        vm.start();

        assertThat(feed.askedFunction).isEqualTo("worker");
        assertThat(feed.askedArn).isEqualTo(QUEUE);
        assertThat(vm.rows()).extracting(ActivityRow::result)
                .containsExactly("Partial failure: 1 of 3 failed", "Success");
        ActivityRow partial = vm.rows().get(0);
        assertThat(partial.tone()).isEqualTo(ActivityRow.Tone.WARNING);
        assertThat(partial.records()).isEqualTo("m1, m2, m3");
        assertThat(partial.batchSize()).isEqualTo("3");
        assertThat(partial.iteratorAge()).isEqualTo("1.5 s");
        assertThat(partial.duration()).isEqualTo("12.35 ms");
        assertThat(partial.details()).contains("Failed items: 1\n  m2\n").contains("Invocation: req-b");
        assertThat(vm.rows().get(1).tone()).isEqualTo(ActivityRow.Tone.SUCCESS);
        assertThat(vm.summaryProperty().get()).isEqualTo("2 deliveries (4 records): 1 failed (1 partial failure)");
        assertThat(vm.batches()).isTrue();
        assertThat(vm.http()).isFalse();
    }

    @Test
    void deliveriesArriveOnlyWhenDrainedAndNewestFirst() {
        TriggerActivityViewModel vm = vm(QUEUE, "sqs");
        vm.start();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("No deliveries yet: worker has not been triggered by this source.");

        feed.deliver(batch("1", 1000, ActivityResult.FUNCTION_ERROR, List.of("m1"), List.of("m1"), 1, null));
        feed.deliver(batch("2", 2000, ActivityResult.SENT_TO_DLQ, List.of("m1"), List.of("m1"), 3,
                "arn:aws:sqs:us-east-1:123456789012:orders-dlq"));
        assertThat(vm.rows()).isEmpty(); // waits for the pulse

        assertThat(vm.drain()).isTrue();
        assertThat(vm.rows()).extracting(ActivityRow::key).containsExactly("2", "1");
        ActivityRow dlq = vm.rows().get(0);
        assertThat(dlq.result()).isEqualTo("Failed: 1 of 1 failed, sent to DLQ orders-dlq");
        assertThat(dlq.tone()).isEqualTo(ActivityRow.Tone.DANGER);
        assertThat(dlq.retries()).isEqualTo("2");
        assertThat(dlq.details()).contains("Destination: arn:aws:sqs:us-east-1:123456789012:orders-dlq");
        assertThat(vm.drain()).isFalse();
    }

    @Test
    void aQueuedPushDeliveryIsReplacedByItsOutcome() {
        TriggerActivityViewModel vm = vm("arn:aws:s3:::photos", "s3");
        vm.start();
        feed.deliver(push("p1", 1000, ActivityResult.QUEUED));
        vm.drain();
        assertThat(vm.rows()).extracting(ActivityRow::result).containsExactly("Queued");
        assertThat(vm.rows().get(0).tone()).isEqualTo(ActivityRow.Tone.MUTED);
        assertThat(vm.rows().get(0).records()).isEqualTo("1 event");

        feed.deliver(push("p2", 2000, ActivityResult.QUEUED));
        feed.deliver(push("p1", 1000, ActivityResult.SUCCESS));
        vm.drain();
        assertThat(vm.rows()).extracting(ActivityRow::key).containsExactly("p2", "p1");
        assertThat(vm.rows().get(1).result()).isEqualTo("Success");
        assertThat(vm.rows().get(1).details()).contains("Event:\n{\n  \"Records\"");
        assertThat(vm.batches()).isFalse();
    }

    @Test
    void aQueuedStateArrivingAfterTheLoadedOutcomeChangesNothing() {
        feed.recent.add(push("p1", 1000, ActivityResult.SUCCESS));
        TriggerActivityViewModel vm = vm("arn:aws:s3:::photos", "s3");
        vm.start();
        feed.deliver(push("p1", 1000, ActivityResult.QUEUED));
        vm.drain();
        assertThat(vm.rows()).extracting(ActivityRow::result).containsExactly("Success");
    }

    @Test
    void keepsTheNewestFiveHundredRows() {
        TriggerActivityViewModel vm = vm(QUEUE, "sqs");
        vm.start();
        for (int i = 0; i < 650; i++) {
            feed.deliver(batch("k" + i, i, ActivityResult.SUCCESS, List.of("m" + i), List.of(), 1, null));
        }
        vm.drain();
        assertThat(vm.rows()).hasSize(TriggerActivityViewModel.MAX_ROWS);
        assertThat(vm.rows().get(0).key()).isEqualTo("k649");
        assertThat(vm.rows().get(499).key()).isEqualTo("k150");
        assertThat(vm.summaryProperty().get()).startsWith("Last 500 deliveries");
    }

    @Test
    void theRequestIdOpensTheInvocationAndNothingWithoutOne() {
        feed.recent.add(batch("b", 2000, ActivityResult.SUCCESS, List.of("m1"), List.of(), 1, null));
        feed.recent.add(new ActivityEntry("f", 1000, "sqs", QUEUE, "worker", 2, List.of("m2", "m3"), List.of(), 0,
                null, ActivityResult.FILTERED, 1, 10L, null, null, null, "2 filtered out", null, null));
        TriggerActivityViewModel vm = vm(QUEUE, "sqs");
        vm.start();
        vm.openInvocation(vm.rows().get(0));
        vm.openInvocation(vm.rows().get(1));
        assertThat(opened).containsExactly("worker:req-b");
        assertThat(vm.rows().get(1).result()).isEqualTo("Filtered out");
        assertThat(vm.rows().get(1).requestId()).isEmpty();
    }

    @Test
    void closingStopsListening() {
        TriggerActivityViewModel vm = vm(QUEUE, "sqs");
        vm.start();
        assertThat(feed.listeners).hasSize(1);
        vm.close();
        assertThat(feed.listeners).isEmpty();
        feed.deliver(batch("x", 1, ActivityResult.SUCCESS, List.of("m"), List.of(), 1, null));
        assertThat(vm.drain()).isFalse();
    }

    @Test
    void aLargeBatchShowsItsFirstRecordsAndHowManyThereWere() {
        List<String> many = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "m" + i).toList();
        ActivityRow big = ActivityRow.of(batch("big", 1, ActivityResult.SUCCESS, many, List.of(), 1, null));
        assertThat(big.records()).isEqualTo("m0, m1 … (12 records)");
        ActivityEntry oldStream = new ActivityEntry("s", 1, "kinesis", "arn:aws:kinesis:us-east-1:1:stream/s", "worker",
                5, List.of("100"), List.of(), 0, "r", ActivityResult.SUCCESS, 1, 20L, 1.0, null, null, null, null,
                "shardId-000000000000");
        assertThat(ActivityRow.of(oldStream).records()).isEqualTo("100 … (5 records)");
        assertThat(ActivityRow.of(oldStream).details()).contains("Shard: shardId-000000000000").contains("Iterator age: 20 ms");
    }
}
