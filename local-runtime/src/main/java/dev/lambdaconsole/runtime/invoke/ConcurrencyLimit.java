package dev.lambdaconsole.runtime.invoke;

import java.util.concurrent.atomic.AtomicInteger;

/** Concurrent executions across all functions, capped like Lambda's account concurrency. */
final class ConcurrencyLimit {
    private final int max;
    private final AtomicInteger inUse = new AtomicInteger();

    ConcurrencyLimit(int max) { this.max = max; }

    boolean tryTake() {
        while (true) {
            int now = inUse.get();
            if (now >= max) return false;
            if (inUse.compareAndSet(now, now + 1)) return true;
        }
    }

    void give() { inUse.decrementAndGet(); }

    int inUse() { return inUse.get(); }
}
