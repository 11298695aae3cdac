package dev.lambdaconsole.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where ViewModels run work that blocks (disk, the engine, waiting): in the background, with the result
 * delivered on the UI thread. Tests use {@link #synchronous()}.
 */
public interface TaskRunner {
    <T> Task<T> run(Callable<T> work);

    /** Delivers a UI update (on the FX thread in the app; at once in tests). */
    void onUi(Runnable update);

    /** One piece of background work; callbacks run on the UI thread. */
    interface Task<T> {
        Task<T> onSuccess(Consumer<T> consumer);
        Task<T> onFailure(Consumer<Throwable> consumer);
        Task<T> andFinally(Runnable runnable);
    }

    /** Runs everything on the calling thread: for ViewModel tests without a toolkit. */
    static TaskRunner synchronous() {
        return new TaskRunner() {
            @Override
            public <T> Task<T> run(Callable<T> work) {
                T value = null;
                Throwable error = null;
                try {
                    value = work.call();
                } catch (Throwable t) {
                    error = t;
                }
                return CompletedTask.of(value, error);
            }

            @Override
            public void onUi(Runnable update) { update.run(); }
        };
    }
}
