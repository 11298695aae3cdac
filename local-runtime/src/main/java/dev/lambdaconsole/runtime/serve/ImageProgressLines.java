package dev.lambdaconsole.runtime.serve;

import dev.lambdaconsole.runtime.BackendProgress;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What {@code serve} prints about runtime images: a line when a build starts ("Preparing runtime image for java
 * (first use: about a minute)…") and one when it is done or failed, with how long it took. Pull attempts get a
 * line when they end. Byte counts, build output and container starts are left out.
 */
final class ImageProgressLines implements java.util.function.Consumer<BackendProgress> {
    static final String BUILD = "Building runtime image ";
    static final String PULL = "Pulling ";
    private final PrintStream out;
    private final LongSupplier clock;
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    ImageProgressLines(PrintStream out, LongSupplier nanoClock) {
        this.out = out;
        this.clock = nanoClock;
    }

    @Override
    public void accept(BackendProgress p) {
        boolean build = p.task().startsWith(BUILD);
        if (!build && !p.task().startsWith(PULL)) return;
        String what = build ? p.task().substring(BUILD.length()) : p.task().substring(PULL.length());
        Long since = started.putIfAbsent(p.task(), clock.getAsLong());
        if (since == null && build && !p.finished()) {
            print("Preparing runtime image for " + what + " (first use: about a minute)…");
        }
        if (!p.finished()) return;
        started.remove(p.task());
        long seconds = since == null ? 0 : Math.round((clock.getAsLong() - since) / 1e9);
        if (p.error() != null) {
            print((build ? "Runtime image for " + what + " failed after " : "Pull of " + what + " failed after ")
                    + seconds + " s: " + p.error());
        } else {
            print(build ? "Runtime image for " + what + " ready in " + seconds + " s"
                    : "Pulled " + what + " in " + seconds + " s");
        }
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
