package dev.lambdaconsole.editor.concurrent;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (disk, the engine, Docker, waiting) off the JavaFX thread and delivers its outcome on it —
 * the one task runner of the editor and the console. A task's callbacks run once, in a fixed order: {@code
 * onSuccess} or {@code onFailure}, then {@code andFinally}. A cancelled task skips {@code onSuccess} and {@code
 * onFailure} (a stale result never reaches the UI) but still runs {@code andFinally}. A failure nobody handles is
 * logged with its stack trace; handled ones are logged at FINE. Tests use {@link #synchronous()}.
 */
public interface TaskRunner {
    <T> Task<T> run(Callable<T> work);

    /** Delivers a UI update (on the FX thread in the app; at once in tests). */
    void onUi(Runnable update);

    /** The editor's form: work, then one of the two callbacks on the UI thread. */
    default <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        run(work).onSuccess(onSuccess::accept)
                .onFailure(t -> onFailure.accept(t instanceof Exception e ? e : new RuntimeException(t)));
    }

    /** One piece of background work; callbacks run on the UI thread. */
    interface Task<T> {
        Task<T> onSuccess(Consumer<? super T> consumer);

        Task<T> onFailure(Consumer<Throwable> consumer);

        /** Runs after {@code onSuccess}/{@code onFailure}, also when the task was cancelled. */
        Task<T> andFinally(Runnable runnable);

        /** Interrupts the work if it still runs; its result (or error) is not delivered. */
        void cancel();

        boolean isCancelled();
    }

    /** Background I/O threads of the editor, results delivered on the FX thread. */
    static TaskRunner fx() {
        return new FxTaskRunner(EditorThreads.io());
    }

    /** Runs everything on the calling thread: for tests without a toolkit. */
    static TaskRunner synchronous() {
        return new TaskRunner() {
            @Override
            public <T> Task<T> run(Callable<T> work) {
                TaskOutcome<T> task = new TaskOutcome<>(Runnable::run, false);
                try {
                    task.complete(work.call(), null);
                } catch (Throwable t) {
                    task.complete(null, t);
                }
                return task;
            }

            @Override
            public void onUi(Runnable update) {
                update.run();
            }
        };
    }

    /** A failure as one line for the UI: its message, or its type when it has none. */
    static String describe(Throwable t) {
        if (t == null) return "unknown error";
        Throwable shown = t;
        // wrappers (CompletionException, a RuntimeException around a cause) say nothing of their own
        while (shown.getCause() != null && (shown.getMessage() == null || shown.getMessage().isBlank()
                || shown.getMessage().equals(shown.getCause().toString()))) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        return message == null || message.isBlank() ? shown.getClass().getSimpleName() : message;
    }
}
