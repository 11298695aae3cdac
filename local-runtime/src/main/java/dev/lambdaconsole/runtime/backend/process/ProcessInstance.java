package dev.lambdaconsole.runtime.backend.process;

import dev.lambdaconsole.runtime.backend.FileOutputCapture;
import dev.lambdaconsole.runtime.backend.RuntimeInstance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A runtime running as a local process tree. */
final class ProcessInstance implements RuntimeInstance {
    private final Process process;
    private final FileOutputCapture output;
    private final ProcessMemory memory;
    private final CompletableFuture<Integer> exited;
    private final Runnable cleanup;

    ProcessInstance(Process process, FileOutputCapture output, Runnable cleanup) {
        this.process = process;
        this.output = output;
        this.memory = new ProcessMemory(process.toHandle());
        this.cleanup = cleanup;
        this.exited = process.onExit().thenApply(Process::exitValue);
    }

    @Override public CompletableFuture<Integer> exited() { return exited; }
    @Override public long maxMemoryUsedBytes() { return memory.peakBytes(); }
    @Override public List<String> drainOutput(boolean includePartial) { return output.drain(includePartial); }

    long pid() { return process.pid(); }

    @Override
    public void stop(Duration grace) {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            // still running after the grace period: killed below
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitGone(tree);
        finish();
    }

    @Override
    public void kill() {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitGone(tree);
        finish();
    }

    private List<ProcessHandle> tree() {
        ProcessHandle root = process.toHandle();
        return java.util.stream.Stream.concat(root.descendants(), java.util.stream.Stream.of(root)).toList();
    }

    private static void awaitGone(List<ProcessHandle> tree) {
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // a zombie of another parent; nothing more can be done
            }
        }
    }

    private void finish() {
        output.close();
        cleanup.run();
    }
}
