package dev.lambdaconsole.app.test;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestViewModelTest {
    @TempDir static Path workspace;
    static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace).withPort(0));
        runtime.workspace().create(FunctionConfig.builder("greeter").runtime("python3.12").handler("app.handler")
                .memorySize(256).build(), CodeSource.files(Map.of("app.py", """
                def handler(event, context):
                    print("greeting", event.get("name"))
                    if event.get("fail"):
                        raise ValueError("no greeting for " + event["name"])
                    return {"greeting": "hello " + event["name"]}
                """)));
        runtime.workspace().create(FunctionConfig.builder("busy").runtime("python3.12").handler("app.handler")
                .reservedConcurrentExecutions(0).build(), CodeSource.files(Map.of("app.py", """
                def handler(event, context):
                    return "never runs"
                """)));
    }

    @AfterAll
    static void stop() { runtime.close(); }

    private TestViewModel vm() {
        return new TestViewModel("greeter", runtime.workspace(), runtime.engine(), TaskRunner.synchronous());
    }

    @Test
    void invokeShowsTheResponseAndTheReportFigures() {
        TestViewModel vm = vm();
        vm.eventJsonProperty().set("{\"name\": \"Ada\"}");
        vm.invoke();
        ExecutionResult r = vm.resultProperty().get();
        assertThat(r.succeeded()).isTrue();
        assertThat(r.headline()).isEqualTo("Executing function: succeeded");
        assertThat(r.response()).isEqualTo("{\n  \"greeting\" : \"hello Ada\"\n}");
        assertThat(r.requestId()).hasSize(36);
        assertThat(r.duration()).matches("\\d+\\.\\d\\d ms");
        assertThat(r.memorySize()).isEqualTo("256 MB");
        assertThat(r.maxMemoryUsed()).matches("\\d+ MB");
        assertThat(r.log()).contains("greeting Ada").contains("REPORT RequestId: " + r.requestId());
        long billed = Long.parseLong(r.billedDuration().replace(" ms", ""));
        // billed s × 0.25 GB at the first x86_64 tier, plus one request
        double usd = billed / 1000.0 * 0.25 * 0.0000166667 + 0.0000002;
        assertThat(r.cost()).isEqualTo("≈ " + dev.lambdaconsole.runtime.pricing.LambdaPricing.usd(usd)
                + " — estimate, US East (N. Virginia) prices of 2026-08-01");
        assertThat(r.costDetail()).matches("\\d\\.\\d+ GB-s: duration \\$0\\.\\d+ .*")
                .contains(" + request $0.0000002 + ephemeral storage $0").endsWith("; the billed duration includes Init");
        vm.invoke();
        assertThat(vm.resultProperty().get().coldStart()).isFalse();
    }

    @Test
    void aFunctionErrorIsShownAsFailedWithTheErrorObject() {
        TestViewModel vm = vm();
        vm.eventJsonProperty().set("{\"name\": \"Bob\", \"fail\": true}");
        vm.invoke();
        ExecutionResult r = vm.resultProperty().get();
        assertThat(r.succeeded()).isFalse();
        assertThat(r.headline()).isEqualTo("Executing function: failed (ValueError)");
        assertThat(r.response()).contains("\"errorMessage\" : \"no greeting for Bob\"");
    }

    @Test
    void invalidJsonIsFlaggedWithItsPositionAndNotSent() {
        TestViewModel vm = vm();
        vm.eventJsonProperty().set("{\n  \"name\": }");
        assertThat(vm.jsonErrorProperty().get()).startsWith("line 2, column 11: Unexpected character ('}'");
        vm.invoke();
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).startsWith("The event is not valid JSON: line 2, column 11");
        vm.eventJsonProperty().set("{\"a\": 1} {\"b\": 2}");
        assertThat(vm.jsonErrorProperty().get())
                .isEqualTo("line 1, column 10: Unexpected content after the JSON value");
        vm.eventJsonProperty().set("  ");
        assertThat(vm.jsonErrorProperty().get()).contains("Empty document");
        vm.eventJsonProperty().set("[1, 2]");
        assertThat(vm.jsonErrorProperty().get()).isEmpty();
    }

    @Test
    void theCurrentEventFollowsOpenSaveRenameAndDeleteAndNewStartsFromTheTemplate() {
        TestViewModel vm = vm();
        assertThat(vm.currentEventProperty().get()).isEmpty();
        vm.eventNameProperty().set("first");
        vm.eventJsonProperty().set("{\"name\": \"one\"}");
        vm.save();
        assertThat(vm.currentEventProperty().get()).isEqualTo("first");
        vm.newEvent();
        assertThat(vm.currentEventProperty().get()).isEmpty();
        assertThat(vm.eventNameProperty().get()).isEmpty();
        assertThat(vm.eventJsonProperty().get()).isEqualTo(TestViewModel.HELLO_WORLD);
        vm.open("first");
        assertThat(vm.currentEventProperty().get()).isEqualTo("first");
        assertThat(vm.eventJsonProperty().get()).isEqualTo("{\"name\": \"one\"}");
        vm.rename("first", "second");
        assertThat(vm.currentEventProperty().get()).isEqualTo("second");
        assertThat(vm.eventNameProperty().get()).isEqualTo("second");
        vm.rename("second", "bad name");
        assertThat(vm.messageProperty().get()).contains("Event name");
        assertThat(vm.currentEventProperty().get()).isEqualTo("second");
        vm.delete("second");
        assertThat(vm.currentEventProperty().get()).isEmpty();
        assertThat(vm.savedEvents()).isEmpty();
    }

    @Test
    void eventsSavedElsewhereShowUpUntilClosed() {
        TestViewModel vm = vm();
        runtime.workspace().events().save("greeter", "from-cli", "{}");
        assertThat(vm.savedEvents()).containsExactly("from-cli");
        vm.close();
        runtime.workspace().events().save("greeter", "later", "{}");
        assertThat(vm.savedEvents()).containsExactly("from-cli");
        runtime.workspace().events().delete("greeter", "from-cli");
        runtime.workspace().events().delete("greeter", "later");
    }

    @Test
    void aThrottledInvocationIsRefusedWithTheReason() {
        TestViewModel vm = new TestViewModel("busy", runtime.workspace(), runtime.engine(), TaskRunner.synchronous());
        vm.invoke();
        ExecutionResult r = vm.resultProperty().get();
        assertThat(r.outcome()).isEqualTo(ExecutionResult.Outcome.REFUSED);
        assertThat(r.ran()).isFalse();
        assertThat(r.headline()).isEqualTo(
                "Invocation refused: throttled (ReservedFunctionConcurrentInvocationLimitExceeded)");
        assertThat(r.response()).startsWith("Rate Exceeded. Wait for running invocations to finish");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void savedEventsCanBeCreatedDuplicatedRenamedAndDeleted() {
        TestViewModel vm = vm();
        useTemplate(vm, "scheduled");
        assertThat(vm.eventJsonProperty().get()).contains("\"detail-type\": \"Scheduled Event\"");
        vm.eventNameProperty().set("upload");
        vm.save();
        assertThat(vm.savedEvents()).containsExactly("upload");
        assertThat(vm.messageProperty().get()).isEqualTo("Saved test event upload.");
        assertThat(vm.messageIsErrorProperty().get()).isFalse();
        vm.duplicate("upload");
        assertThat(vm.savedEvents()).containsExactly("upload", "upload-copy");
        assertThat(vm.eventNameProperty().get()).isEqualTo("upload-copy");
        vm.rename("upload-copy", "upload-2");
        assertThat(vm.savedEvents()).containsExactly("upload", "upload-2");
        vm.delete("upload");
        vm.delete("upload-2");
        assertThat(vm.savedEvents()).isEmpty();
        vm.eventNameProperty().set("bad name!");
        vm.save();
        assertThat(vm.messageProperty().get())
                .isEqualTo("Event name: must be 1 to 25 characters of letters, digits, dots, hyphens and underscores"
                        + " (got 'bad name!')");
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
    }

    private static void useTemplate(TestViewModel vm, String search) {
        vm.templates().open();
        vm.templates().queryProperty().set(search);
        vm.templates().selectFirst();
        vm.templates().use();
    }

    @Test
    void aTemplateReplacesTheEventJsonAndKeepsTheSavedEventItIsEditing() {
        TestViewModel vm = vm();
        vm.eventNameProperty().set("queue-message");
        vm.save();
        useTemplate(vm, "logs subscription");
        assertThat(vm.eventJsonProperty().get()).contains("\"awslogs\"");
        assertThat(vm.jsonErrorProperty().get()).isEmpty();
        assertThat(vm.eventNameProperty().get()).isEqualTo("queue-message");
        assertThat(vm.currentEventProperty().get()).isEqualTo("queue-message");
        vm.save();
        assertThat(runtime.workspace().events().read("greeter", "queue-message")).contains("\"awslogs\"");
        vm.delete("queue-message");
    }

    @Test
    void asynchronousInvocationsAreQueued() {
        TestViewModel vm = vm();
        vm.asynchronousProperty().set(true);
        vm.eventJsonProperty().set("{\"name\": \"later\"}");
        vm.invoke();
        assertThat(vm.messageProperty().get()).startsWith("Queued asynchronous invocation ");
        ExecutionResult r = vm.resultProperty().get();
        assertThat(r.outcome()).isEqualTo(ExecutionResult.Outcome.QUEUED);
        assertThat(r.requestId()).hasSize(36);
        assertThat(r.response()).contains(r.requestId()).contains("Monitor");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void invokeGoesToTheChosenVersionOrAlias() {
        runtime.workspace().publishVersion("greeter", "one", null, null);
        runtime.workspace().updateConfiguration("greeter", b -> b.timeout(9));
        runtime.workspace().publishVersion("greeter", "two", null, null);
        runtime.workspace().createAlias("greeter", "live", "2", "", null);
        TestViewModel vm = vm();
        try {
            assertThat(vm.qualifiers().choices()).extracting(dev.lambdaconsole.app.versions.Qualifier::value)
                    .containsExactly("$LATEST", "1", "2", "live");
            vm.eventJsonProperty().set("{\"name\": \"Ada\"}");
            vm.qualifierProperty().set("1");
            vm.invoke();
            assertThat(vm.resultProperty().get().succeeded()).isTrue();
            assertThat(vm.messageProperty().get()).isEqualTo("Ran version 1.");
            vm.qualifierProperty().set("live");
            vm.invoke();
            assertThat(vm.messageProperty().get()).isEqualTo("Ran version 2 (through alias live).");
            assertThat(runtime.engine().environments("greeter", "2")).isNotEmpty();
            vm.qualifierProperty().set("$LATEST");
            vm.invoke();
            assertThat(vm.messageProperty().get()).isEmpty();
        } finally {
            vm.close();
            runtime.workspace().deleteAlias("greeter", "live");
        }
    }
}
