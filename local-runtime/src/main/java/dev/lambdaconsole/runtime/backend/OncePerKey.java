package dev.lambdaconsole.runtime.backend;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Long work done once per key however many ask for it at the same time (an image build, a pull): every caller
 * gets the same future while the work runs and after it succeeded; after a failure the next caller starts it
 * again. The starter must only start the work (hand it to an executor), never do it on the caller's thread.
 */
public final class OncePerKey<K, V> {
    private final Map<K, CompletableFuture<V>> futures = new ConcurrentHashMap<>();

    public CompletableFuture<V> get(K key, Supplier<CompletableFuture<V>> starter) {
        CompletableFuture<V> current = futures.get(key);
        if (current != null && !current.isCompletedExceptionally()) return current; // the hot path: no lock
        return futures.compute(key, (k, f) -> f != null && !f.isCompletedExceptionally() ? f : starter.get());
    }

    /** The next caller starts the work again (e.g. the image it made was removed meanwhile). */
    public void forget(K key) {
        futures.computeIfPresent(key, (k, f) -> f.isDone() ? null : f);
    }
}
