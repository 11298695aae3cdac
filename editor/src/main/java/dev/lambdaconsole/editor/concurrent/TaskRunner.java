package dev.lambdaconsole.editor.concurrent;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work off the JavaFX thread and delivers the outcome on it. Tests use
 * {@link #synchronous()} where no toolkit runs.
 */
public interface TaskRunner {

    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Background I/O threads, results delivered with {@code Platform.runLater}. */
    static TaskRunner fx() {
        return new FxTaskRunner(EditorThreads.io());
    }

    /** Runs everything on the calling thread. */
    static TaskRunner synchronous() {
        return new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
