package dev.lambdaconsole.runtime.invoke;

/**
 * The invocations in flight for one function across all its versions, checked against the function's reserved
 * concurrency (a function-level setting in Lambda: versions and aliases share it).
 */
final class FunctionConcurrency {
    private int busy;

    /** Takes one unit unless {@code reserved} (null: none) are busy already. */
    synchronized boolean tryTake(Integer reserved) {
        if (reserved != null && busy >= reserved) return false;
        busy++;
        return true;
    }

    synchronized void give() {
        if (busy > 0) busy--;
    }
}
