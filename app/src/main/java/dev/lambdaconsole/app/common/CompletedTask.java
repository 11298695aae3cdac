package dev.lambdaconsole.app.common;

import java.util.function.Consumer;

/** A task whose outcome is known: callbacks attached later run at once. */
final class CompletedTask<T> implements TaskRunner.Task<T> {
    private final T value;
    private final Throwable error;

    private CompletedTask(T value, Throwable error) {
        this.value = value;
        this.error = error;
    }

    static <T> CompletedTask<T> of(T value, Throwable error) { return new CompletedTask<>(value, error); }

    @Override
    public TaskRunner.Task<T> onSuccess(Consumer<T> consumer) {
        if (error == null) consumer.accept(value);
        return this;
    }

    @Override
    public TaskRunner.Task<T> onFailure(Consumer<Throwable> consumer) {
        if (error != null) consumer.accept(error);
        return this;
    }

    @Override
    public TaskRunner.Task<T> andFinally(Runnable runnable) {
        runnable.run();
        return this;
    }
}
