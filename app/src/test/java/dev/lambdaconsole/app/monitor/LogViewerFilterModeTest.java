package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.logs.SqliteLogStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The log viewer's filter modes (substring, CloudWatch filter pattern, regex) on a real log store. */
class LogViewerFilterModeTest {
    static final String G = LogStore.groupOf("orders");
    @TempDir Path dir;
    SqliteLogStore store;
    UiQueue ui;
    LogViewerViewModel vm;

    @BeforeEach
    void open() {
        store = new SqliteLogStore(dir.resolve("logs.db"));
        store.append(List.of(
                event(1, "START RequestId: r1"),
                event(2, "[ERROR] Retry 1 of order 7"),
                event(3, "[ERROR] Exception: order 8 failed"),
                event(4, "{\"level\":\"ERROR\",\"ms\":250,\"order\":9}"),
                event(5, "{\"level\":\"INFO\",\"ms\":12,\"order\":10}"),
                event(6, "error: lower case, order 11")));
        store.flush();
        ui = new UiQueue();
        vm = new LogViewerViewModel("orders", store, ui);
        vm.refresh();
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
    }

    private static LogEvent event(int i, String message) {
        return LogEvent.of(G, "s", 1_000 + i, "r1", message);
    }

    private List<String> shown() {
        PagedLogList list = vm.eventsProperty().get();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) out.add(list.get(i).message());
        return out;
    }

    @Test
    void aFilterPatternKeepsWhatCloudWatchWouldAndIsCaseSensitive() {
        vm.filterModeProperty().set(FilterMode.PATTERN);
        vm.filterTextProperty().set("ERROR -Retry");
        assertThat(shown()).containsExactly("[ERROR] Exception: order 8 failed", "{\"level\":\"ERROR\",\"ms\":250,\"order\":9}");
        assertThat(vm.statusProperty().get()).isEqualTo("2 events");
        assertThat(vm.filterProblemProperty().get()).isEmpty();

        vm.filterTextProperty().set("{ $.ms > 100 }");
        assertThat(shown()).containsExactly("{\"level\":\"ERROR\",\"ms\":250,\"order\":9}");
        vm.filterTextProperty().set("[label, ..., number = 1*]");
        assertThat(shown()).containsExactly("error: lower case, order 11");
        vm.filterTextProperty().set("");
        assertThat(shown()).hasSize(6);

        vm.filterModeProperty().set(FilterMode.SUBSTRING);
        vm.filterTextProperty().set("error");
        assertThat(shown()).hasSize(4); // substring mode ignores case unless "Aa"
    }

    @Test
    void aRegexFollowsTheMatchCaseToggle() {
        vm.filterModeProperty().set(FilterMode.REGEX);
        vm.filterTextProperty().set("order (7|11)$");
        assertThat(shown()).containsExactly("[ERROR] Retry 1 of order 7", "error: lower case, order 11");
        vm.filterTextProperty().set("^error");
        assertThat(shown()).containsExactly("error: lower case, order 11");
        vm.matchCaseProperty().set(false);
        vm.filterTextProperty().set("^\\[error\\]");
        assertThat(shown()).hasSize(2);
        vm.matchCaseProperty().set(true);
        assertThat(shown()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("No events match");
    }

    @Test
    void anInvalidPatternOrRegexIsReportedAndNothingIsSearched() {
        vm.filterModeProperty().set(FilterMode.PATTERN);
        vm.filterTextProperty().set("ERROR");
        PagedLogList before = vm.eventsProperty().get();
        vm.filterTextProperty().set("{ $.ms > fast }");
        assertThat(vm.filterProblemProperty().get()).isEqualTo("Operator > needs a number, not 'fast' at column 10");
        assertThat(vm.statusProperty().get()).isEqualTo("Fix the filter pattern to search");
        assertThat(vm.eventsProperty().get()).isSameAs(before);
        assertThat(vm.searchingProperty().get()).isFalse();

        vm.filterModeProperty().set(FilterMode.REGEX);
        vm.filterTextProperty().set("order (7");
        assertThat(vm.filterProblemProperty().get()).startsWith("Invalid regex: Unclosed group");
        assertThat(vm.eventsProperty().get()).isSameAs(before);

        vm.filterTextProperty().set("order 7");
        assertThat(vm.filterProblemProperty().get()).isEmpty();
        assertThat(shown()).containsExactly("[ERROR] Retry 1 of order 7");
    }

    @Test
    void liveEventsPassTheSamePatternAndExportWritesTheMatches() throws Exception {
        vm.filterModeProperty().set(FilterMode.PATTERN);
        vm.filterTextProperty().set("{ $.level = \"ERROR\" }");
        assertThat(shown()).hasSize(1);
        store.append(List.of(event(7, "{\"level\":\"ERROR\",\"ms\":3}"), event(8, "{\"level\":\"INFO\"}"), event(9, "ERROR plain")));
        store.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ui.runPending();
            return vm.eventsProperty().get().size() == 2;
        });
        assertThat(shown()).containsExactly("{\"level\":\"ERROR\",\"ms\":250,\"order\":9}", "{\"level\":\"ERROR\",\"ms\":3}");

        Path file = dir.resolve("out.txt");
        vm.export(file, new dev.lambdaconsole.app.common.ProgressBoard(ui));
        assertThat(Files.readAllLines(file)).hasSize(2).allMatch(l -> l.contains("\"level\":\"ERROR\""));
        assertThat(vm.messageProperty().get()).isEqualTo("Exported 2 lines to " + file);
    }
}
