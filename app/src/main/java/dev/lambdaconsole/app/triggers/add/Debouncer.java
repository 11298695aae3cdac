package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Work that follows typing: each {@link #submit} supersedes the previous one; the work runs in the background after
 * a pause (~150 ms in the console, none in tests) and its result is applied only if nothing newer was submitted.
 */
final class Debouncer {
    static final Duration TYPING_PAUSE = Duration.ofMillis(150);
    private final TaskRunner tasks;
    private final Duration pause;
    private final AtomicLong latest = new AtomicLong();

    Debouncer(TaskRunner tasks, Duration pause) {
        this.tasks = tasks;
        this.pause = pause;
    }

    <T> void submit(Callable<T> work, Consumer<T> apply) {
        long mine = latest.incrementAndGet();
        tasks.run(() -> {
            if (!pause.isZero()) Thread.sleep(pause.toMillis());
            return latest.get() == mine ? work.call() : null;
        }).onSuccess(result -> {
            if (latest.get() == mine) apply.accept(result);
        });
    }

    /** Drops whatever is pending. */
    void cancel() { latest.incrementAndGet(); }
}
