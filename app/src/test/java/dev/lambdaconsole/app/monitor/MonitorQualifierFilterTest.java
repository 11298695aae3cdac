package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.logs.SqliteLogStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Monitor lists the invocations of the version or alias chosen, from a real log store's records. */
class MonitorQualifierFilterTest {
    @TempDir Path dir;
    SqliteLogStore store;
    UiQueue ui;
    MonitorViewModel vm;

    static InvocationRecord record(String id, long startMs, String qualifier, String executed) {
        return new InvocationRecord(id, "orders", "stream", startMs, 3.2, 4, 128, 40, null, "SUCCESS", null,
                "RequestResponse", qualifier, executed, "x86_64", 512, false, null, null, null, null);
    }

    @BeforeEach
    void records() {
        ui = new UiQueue();
        store = new SqliteLogStore(dir.resolve("logs.db"));
        store.recordInvocation(record("latest", 1_000, null, "$LATEST"));
        store.recordInvocation(record("direct-1", 2_000, "1", "1"));
        store.recordInvocation(record("live-1", 3_000, "live", "1"));
        store.recordInvocation(record("live-2", 4_000, "live", "2"));
        store.recordInvocation(record("beta-2", 5_000, "beta", "2"));
        store.flush();
        vm = new MonitorViewModel("orders", store, ui);
        vm.refresh();
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
    }

    private java.util.List<String> listed() {
        return vm.invocations().stream().map(InvocationRow::requestId).toList();
    }

    @Test
    void aVersionListsWhatItRanAndAnAliasWhatWasCalledThroughIt() {
        assertThat(listed()).containsExactly("beta-2", "live-2", "live-1", "direct-1", "latest");
        vm.qualifierProperty().set("1");
        assertThat(listed()).containsExactly("live-1", "direct-1");
        vm.qualifierProperty().set("2");
        assertThat(listed()).containsExactly("beta-2", "live-2");
        vm.qualifierProperty().set("live");
        assertThat(listed()).containsExactly("live-2", "live-1");
        vm.qualifierProperty().set("$LATEST");
        assertThat(listed()).containsExactly("latest");
        vm.qualifierProperty().set(null);
        assertThat(listed()).hasSize(5);
    }

    @Test
    void newInvocationsAreListedOnlyWhenTheyMatch() {
        vm.qualifierProperty().set("live");
        store.recordInvocation(record("beta-1", 6_000, "beta", "1"));
        store.recordInvocation(record("live-3", 7_000, "live", "2"));
        store.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ui.runPending();
            return listed().size() == 3;
        });
        assertThat(listed()).containsExactly("live-3", "live-2", "live-1");
    }

    @Test
    void showingAnInvocationOfAnotherVersionListsAllAgain() {
        vm.qualifierProperty().set("live");
        vm.showInvocation("direct-1");
        assertThat(vm.qualifierProperty().get()).isNull();
        assertThat(vm.selectedInvocationProperty().get()).isEqualTo("direct-1");
    }

    @Test
    void theVersionColumnSaysWhatRanAndThroughWhichAlias() {
        assertThat(vm.invocations().stream().map(r -> InvocationsTable.version(r.record())).toList())
                .containsExactly("2 (beta)", "2 (live)", "1 (live)", "1", "$LATEST");
    }
}
