package dev.lambdaconsole.runtime.invoke;

import java.util.concurrent.ThreadLocalRandom;

/** X-Ray trace headers: the caller's, or a new one in Lambda's format. */
final class Traces {
    private Traces() { }

    static String traceId(String callerHeader) {
        if (callerHeader != null && callerHeader.contains("Root=")) {
            return callerHeader.contains("Sampled=") ? callerHeader : callerHeader + ";Sampled=0";
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%012x%012x;Parent=%016x;Sampled=0",
                System.currentTimeMillis() / 1000, r.nextLong(1L << 48), r.nextLong(1L << 48), r.nextLong(Long.MAX_VALUE));
    }
}
