package dev.lambdaconsole.editor.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The editor's background threads: one for highlighting (work is small and ordered), one for
 * problem checks (may run a subprocess), a small pool for file I/O. All daemon threads.
 */
public final class EditorThreads {

    private static final ExecutorService HIGHLIGHTER = Executors.newSingleThreadExecutor(named("editor-highlighter"));
    private static final ExecutorService CHECKER = Executors.newSingleThreadExecutor(named("editor-checker"));
    private static final ExecutorService IO = Executors.newFixedThreadPool(2, named("editor-io"));

    private EditorThreads() {
    }

    public static ExecutorService highlighter() {
        return HIGHLIGHTER;
    }

    public static ExecutorService checker() {
        return CHECKER;
    }

    public static ExecutorService io() {
        return IO;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
