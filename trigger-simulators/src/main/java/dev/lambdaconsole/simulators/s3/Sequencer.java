package dev.lambdaconsole.simulators.s3;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code sequencer} of S3's event records: upper-case hex, of one length, increasing with every write (so
 * also per key, which is what S3 promises), and across restarts (it starts from the clock in microseconds).
 */
final class Sequencer {
    private static final AtomicLong LAST = new AtomicLong();

    private Sequencer() { }

    static String next() {
        long now = System.currentTimeMillis() * 1000;
        long v = LAST.updateAndGet(prev -> Math.max(prev + 1, now));
        return String.format("%018X", v);
    }
}
