package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.editor.concurrent.TaskRunner;

import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Background work at once on the calling thread (as {@link TaskRunner#synchronous()}), but UI updates that
 * other threads ask for (the log store's writer) wait in a queue until the test runs them on its own thread,
 * as the FX thread would.
 */
public final class UiQueue implements TaskRunner {
    private final TaskRunner now = TaskRunner.synchronous();
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final Thread owner = Thread.currentThread();

    @Override
    public <T> Task<T> run(Callable<T> work) { return now.run(work); }

    @Override
    public void onUi(Runnable update) {
        if (Thread.currentThread() == owner) update.run(); else pending.add(update);
    }

    /** Runs the UI updates asked for so far; returns how many. */
    public int runPending() {
        int n = 0;
        for (Runnable r; (r = pending.poll()) != null; n++) r.run();
        return n;
    }
}
