package dev.lambdaconsole.runtime.invoke;

import java.time.Duration;

/** Init did not finish in time, twice (the 10 s cap, then the function's timeout). */
class InitTimeoutException extends RuntimeException {
    private final double seconds;

    InitTimeoutException(Duration cap) {
        super("Init did not finish within " + cap.toSeconds() + " s");
        this.seconds = cap.toMillis() / 1000.0;
    }

    double seconds() { return seconds; }
}
