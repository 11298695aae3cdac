package dev.lambdaconsole.editor.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/** {@link TaskRunner} that works on an executor and reports back on the JavaFX thread. */
final class FxTaskRunner implements TaskRunner {

    private final Executor executor;

    FxTaskRunner(Executor executor) {
        this.executor = executor;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }
}
