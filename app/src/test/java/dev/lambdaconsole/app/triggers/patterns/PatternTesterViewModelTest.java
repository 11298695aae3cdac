package dev.lambdaconsole.app.triggers.patterns;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.simulators.events.EventLibrary;
import dev.lambdaconsole.simulators.patterns.SnsFilterPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatternTesterViewModelTest {
    static final EventLibrary LIBRARY = EventLibrary.load();
    final PatternTesterViewModel vm = new PatternTesterViewModel(TaskRunner.synchronous(), () -> LIBRARY);

    private Verdict test(PatternDialect dialect, String pattern, String event) {
        vm.dialectProperty().set(dialect);
        vm.patternProperty().set(pattern);
        vm.eventProperty().set(event);
        vm.evaluate();
        return vm.verdictProperty().get();
    }

    @Test
    void eventBridgeMatchesSaysWhichFieldFailedAndWhereThePatternBreaks() {
        String pattern = "{\"detail\": {\"amount\": [{\"numeric\": [\">\", 10]}]}}";
        assertThat(test(PatternDialect.EVENT_PATTERN, pattern, "{\"detail\": {\"amount\": 20}}").kind())
                .isEqualTo(Verdict.Kind.MATCHED);
        Verdict no = test(PatternDialect.EVENT_PATTERN, pattern, "{\"detail\": {\"amount\": 5}}");
        assertThat(no.kind()).isEqualTo(Verdict.Kind.NOT_MATCHED);
        assertThat(no.summary()).isEqualTo("Not matched");
        assertThat(no.reason()).contains("detail.amount");
        Verdict bad = test(PatternDialect.EVENT_PATTERN, "{\"detail\": ", "{}");
        assertThat(bad.kind()).isEqualTo(Verdict.Kind.INVALID_PATTERN);
        assertThat(bad.reason()).startsWith("Event pattern is not valid. Reason: ").contains("line: 1, column: ");
        assertThat(test(PatternDialect.EVENT_PATTERN, pattern, "{oops").kind()).isEqualTo(Verdict.Kind.INVALID_EVENT);
    }

    @Test
    void snsPoliciesMatchTheLibrarysNotificationByAttributesOrBody() {
        vm.dialectProperty().set(PatternDialect.SNS_FILTER_POLICY);
        assertThat(vm.samples()).containsExactly("sns notification");
        vm.loadSample("sns notification");
        String notification = vm.eventProperty().get();
        assertThat(notification).contains("\"eventType\"");
        assertThat(test(PatternDialect.SNS_FILTER_POLICY, "{\"eventType\": [\"order.shipped\"]}", notification).kind())
                .isEqualTo(Verdict.Kind.MATCHED);
        Verdict no = test(PatternDialect.SNS_FILTER_POLICY, "{\"eventType\": [\"order.paid\"]}", notification);
        assertThat(no.kind()).isEqualTo(Verdict.Kind.NOT_MATCHED);
        assertThat(no.reason()).contains("eventType");
        vm.scopeProperty().set(SnsFilterPolicy.Scope.MESSAGE_BODY);
        assertThat(test(PatternDialect.SNS_FILTER_POLICY, "{\"status\": [\"SHIPPED\"]}", notification).kind())
                .isEqualTo(Verdict.Kind.MATCHED);
        assertThat(test(PatternDialect.SNS_FILTER_POLICY, "{\"status\": [\"PAID\"]}", notification).reason())
                .contains("status");
        Verdict bad = test(PatternDialect.SNS_FILTER_POLICY, "{\"status\": \"PAID\"}", notification);
        assertThat(bad.kind()).isEqualTo(Verdict.Kind.INVALID_PATTERN);
        assertThat(bad.reason()).startsWith("Invalid parameter: FilterPolicy:");
    }

    @Test
    void lambdaFiltersSeeTheSqsBodyAsJsonAndNameTheRule() {
        vm.dialectProperty().set(PatternDialect.LAMBDA_FILTER);
        vm.loadSample("sqs receive-message");
        String batch = vm.eventProperty().get();
        assertThat(test(PatternDialect.LAMBDA_FILTER, "{\"body\": {\"status\": [\"PAID\"]}}", batch).kind())
                .isEqualTo(Verdict.Kind.MATCHED);
        Verdict no = test(PatternDialect.LAMBDA_FILTER, "{\"body\": {\"status\": [\"NEW\"]}}\n{\"body\": {\"orderId\": [7]}}", batch);
        assertThat(no.kind()).isEqualTo(Verdict.Kind.NOT_MATCHED);
        assertThat(no.reason()).contains("filter 1: ").contains("body.status").contains("filter 2: ").contains("body.orderId");
        Verdict bad = test(PatternDialect.LAMBDA_FILTER, "{\"body\": {\"status\": \"PAID\"}}", batch);
        assertThat(bad.kind()).isEqualTo(Verdict.Kind.INVALID_PATTERN);
        assertThat(bad.reason()).startsWith("Invalid filter pattern definition. (");
    }

    @Test
    void logsFilterPatternsMatchEachMessageOfTheSubscriptionEvent() {
        vm.dialectProperty().set(PatternDialect.LOGS_FILTER);
        vm.loadSample("cloudwatch logs");
        String event = vm.eventProperty().get();
        assertThat(PatternEvaluator.logMessages(event)).containsExactly("ERROR order 42 failed: payment declined");
        assertThat(test(PatternDialect.LOGS_FILTER, "ERROR declined", event).kind()).isEqualTo(Verdict.Kind.MATCHED);
        Verdict no = test(PatternDialect.LOGS_FILTER, "ERROR -declined", event);
        assertThat(no.kind()).isEqualTo(Verdict.Kind.NOT_MATCHED);
        assertThat(no.reason()).startsWith("The message does not satisfy the terms ERROR -declined");
        Verdict some = test(PatternDialect.LOGS_FILTER, "{ $.level = \"ERROR\" }", "{\"level\":\"ERROR\"}\nplain text");
        assertThat(some.summary()).isEqualTo("Matched 1 of 2 messages");
        Verdict bad = test(PatternDialect.LOGS_FILTER, "{ $.level = ", "x");
        assertThat(bad.kind()).isEqualTo(Verdict.Kind.INVALID_PATTERN);
        assertThat(bad.reason()).contains("at column");
    }

    /** Tasks the test finishes by hand, in any order. */
    static final class HeldRunner implements TaskRunner {
        final java.util.List<Runnable> finishers = new java.util.ArrayList<>();

        @Override
        public <T> Task<T> run(java.util.concurrent.Callable<T> work) {
            java.util.List<java.util.function.Consumer<? super T>> success = new java.util.ArrayList<>();
            finishers.add(() -> {
                try {
                    T value = work.call();
                    success.forEach(c -> c.accept(value));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return new Task<>() {
                private boolean cancelled;
                @Override public Task<T> onSuccess(java.util.function.Consumer<? super T> consumer) {
                    success.add(v -> { if (!cancelled) consumer.accept(v); });
                    return this;
                }
                @Override public Task<T> onFailure(java.util.function.Consumer<Throwable> consumer) { return this; }
                @Override public Task<T> andFinally(Runnable runnable) { return this; }
                @Override public void cancel() { cancelled = true; }
                @Override public boolean isCancelled() { return cancelled; }
            };
        }

        @Override public void onUi(Runnable update) { update.run(); }
    }

    @Test
    void aVerdictOvertakenByAnEditIsDropped() {
        HeldRunner held = new HeldRunner();
        PatternTesterViewModel tester = new PatternTesterViewModel(held, () -> LIBRARY);
        tester.patternProperty().set("{\"a\": [1]}");
        tester.eventProperty().set("{\"a\": 2}");
        tester.evaluate();
        tester.eventProperty().set("{\"a\": 1}");
        tester.evaluate();
        held.finishers.get(1).run();
        assertThat(tester.verdictProperty().get().kind()).isEqualTo(Verdict.Kind.MATCHED);
        held.finishers.get(0).run();
        assertThat(tester.verdictProperty().get().kind()).as("the older answer arrives late").isEqualTo(Verdict.Kind.MATCHED);
    }
}
