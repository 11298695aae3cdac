package dev.lambdaconsole.editor.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A task's outcome and its callbacks. When the work ends, one delivery on the UI executor runs the callbacks in
 * order (success or failure, then finally); callbacks attached after that run at once, on the UI executor.
 */
final class TaskOutcome<T> implements TaskRunner.Task<T> {
    private static final Logger LOG = Logger.getLogger(TaskRunner.class.getName());

    private final Executor ui;
    private final List<Consumer<? super T>> successes = new ArrayList<>();
    private final List<Consumer<Throwable>> failures = new ArrayList<>();
    private final List<Runnable> finals = new ArrayList<>();
    private volatile Future<?> work;
    private boolean done;
    private boolean delivered;
    private volatile boolean cancelled;
    private T value;
    private Throwable error;

    private final boolean deferred;

    /**
     * @param deferred whether delivery waits for the UI executor (callbacks are attached by then), so a failure with
     *                 no handler can be told apart; synchronous runners deliver at once and log failures at FINE
     */
    TaskOutcome(Executor ui, boolean deferred) {
        this.ui = ui;
        this.deferred = deferred;
    }

    void attach(Future<?> future) {
        this.work = future;
        if (cancelled) future.cancel(true);
    }

    /** The work ended: deliver once on the UI executor. */
    void complete(T result, Throwable failure) {
        synchronized (this) {
            if (done) return;
            done = true;
            value = result;
            error = failure;
        }
        ui.execute(this::deliver);
    }

    private void deliver() {
        List<Consumer<? super T>> s;
        List<Consumer<Throwable>> f;
        List<Runnable> fin;
        synchronized (this) {
            delivered = true;
            s = List.copyOf(successes);
            f = List.copyOf(failures);
            fin = List.copyOf(finals);
            successes.clear();
            failures.clear();
            finals.clear();
        }
        if (!cancelled) {
            if (error == null) s.forEach(c -> c.accept(value));
            else failed(f);
        }
        fin.forEach(Runnable::run);
    }

    private void failed(List<Consumer<Throwable>> handlers) {
        if (handlers.isEmpty() && deferred) {
            LOG.log(Level.WARNING, "A background task failed and nobody handled it: " + TaskRunner.describe(error),
                    error);
        } else {
            LOG.log(Level.FINE, "A background task failed", error);
            handlers.forEach(c -> c.accept(error));
        }
    }

    @Override
    public TaskRunner.Task<T> onSuccess(Consumer<? super T> consumer) {
        boolean now;
        synchronized (this) {
            now = delivered;
            if (!now) successes.add(consumer);
        }
        if (now && !cancelled && error == null) ui.execute(() -> consumer.accept(value));
        return this;
    }

    @Override
    public TaskRunner.Task<T> onFailure(Consumer<Throwable> consumer) {
        boolean now;
        synchronized (this) {
            now = delivered;
            if (!now) failures.add(consumer);
        }
        if (now && !cancelled && error != null) ui.execute(() -> consumer.accept(error));
        return this;
    }

    @Override
    public TaskRunner.Task<T> andFinally(Runnable runnable) {
        boolean now;
        synchronized (this) {
            now = delivered;
            if (!now) finals.add(runnable);
        }
        if (now) ui.execute(runnable);
        return this;
    }

    @Override
    public void cancel() {
        cancelled = true;
        Future<?> f = work;
        if (f != null) f.cancel(true);
        // work that never started will not complete itself: finish here (a later completion is ignored)
        complete(null, new java.util.concurrent.CancellationException("cancelled"));
    }

    @Override
    public boolean isCancelled() { return cancelled; }
}
