package dev.lambdaconsole.editor.concurrent;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class TaskRunnerTest {
    /** A UI thread of the test's own: updates queue until the test runs them, as the FX thread would. */
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    private TaskRunner runner(Executor work) {
        return new TaskRunner() {
            @Override
            public <T> Task<T> run(java.util.concurrent.Callable<T> callable) {
                TaskOutcome<T> outcome = new TaskOutcome<>(this::onUi, true);
                java.util.concurrent.FutureTask<T> future = new java.util.concurrent.FutureTask<>(() -> {
                    try {
                        outcome.complete(callable.call(), null);
                    } catch (Throwable t) {
                        outcome.complete(null, t);
                    }
                    return null;
                });
                outcome.attach(future);
                work.execute(future);
                return outcome;
            }

            @Override
            public void onUi(Runnable update) { ui.add(update); }
        };
    }

    private void drainUi() throws InterruptedException {
        Runnable r = ui.poll(5, TimeUnit.SECONDS);
        assertThat(r).as("a delivery on the UI thread").isNotNull();
        r.run();
        for (Runnable next; (next = ui.poll()) != null; ) next.run();
    }

    @Test
    void successRunsBeforeFinallyEvenWhenTheWorkEndsFirst() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        TaskRunner tasks = runner(Runnable::run); // the work ends before any callback is attached
        tasks.run(() -> "result").andFinally(() -> order.add("finally")).onSuccess(v -> order.add("success " + v));
        drainUi();
        assertThat(order).containsExactly("success result", "finally");
    }

    @Test
    void failureRunsBeforeFinally() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        TaskRunner tasks = runner(Runnable::run);
        tasks.run(() -> { throw new IllegalStateException("broken"); })
                .andFinally(() -> order.add("finally")).onFailure(e -> order.add("failure " + e.getMessage()));
        drainUi();
        assertThat(order).containsExactly("failure broken", "finally");
    }

    @Test
    void aCancelledTaskDeliversNoResultButStillFinishes() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TaskRunner tasks = runner(r -> new Thread(r).start());
        TaskRunner.Task<String> task = tasks.run(() -> {
            started.countDown();
            release.await();
            return "stale";
        }).onSuccess(v -> order.add("success " + v)).onFailure(e -> order.add("failure")).andFinally(() -> order.add("finally"));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        task.cancel();
        release.countDown();
        drainUi();
        assertThat(task.isCancelled()).isTrue();
        assertThat(order).containsExactly("finally");
    }

    @Test
    void aFailureNobodyHandlesIsLoggedWithItsStackTrace() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(TaskRunner.class.getName());
        Handler handler = new Handler() {
            @Override public void publish(LogRecord r) { records.add(r); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        log.addHandler(handler);
        try {
            runner(Runnable::run).run(() -> { throw new NullPointerException(); });
            drainUi();
        } finally {
            log.removeHandler(handler);
        }
        assertThat(records).anySatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getThrown()).isInstanceOf(NullPointerException.class);
            assertThat(r.getMessage()).contains("NullPointerException");
        });
    }

    @Test
    void describeNamesTheTypeWhenThereIsNoMessage() {
        assertThat(TaskRunner.describe(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(TaskRunner.describe(new RuntimeException(new IllegalStateException("port 9001 is taken"))))
                .isEqualTo("port 9001 is taken");
        assertThat(TaskRunner.describe(new IllegalArgumentException("bad name"))).isEqualTo("bad name");
    }

    @Test
    void synchronousRunnerDeliversInOrderToo() {
        List<String> order = new CopyOnWriteArrayList<>();
        TaskRunner.synchronous().run(() -> 1).onSuccess(v -> order.add("success")).andFinally(() -> order.add("finally"));
        assertThat(order).containsExactly("success", "finally");
    }
}
