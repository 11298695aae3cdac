package dev.lambdaconsole.editor.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;

/**
 * {@link TaskRunner} that works on an executor (its own pool of daemon threads unless given one) and delivers
 * every callback on the JavaFX thread, in order.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private final Executor executor;
    private final ExecutorService owned;

    /** A runner with a pool of its own ("console-task" threads), shut down by {@link #close()}. */
    public FxTaskRunner() {
        this.owned = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "console-task");
            t.setDaemon(true);
            return t;
        });
        this.executor = owned;
    }

    FxTaskRunner(Executor executor) {
        this.executor = executor;
        this.owned = null;
    }

    @Override
    public <T> Task<T> run(Callable<T> work) {
        TaskOutcome<T> outcome = new TaskOutcome<>(this::onUi, true);
        FutureTask<T> future = new FutureTask<>(() -> {
            try {
                outcome.complete(work.call(), null);
            } catch (Throwable t) {
                outcome.complete(null, t);
            }
            return null;
        });
        outcome.attach(future);
        try {
            executor.execute(future);
        } catch (RuntimeException rejected) {
            outcome.complete(null, rejected);
        }
        return outcome;
    }

    @Override
    public void onUi(Runnable update) {
        if (Platform.isFxApplicationThread()) update.run(); else Platform.runLater(update);
    }

    @Override
    public void close() {
        if (owned != null) owned.shutdownNow();
    }
}
