package dev.lambdaconsole.runtime.backend.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Peak resident memory of a process tree, from /proc/PID/status (VmHWM) on Linux. The list of descendants
 * is refreshed at most every 250 ms so that reading it per invocation stays cheap.
 */
final class ProcessMemory {
    private static final boolean PROC = Files.isDirectory(Path.of("/proc/self"));
    private final ProcessHandle root;
    private List<ProcessHandle> tree;
    private long treeReadAt;
    private long peak;

    ProcessMemory(ProcessHandle root) {
        this.root = root;
        this.tree = List.of(root);
    }

    synchronized long peakBytes() {
        if (!PROC) {
            return 0;
        }
        long now = System.nanoTime();
        if (now - treeReadAt > 250_000_000L) {
            tree = java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants()).toList();
            treeReadAt = now;
        }
        long sum = 0;
        for (ProcessHandle p : tree) {
            sum += highWaterMark(p.pid());
        }
        peak = Math.max(peak, sum);
        return peak;
    }

    static long highWaterMark(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // the process has ended
        }
        return 0;
    }
}
