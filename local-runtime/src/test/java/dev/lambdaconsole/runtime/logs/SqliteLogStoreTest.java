package dev.lambdaconsole.runtime.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteLogStoreTest {
    @TempDir Path dir;

    @Test
    void eventsAreQueryableByStreamTimeSubstringAndRequestAndSurviveReopening() {
        String g = LogStore.groupOf("fn");
        try (SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"))) {
            List<List<LogEvent>> live = new CopyOnWriteArrayList<>();
            store.subscribe(live::add);
            store.append(List.of(LogEvent.of(g, "s1", 1000, "r1", "START RequestId: r1"),
                    LogEvent.of(g, "s1", 1001, "r1", "payment failed: card declined"),
                    LogEvent.of(g, "s2", 2000, "r2", "START RequestId: r2"),
                    LogEvent.of(LogStore.groupOf("other"), "x", 1500, "r9", "card in another group")));
            store.flush();
            assertThat(store.count(g)).isEqualTo(3);
            assertThat(store.query(LogQuery.group(g).withContains("card"))).singleElement()
                    .satisfies(e -> assertThat(e.requestId()).isEqualTo("r1"));
            assertThat(store.query(LogQuery.group(g).withRange(1500L, 3000L))).extracting(LogEvent::logStream)
                    .containsExactly("s2");
            assertThat(store.query(LogQuery.group(g).withRequestId("r1"))).hasSize(2);
            List<LogEvent> all = store.query(LogQuery.group(g));
            assertThat(all).extracting(LogEvent::id).isSorted().doesNotHaveDuplicates();
            assertThat(store.query(LogQuery.group(g).after(all.get(0).id()))).hasSize(2);
            assertThat(store.streams(g)).extracting(LogStreamInfo::logStream).containsExactly("s2", "s1");
            assertThat(store.streams(g).get(1).events()).isEqualTo(2);
            assertThat(live).hasSize(1);
            assertThat(live.get(0)).extracting(LogEvent::id).containsExactlyElementsOf(
                    new ArrayList<>(List.of(all.get(0).id(), all.get(1).id(), all.get(2).id(), all.get(2).id() + 1)));
        }
        try (SqliteLogStore reopened = new SqliteLogStore(dir.resolve("logs.db"))) {
            assertThat(reopened.count(g)).isEqualTo(3);
            reopened.deleteGroup("fn");
            reopened.flush();
            assertThat(reopened.count(g)).isZero();
            assertThat(reopened.streams(g)).isEmpty();
            assertThat(reopened.count(LogStore.groupOf("other"))).isEqualTo(1);
        }
    }

    @Test
    void invocationsAndAsyncRecordsComeBackNewestFirst() {
        try (SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"))) {
            List<InvocationRecord> live = new CopyOnWriteArrayList<>();
            store.subscribeInvocations(live::addAll);
            store.recordInvocation(new InvocationRecord("a", "fn", "s", 1, 2.5, 3, 128, 40, 100.0, "SUCCESS", null, "RequestResponse"));
            store.recordInvocation(new InvocationRecord("b", "fn", "s", 2, 1.5, 2, 128, 41, null, "ERROR", "KeyError", "Event"));
            store.recordAsync("fn", "Success", "{\"x\":1}");
            store.flush();
            assertThat(store.invocations("fn", 10)).extracting(InvocationRecord::requestId).containsExactly("b", "a");
            assertThat(store.invocations("fn", 10).get(1).coldStart()).isTrue();
            assertThat(store.invocations("fn", 10).get(0).errorType()).isEqualTo("KeyError");
            assertThat(live).extracting(InvocationRecord::requestId).containsExactly("a", "b");
            assertThat(store.asyncRecords("fn", 5)).singleElement().satisfies(r -> assertThat(r[1]).isEqualTo("{\"x\":1}"));
        }
    }
}
