package dev.lambdaconsole.simulators.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Files put into or deleted from a bucket's folder by hand (or by any program) while the endpoint runs, reported
 * as S3 would report them: a file that stopped changing (the same size and time in two scans, {@value #INTERVAL_MS}
 * ms apart) and that its sidecar does not describe is an {@code ObjectCreated:Put}, its ETag computed and its
 * sidecar written; a file gone whose sidecar remains is an {@code ObjectRemoved:Delete}. The API's own writes
 * and deletes update the sidecar under the key's lock before the watcher looks, so they are not reported twice.
 * Polling (not a WatchService) works alike on every OS and for folders however deep.
 */
final class FolderWatcher implements AutoCloseable {
    static final long INTERVAL_MS = 500;
    private static final Logger LOG = Logger.getLogger(FolderWatcher.class.getName());

    private record Stat(long size, long modified) { }

    /** Called with a change found in the folder. */
    interface Listener {
        void created(String bucket, ObjectMeta meta);

        void removed(String bucket, ObjectMeta meta);
    }

    private final BucketStore store;
    private final Listener listener;
    /** bucket/path → what the previous scan saw. */
    private Map<String, Stat> previous = new HashMap<>();
    /** bucket/path → the state already accounted for (by the API, or reported). */
    private final Map<String, Stat> settled = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "s3-folder-watcher");
        t.setDaemon(true);
        return t;
    });

    FolderWatcher(BucketStore store, Listener listener) {
        this.store = store;
        this.listener = listener;
    }

    /** Takes the folders as they are (files there before the start are objects, not events) and starts scanning. */
    void start() {
        previous = scan();
        settled.putAll(previous);
        timer.scheduleWithFixedDelay(this::tick, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            Map<String, Stat> now = scan();
            for (Map.Entry<String, Stat> e : now.entrySet()) {
                Stat stat = e.getValue();
                if (!stat.equals(previous.get(e.getKey())) || stat.equals(settled.get(e.getKey()))) continue;
                settled.put(e.getKey(), stat);
                changed(e.getKey());
            }
            Set<String> gone = new HashSet<>(previous.keySet());
            gone.removeAll(now.keySet());
            for (String path : gone) {
                settled.remove(path);
                removed(path);
            }
            previous = now;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scanning the bucket folders failed", e);
        }
    }

    private void changed(String bucketPath) {
        int slash = bucketPath.indexOf('/');
        String bucket = bucketPath.substring(0, slash);
        String path = bucketPath.substring(slash + 1);
        String key = store.keyOf(bucket, path);
        if (key == null) return;
        ReentrantLock lock = store.lock(bucket, key);
        lock.lock();
        ObjectMeta reported = null;
        try {
            Path file = store.bucketDir(bucket).resolve(path);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                return;
            }
            ObjectMeta meta = store.storedMeta(bucket, key);
            if (meta != null && meta.path().equals(path) && meta.size() == a.size()
                    && meta.fileModified() == a.lastModifiedTime().toMillis()) {
                return; // written through the API, or reported already
            }
            if (meta != null && !meta.path().equals(path)) return; // the key lives elsewhere (hashed)
            reported = store.describe(bucket, key, path, meta, Sequencer.next());
        } finally {
            lock.unlock();
        }
        listener.created(bucket, reported);
    }

    private void removed(String bucketPath) {
        int slash = bucketPath.indexOf('/');
        String bucket = bucketPath.substring(0, slash);
        String path = bucketPath.substring(slash + 1);
        String key = KeyPaths.key(path);
        if (key == null) key = store.keyOf(bucket, path);
        if (key == null) return;
        try {
            ObjectMeta meta = store.forget(bucket, key, path);
            if (meta != null) listener.removed(bucket, meta);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not forget " + bucketPath + ": " + e);
        }
    }

    private Map<String, Stat> scan() {
        Map<String, Stat> out = new HashMap<>();
        for (String bucket : store.buckets()) {
            Path dir = store.bucketDir(bucket);
            try (Stream<Path> files = Files.walk(dir)) {
                files.forEach(f -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        if (a.isRegularFile()) {
                            out.put(bucket + "/" + store.relative(bucket, f),
                                    new Stat(a.size(), a.lastModifiedTime().toMillis()));
                        }
                    } catch (IOException e) {
                        // gone while scanning
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                // a bucket deleted while scanning
            }
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
