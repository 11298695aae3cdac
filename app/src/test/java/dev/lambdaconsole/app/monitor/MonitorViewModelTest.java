package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Monitor tab's view models on a real engine and log store, without the toolkit. */
class MonitorViewModelTest {
    @TempDir Path workspace;
    UiQueue ui;
    TestConsole console;
    MonitorViewModel vm;

    @BeforeEach
    void start() {
        ui = new UiQueue();
        console = new TestConsole(workspace, "process", ui);
        console.runtime.workspace().create(FunctionConfig.builder("orders").runtime("python3.12")
                .handler("app.handler").memorySize(256).build(), CodeSource.files(Map.of("app.py", """
                def handler(event, context):
                    print("processing order for", event.get("name"))
                    if event.get("fail"):
                        raise ValueError("no order for " + event["name"])
                    return {"ok": True}
                """)));
        vm = new MonitorViewModel("orders", console.services.logs(), ui);
    }

    @AfterEach
    void stop() {
        vm.close();
        console.close();
    }

    private InvocationResult invoke(String json) {
        InvocationResult r = console.services.engine().invokeSync(
                InvocationRequest.of("orders", json.getBytes(StandardCharsets.UTF_8)));
        console.services.logs().flush();
        return r;
    }

    /** Every event of the current view, fetched through the paged list as a scrolling control would. */
    private List<String> shown() {
        PagedLogList list = vm.logs().eventsProperty().get();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) out.add(list.get(i).message());
        return out;
    }

    @Test
    void invocationsAreListedNewestFirstWithTheirReportFiguresAndColdStarts() {
        InvocationResult first = invoke("{\"name\": \"Ada\"}");
        InvocationResult second = invoke("{\"name\": \"Bob\", \"fail\": true}");
        InvocationResult third = invoke("{\"name\": \"Cy\"}");
        vm.refresh();

        assertThat(vm.invocations()).extracting(InvocationRow::requestId)
                .containsExactly(third.requestId(), second.requestId(), first.requestId());
        InvocationRow cold = vm.invocations().get(2);
        assertThat(cold.start()).matches("Cold \\(init \\d+\\.\\d\\d ms\\)");
        assertThat(cold.duration()).matches("\\d+\\.\\d\\d ms");
        assertThat(cold.billed()).matches("\\d+ ms");
        assertThat(cold.maxMemory()).matches("\\d+ / 256 MB");
        assertThat(cold.status()).isEqualTo("Success");
        assertThat(cold.type()).isEqualTo("Sync");
        long billed = Long.parseLong(cold.billed().replace(" ms", ""));
        assertThat(cold.cost()).as("billed s × 0.25 GB at the first x86_64 tier, plus the request")
                .isEqualTo(dev.lambdaconsole.runtime.pricing.LambdaPricing.usd(billed / 4000.0 * 0.0000166667 + 0.0000002));
        assertThat(vm.invocations().get(1).status()).isEqualTo("ValueError");
        assertThat(vm.invocations().get(1).failed()).isTrue();
        assertThat(vm.invocations().get(0).start()).isEqualTo("Warm");
        assertThat(vm.summaryProperty().get()).startsWith("3 invocations: 1 error, 1 cold start, average ");
    }

    @Test
    void choosingAnInvocationShowsItsLinesAndTheFilterNarrowsThem() {
        InvocationResult ada = invoke("{\"name\": \"Ada\"}");
        InvocationResult bob = invoke("{\"name\": \"Bob\"}");
        vm.refresh();
        assertThat(shown()).contains("START RequestId: " + ada.requestId() + " Version: $LATEST",
                "START RequestId: " + bob.requestId() + " Version: $LATEST");

        vm.showInvocation(bob.requestId());
        assertThat(shown()).first().isEqualTo("START RequestId: " + bob.requestId() + " Version: $LATEST");
        assertThat(shown()).anyMatch(l -> l.contains("processing order for Bob"))
                .anyMatch(l -> l.startsWith("END RequestId: " + bob.requestId()))
                .anyMatch(l -> l.startsWith("REPORT RequestId: " + bob.requestId() + "\tDuration: "))
                .noneMatch(l -> l.contains("Ada"));

        vm.logs().filterTextProperty().set("report requestid");
        assertThat(shown()).singleElement().asString().startsWith("REPORT RequestId: " + bob.requestId());
        vm.logs().clearInvocation();
        assertThat(shown()).hasSize(2).allMatch(l -> l.startsWith("REPORT"));
        vm.logs().matchCaseProperty().set(true);
        assertThat(shown()).isEmpty();
        assertThat(vm.logs().statusProperty().get()).isEqualTo("No events match");
        vm.logs().matchCaseProperty().set(false);
        vm.logs().filterTextProperty().set("Bo"); // two characters: no index, same rule
        assertThat(shown()).singleElement().asString().contains("processing order for Bob");
        assertThat(vm.logs().statusProperty().get()).isEqualTo("1 event");
    }

    @Test
    void timeRangeAndStreamNarrowTheEvents() {
        InvocationResult r = invoke("{\"name\": \"Ada\"}");
        String group = LogStore.groupOf("orders");
        long twoHoursAgo = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        console.services.logs().append(List.of(LogEvent.of(group, "older-stream", twoHoursAgo, null, "an old line")));
        console.services.logs().flush();

        vm.refresh();
        assertThat(shown()).contains("an old line");
        assertThat(vm.logs().streams()).extracting(s -> s.logStream()).containsExactly(r.logStream(), "older-stream");
        vm.logs().timeRangeProperty().set(TimeRange.LAST_HOUR);
        assertThat(shown()).doesNotContain("an old line").anyMatch(l -> l.contains("processing order for Ada"));
        vm.logs().timeRangeProperty().set(TimeRange.LAST_DAY);
        assertThat(shown()).contains("an old line");
        vm.logs().streamProperty().set("older-stream");
        assertThat(shown()).containsExactly("an old line");

        vm.logs().streamProperty().set(null);
        java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.systemDefault());
        String before = minute.format(java.time.Instant.ofEpochMilli(twoHoursAgo - 600_000));
        String after = minute.format(java.time.Instant.ofEpochMilli(twoHoursAgo + 600_000));
        assertThat(vm.logs().setCustomRange(before, after)).isEmpty();
        assertThat(vm.logs().timeRangeProperty().get()).isEqualTo(TimeRange.CUSTOM);
        assertThat(shown()).containsExactly("an old line");
        assertThat(vm.logs().setCustomRange(after, "")).isEmpty();
        assertThat(shown()).doesNotContain("an old line").anyMatch(l -> l.contains("processing order for Ada"));
        assertThat(vm.logs().setCustomRange("yesterday", "")).startsWith("From: write a local time as");
        assertThat(vm.logs().setCustomRange(after, before)).isEqualTo("From must not be after To.");
        assertThat(shown()).anyMatch(l -> l.contains("processing order for Ada")); // the last good range stays
    }

    @Test
    void liveTailAddsNewInvocationsAndTheirLinesInBatches() {
        invoke("{\"name\": \"Ada\"}");
        vm.refresh();
        int before = vm.logs().eventsProperty().get().size();

        InvocationResult later = invoke("{\"name\": \"Later\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            ui.runPending();
            return vm.invocations().size() == 2 && vm.logs().eventsProperty().get().size() > before;
        });
        assertThat(vm.invocations().get(0).requestId()).isEqualTo(later.requestId());
        assertThat(shown()).anyMatch(l -> l.contains("processing order for Later"))
                .anyMatch(l -> l.startsWith("REPORT RequestId: " + later.requestId()));

        vm.logs().liveTailProperty().set(false);
        int paused = vm.logs().eventsProperty().get().size();
        InvocationResult unseen = invoke("{\"name\": \"Paused\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> ui.runPending() > 0 || vm.invocations().size() == 3);
        ui.runPending();
        assertThat(vm.logs().eventsProperty().get().size()).isEqualTo(paused);
        vm.logs().liveTailProperty().set(true);
        assertThat(shown()).anyMatch(l -> l.startsWith("REPORT RequestId: " + unseen.requestId()));
    }

    @Test
    void aLargeViewIsReadByPageAndCopiedAndExportedFromTheStore() throws Exception {
        String group = LogStore.groupOf("orders");
        List<LogEvent> lines = new ArrayList<>();
        long t = System.currentTimeMillis();
        for (int i = 0; i < 5_000; i++) lines.add(LogEvent.of(group, "big", t, "r" + i / 10, "line " + i));
        console.services.logs().append(lines);
        console.services.logs().flush();
        vm.refresh();

        PagedLogList list = vm.logs().eventsProperty().get();
        assertThat(list).hasSize(5_000);
        assertThat(list.get(4_999).message()).isEqualTo("line 4999");  // newest page, from the end
        assertThat(list.get(4_600).message()).isEqualTo("line 4600");  // by key, before the cached page
        assertThat(list.get(0).message()).isEqualTo("line 0");          // by offset from the start
        assertThat(list.get(200).message()).isEqualTo("line 200");      // by key, after page 0
        assertThat(list.get(2_345).message()).isEqualTo("line 2345");   // by offset

        vm.logs().filterTextProperty().set("line 49");
        assertThat(vm.logs().eventsProperty().get()).hasSize(111); // 49, 490-499, 4900-4999

        StringBuilder copied = new StringBuilder();
        vm.logs().copyText(List.of(0, 1, 110), 100, copied::append);
        assertThat(copied.toString().lines()).hasSize(3).allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\tline 49.*"));
        assertThat(copied.toString().lines().toList().get(2)).endsWith("\tline 4999");
        assertThat(vm.logs().messageProperty().get()).isEqualTo("Copied 3 lines");

        Path file = workspace.resolve("out/logs.txt");
        Files.createDirectories(file.getParent());
        vm.logs().export(file, console.services.progress());
        assertThat(Files.readAllLines(file)).hasSize(111).last().asString().endsWith("\tline 4999");
        assertThat(vm.logs().messageProperty().get()).isEqualTo("Exported 111 lines to " + file);
    }
}
