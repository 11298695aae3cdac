package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import dev.lambdaconsole.runtime.BackendProgress;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Folds the engine's pull messages (one per layer and step, with bytes in progressDetail) into one report:
 * bytes downloaded of the bytes known so far, summed over the layers, and how many layers are done.
 */
final class PullProgress {
    private static final Set<String> LAYER_STEPS = Set.of("Pulling fs layer", "Waiting", "Downloading",
            "Verifying Checksum", "Download complete", "Extracting", "Pull complete", "Already exists");
    private final String task;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private String status = "Starting";

    /**
     * One layer: its latest step, bytes downloaded of its size (0: not known yet), bytes extracted, done when
     * pulled.
     */
    private record Layer(String step, long downloaded, long size, long extracted, boolean done) {
        Layer next(String step, ResponseItem.ProgressDetail detail) {
            long current = detail == null || detail.getCurrent() == null ? 0 : detail.getCurrent();
            long total = detail == null || detail.getTotal() == null ? 0 : detail.getTotal();
            long all = Math.max(downloaded, size);
            return switch (step) {
                case "Downloading" -> new Layer(step, current, Math.max(size, total), 0, false);
                case "Verifying Checksum", "Download complete" -> new Layer(step, all, size, 0, false);
                case "Extracting" -> new Layer(step, all, size, current, false);
                case "Pull complete", "Already exists" -> new Layer(step, all, size, extracted, true);
                default -> new Layer(step, step.startsWith("Retrying") ? 0 : downloaded, size, extracted, done);
            };
        }
    }

    PullProgress(String image) {
        this.task = "Pulling " + image;
    }

    String task() { return task; }

    /** Folds in one message; true when it shows the pull moving (a new step or more bytes), for the watchdog. */
    synchronized boolean accept(PullResponseItem item) {
        String step = item.getStatus();
        if (step == null) return false;
        String id = item.getId();
        if (id == null || !(LAYER_STEPS.contains(step) || step.startsWith("Retrying"))) {
            boolean moved = !step.equals(status);
            status = step;
            return moved;
        }
        Layer before = layers.getOrDefault(id, new Layer("", 0, 0, 0, false));
        Layer after = before.next(step, item.getProgressDetail());
        layers.put(id, after);
        status = step;
        return !after.equals(before);
    }

    synchronized long bytesDone() {
        return layers.values().stream().mapToLong(Layer::downloaded).sum();
    }

    /** The bytes of the layers whose size is known so far; -1 before any is. */
    synchronized long bytesTotal() {
        long total = layers.values().stream().mapToLong(Layer::size).sum();
        return total > 0 ? total : -1;
    }

    /**
     * Bytes downloaded of the bytes known, and a line such as "Downloading 12.3 MB of 74.1 MB, 0 of 3 layers
     * done" (while extracting, the bytes extracted).
     */
    synchronized BackendProgress report() {
        long done = layers.values().stream().filter(Layer::done).count();
        long bytes = "Extracting".equals(status) ? layers.values().stream().mapToLong(Layer::extracted).sum()
                : bytesDone();
        String detail = layers.isEmpty() ? status
                : (bytesTotal() > 0 ? status + " " + megabytes(bytes) + " of " + megabytes(bytesTotal()) : status)
                + ", " + done + " of " + layers.size() + " layers done";
        return BackendProgress.bytes(task, detail, bytesDone(), bytesTotal());
    }

    synchronized BackendProgress finished(String image) {
        long bytes = bytesDone();
        String detail = "Pulled " + image + " (" + (bytes > 0 ? megabytes(bytes) + " in " : "") + layers.size()
                + (layers.size() == 1 ? " layer)" : " layers)");
        return bytes > 0 ? new BackendProgress(task, detail, bytes, bytes, true, null)
                : BackendProgress.finished(task, detail);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
