package dev.lambdaconsole.runtime.invoke;

import java.util.concurrent.ThreadLocalRandom;

/** X-Ray trace headers: the caller's, or a new one in Lambda's format. */
final class Traces {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Traces() { }

    /** The low {@code digits} hex digits of {@code value}, zero-padded. */
    static StringBuilder hex(StringBuilder b, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            b.append(HEX[(int) (value >>> shift) & 0xf]);
        }
        return b;
    }

    static String traceId(String callerHeader) {
        if (callerHeader != null && callerHeader.contains("Root=")) {
            return callerHeader.contains("Sampled=") ? callerHeader : callerHeader + ";Sampled=0";
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder(78).append("Root=1-");
        hex(b, System.currentTimeMillis() / 1000, 8).append('-');
        hex(hex(b, r.nextLong(), 12), r.nextLong(), 12).append(";Parent=");
        return hex(b, r.nextLong(), 16).append(";Sampled=0").toString();
    }
}
