package dev.lambdaconsole.app.test;

import dev.lambdaconsole.editor.concurrent.TaskRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Background work that waits until the test finishes it, in any order: answers that arrive late or out of turn. */
final class HeldTasks implements TaskRunner {
    private final List<Held<?>> held = new ArrayList<>();

    @Override
    public <T> Task<T> run(Callable<T> work) {
        Held<T> task = new Held<>(work);
        held.add(task);
        return task;
    }

    @Override
    public void onUi(Runnable update) { update.run(); }

    int waiting() { return (int) held.stream().filter(h -> !h.done).count(); }

    /** Runs the {@code index}-th task started (0 is the first) and delivers its outcome. */
    void finish(int index) { held.get(index).finish(); }

    private static final class Held<T> implements Task<T> {
        private final Callable<T> work;
        private final List<Consumer<? super T>> successes = new ArrayList<>();
        private final List<Consumer<Throwable>> failures = new ArrayList<>();
        private final List<Runnable> finals = new ArrayList<>();
        private boolean done;
        private boolean cancelled;

        Held(Callable<T> work) { this.work = work; }

        @Override
        public Task<T> onSuccess(Consumer<? super T> consumer) { successes.add(consumer); return this; }

        @Override
        public Task<T> onFailure(Consumer<Throwable> consumer) { failures.add(consumer); return this; }

        @Override
        public Task<T> andFinally(Runnable runnable) { finals.add(runnable); return this; }

        @Override
        public void cancel() { cancelled = true; }

        @Override
        public boolean isCancelled() { return cancelled; }

        void finish() {
            done = true;
            try {
                T value = work.call();
                if (!cancelled) successes.forEach(s -> s.accept(value));
            } catch (Throwable e) {
                if (!cancelled) failures.forEach(f -> f.accept(e));
            }
            finals.forEach(Runnable::run);
        }
    }
}
