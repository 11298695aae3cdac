package dev.lambdaconsole.app.common;

import javafx.application.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Background work on a pool of daemon threads; every callback runs on the JavaFX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "console-task");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> Task<T> run(Callable<T> work) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
        return new FutureTask<>(future);
    }

    @Override
    public void onUi(Runnable update) {
        if (Platform.isFxApplicationThread()) update.run(); else Platform.runLater(update);
    }

    @Override
    public void close() { executor.shutdownNow(); }

    private final class FutureTask<T> implements Task<T> {
        private final CompletableFuture<T> future;
        private final List<Runnable> finals = new ArrayList<>();

        FutureTask(CompletableFuture<T> future) {
            this.future = future;
        }

        @Override
        public Task<T> onSuccess(Consumer<T> consumer) {
            future.thenAccept(v -> onUi(() -> consumer.accept(v)));
            return this;
        }

        @Override
        public Task<T> onFailure(Consumer<Throwable> consumer) {
            future.exceptionally(e -> {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                onUi(() -> consumer.accept(cause));
                return null;
            });
            return this;
        }

        @Override
        public Task<T> andFinally(Runnable runnable) {
            future.whenComplete((v, e) -> onUi(runnable));
            return this;
        }
    }
}
