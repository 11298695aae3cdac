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

    private static final byte[] KEY = "VmHWM:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** VmHWM of one process in bytes, read without building strings (this runs after every invocation). */
    static long highWaterMark(long pid) {
        byte[] buf = new byte[2048];
        int n;
        try (java.io.FileInputStream in = new java.io.FileInputStream("/proc/" + pid + "/status")) {
            n = in.readNBytes(buf, 0, buf.length);
        } catch (IOException | RuntimeException e) {
            return 0; // the process has ended
        }
        outer:
        for (int i = 0; i + KEY.length < n; i++) {
            for (int k = 0; k < KEY.length; k++) {
                if (buf[i + k] != KEY[k]) continue outer;
            }
            long kb = 0;
            for (int j = i + KEY.length; j < n && buf[j] != 'k' && buf[j] != '\n'; j++) {
                if (buf[j] >= '0' && buf[j] <= '9') kb = kb * 10 + (buf[j] - '0');
            }
            return kb * 1024;
        }
        return 0;
    }
}
