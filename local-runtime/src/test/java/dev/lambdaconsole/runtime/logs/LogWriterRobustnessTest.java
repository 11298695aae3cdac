package dev.lambdaconsole.runtime.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The log store's single writer outlives bad batches and bad subscribers, and says what it lost. */
class LogWriterRobustnessTest {
    @TempDir Path dir;
    private final String g = LogStore.groupOf("fn");

    /** Holds the writer in a subscriber until released, so that what is queued meanwhile forms one batch. */
    private static CountDownLatch holdWriter(SqliteLogStore store) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable unsubscribe = store.subscribe(events -> {
            held.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        store.append(List.of(LogEvent.of(LogStore.groupOf("blocker"), "b", 1, null, "hold")));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        unsubscribe.run();
        return release;
    }

    @Test
    void eventsAndTheDeletionOfTheirGroupInOneBatchLeaveOnlyWhatCameAfterTheDeletion() throws Exception {
        try (SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"))) {
            List<LogEvent> live = new CopyOnWriteArrayList<>();
            store.subscribe(live::addAll);
            CountDownLatch release = holdWriter(store);
            store.append(List.of(LogEvent.of(g, "old", 1000, "r1", "before the deletion")));
            store.recordInvocation(new InvocationRecord("r1", "fn", "old", 1000, 5, 5, 128, 40, null, "SUCCESS", null,
                    "RequestResponse"));
            store.deleteGroup("fn");
            store.append(List.of(LogEvent.of(g, "new", 2000, "r2", "after the deletion")));
            release.countDown();
            store.flush();

            assertThat(store.query(LogQuery.group(g))).extracting(LogEvent::message).containsExactly("after the deletion");
            assertThat(store.streams(g)).singleElement().satisfies(s -> {
                assertThat(s.logStream()).isEqualTo("new");
                assertThat(s.events()).isEqualTo(1);
            });
            assertThat(store.invocations("fn", 10)).isEmpty();
            assertThat(live).extracting(LogEvent::message).contains("before the deletion", "after the deletion");
            assertThat(store.health().ok()).isTrue();
            assertThat(store.health().droppedBatches()).isZero();

            store.append(List.of(LogEvent.of(g, "new", 3000, "r3", "the writer goes on")));
            store.flush();
            assertThat(store.count(g)).isEqualTo(2);
        }
    }

    @Test
    void aSubscriberThatThrowsIsSkippedAndTheOthersAndTheWriterGoOn() {
        try (SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"))) {
            store.subscribe(events -> { throw new IllegalStateException("a broken live tail"); });
            List<LogEvent> monitor = new CopyOnWriteArrayList<>();
            store.subscribe(monitor::addAll);
            store.subscribeInvocations(records -> { throw new NullPointerException("a broken chart"); });
            store.append(List.of(LogEvent.of(g, "s", 1000, "r1", "one")));
            store.recordInvocation(new InvocationRecord("r1", "fn", "s", 1000, 5, 5, 128, 40, 80.0, "SUCCESS", null,
                    "RequestResponse"));
            store.flush();
            store.append(List.of(LogEvent.of(g, "s", 1001, "r2", "two")));
            store.flush();

            assertThat(monitor).extracting(LogEvent::message).containsExactly("one", "two");
            assertThat(store.count(g)).isEqualTo(2);
            assertThat(store.invocations("fn", 10)).hasSize(1);
            LogStoreHealth health = store.health();
            assertThat(health.ok()).isTrue();
            assertThat(health.subscriberFailures()).isEqualTo(3);
            assertThat(health.droppedBatches()).isZero();
            assertThat(health.lastError()).contains("subscriber failed");
        }
    }

    @Test
    void flushReturnsAfterAFailedBatchAndHealthReportsTheLoss() {
        try (SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"))) {
            store.append(List.of(LogEvent.of(g, "s", 1000, "r1", null))); // message is NOT NULL: the batch fails
            store.flush();
            LogStoreHealth failed = store.health();
            assertThat(failed.ok()).isFalse();
            assertThat(failed.writerRunning()).isTrue();
            assertThat(failed.lastBatchFailed()).isTrue();
            assertThat(failed.droppedBatches()).isEqualTo(1);
            assertThat(failed.lastError()).contains("a batch of 1 events and 0 records not stored").contains("NOT NULL");
            assertThat(failed.lastErrorAtMs()).isPositive();

            store.append(List.of(LogEvent.of(g, "s", 1001, "r2", "stored")));
            store.flush();
            assertThat(store.query(LogQuery.group(g))).extracting(LogEvent::message).containsExactly("stored");
            assertThat(store.health().ok()).as("the latest batch was written").isTrue();
            assertThat(store.health().droppedBatches()).as("the loss stays counted").isEqualTo(1);
        }
    }

    @Test
    void aClosedStoreReportsItsWriterStoppedAndFlushReturns() {
        SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"));
        store.close();
        store.flush();
        assertThat(store.health().writerRunning()).isFalse();
        assertThat(store.health().ok()).isFalse();
    }

    @Test
    void aBatchIsSplitAtEachDeletion() {
        WriteOp e1 = new WriteOp.Events(List.of(LogEvent.of(g, "s", 1, null, "a")));
        WriteOp d = new WriteOp.DeleteGroup("fn");
        WriteOp e2 = new WriteOp.Events(List.of(LogEvent.of(g, "s", 2, null, "b")));
        WriteOp f = new WriteOp.Flush(new CountDownLatch(1));
        assertThat(SqliteLogStore.parts(List.of(e1, d, d, e2, f))).containsExactly(List.of(e1), List.of(d), List.of(d),
                List.of(e2));
    }
}
