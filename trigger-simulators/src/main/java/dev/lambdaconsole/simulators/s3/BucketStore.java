package dev.lambdaconsole.simulators.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Buckets as folders of the workspace ({@code <workspace>/buckets/<bucket>}), objects as their files (see
 * {@link KeyPaths}); what S3 keeps besides the bytes in a JSON sidecar per object under
 * {@code <state>/s3/meta/<bucket>/}, bucket settings in {@code <state>/s3/buckets/<bucket>.json}. Every write is
 * atomic (a temp file of {@code <state>/s3/tmp} moved into place); one lock per key (striped) orders the API's
 * writes and the folder watcher's.
 */
final class BucketStore {
    private final Path root;
    private final Path state;
    private final String defaultRegion;
    private final ReentrantLock[] locks = new ReentrantLock[64];

    BucketStore(Path root, Path state, String defaultRegion) {
        this.root = root;
        this.state = state;
        this.defaultRegion = defaultRegion;
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
        try {
            Files.createDirectories(root);
            Files.createDirectories(tmpDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() { return root; }

    Path tmpDir() { return state.resolve("tmp"); }

    /** A new empty file to write an object into, readable by all as files of the workspace usually are. */
    Path newTemp() throws IOException {
        Path temp = Files.createTempFile(tmpDir(), "object-", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
        return temp;
    }

    ReentrantLock lock(String bucket, String key) {
        return locks[Math.floorMod((bucket + "/" + key).hashCode(), locks.length)];
    }

    // ---- buckets

    Path bucketDir(String bucket) { return root.resolve(bucket); }

    boolean exists(String bucket) {
        return BucketNames.valid(bucket) && Files.isDirectory(bucketDir(bucket));
    }

    void requireBucket(String bucket) {
        if (!exists(bucket)) throw S3Exception.noSuchBucket(bucket);
    }

    /** The buckets (folders with a valid bucket name), by name. */
    List<String> buckets() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(BucketNames::valid)
                    .sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private Path configFile(String bucket) { return state.resolve("buckets").resolve(bucket + ".json"); }

    /** The bucket's settings: {@code created} (ms), {@code region}, {@code notification} (see Notifications). */
    ObjectNode config(String bucket) {
        Path file = configFile(bucket);
        try {
            if (Files.exists(file)) return (ObjectNode) Json.MAPPER.readTree(file.toFile());
            ObjectNode n = Json.object();
            BasicFileAttributes a = Files.readAttributes(bucketDir(bucket), BasicFileAttributes.class);
            n.put("created", a.creationTime().toMillis());
            n.put("region", defaultRegion);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void saveConfig(String bucket, JsonNode config) {
        try {
            AtomicFiles.write(configFile(bucket), Json.pretty(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void createBucket(String bucket, String region) {
        BucketNames.require(bucket);
        if (Files.isDirectory(bucketDir(bucket))) {
            throw new S3Exception(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named bucket "
                    + "succeeded and you already own it.").with("BucketName", bucket);
        }
        ObjectNode c = Json.object();
        c.put("created", System.currentTimeMillis());
        c.put("region", region == null || region.isEmpty() ? defaultRegion : region);
        saveConfig(bucket, c);
        try {
            Files.createDirectories(bucketDir(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void deleteBucket(String bucket) {
        requireBucket(bucket);
        if (!keys(bucket, "").isEmpty()) {
            throw new S3Exception(409, "BucketNotEmpty", "The bucket you tried to delete is not empty")
                    .with("BucketName", bucket);
        }
        try {
            deleteTree(bucketDir(bucket));
            deleteTree(state.resolve("meta").resolve(bucket));
            Files.deleteIfExists(configFile(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    // ---- objects

    private Path metaFile(String bucket, String key) {
        String h = KeyPaths.sha256(key);
        return state.resolve("meta").resolve(bucket).resolve(h.substring(0, 2)).resolve(h + ".json");
    }

    /** The sidecar as written, without looking at the file. */
    ObjectMeta storedMeta(String bucket, String key) {
        Path file = metaFile(bucket, key);
        try {
            return Json.MAPPER.readValue(file.toFile(), ObjectMeta.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            return null; // a damaged sidecar: computed again from the file
        }
    }

    Path file(String bucket, ObjectMeta meta) { return bucketDir(bucket).resolve(meta.path()); }

    /**
     * The object as it is now: its sidecar when it describes the file, else the file described again (a file
     * dropped or changed in the folder); null when there is no such object.
     */
    ObjectMeta head(String bucket, String key) {
        ReentrantLock lock = lock(bucket, key);
        lock.lock();
        try {
            ObjectMeta meta = storedMeta(bucket, key);
            String path = meta != null ? meta.path() : KeyPaths.natural(key);
            if (path == null) return null;
            Path file = bucketDir(bucket).resolve(path);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                return null;
            }
            if (!a.isRegularFile()) return null;
            if (meta != null && meta.size() == a.size() && meta.fileModified() == a.lastModifiedTime().toMillis()) {
                return meta;
            }
            return describe(bucket, key, path, meta, Sequencer.next());
        } finally {
            lock.unlock();
        }
    }

    /** Computes the ETag of a file that changed outside the API and writes its sidecar (caller holds the lock). */
    ObjectMeta describe(String bucket, String key, String path, ObjectMeta before, String sequencer) {
        Path file = bucketDir(bucket).resolve(path);
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Checksums.Hasher md5 = Checksums.md5();
            Checksums.Hasher crc = Checksums.CRC64NVME.hasher();
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[65536];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md5.update(buf, 0, n);
                    crc.update(buf, 0, n);
                }
            }
            Map<String, String> headers = before != null ? before.headers() : new java.util.LinkedHashMap<>();
            if (before == null) {
                String guessed = URLConnection.guessContentTypeFromName(file.getFileName().toString());
                headers.put("Content-Type", guessed != null ? guessed : ObjectMeta.DEFAULT_TYPE);
            }
            ObjectMeta meta = new ObjectMeta(key, path, a.size(), a.lastModifiedTime().toMillis(),
                    HexFormat.of().formatHex(md5.digest()), a.lastModifiedTime().toMillis(), headers,
                    before != null ? before.metadata() : null, Map.of(Checksums.CRC64NVME.name(), crc.base64()),
                    "FULL_OBJECT", 0, sequencer);
            writeMeta(bucket, meta);
            return meta;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeMeta(String bucket, ObjectMeta meta) throws IOException {
        AtomicFiles.write(metaFile(bucket, meta.key()), Json.bytes(meta));
    }

    /**
     * Moves {@code temp} into place as {@code key} with {@code meta} (its size, ETag and headers; the path and file
     * time are filled in here) and returns the stored metadata.
     */
    ObjectMeta put(String bucket, String key, Path temp, ObjectMeta meta) throws IOException {
        ReentrantLock lock = lock(bucket, key);
        lock.lock();
        try {
            requireBucket(bucket);
            ObjectMeta before = storedMeta(bucket, key);
            String path = before != null && Files.isRegularFile(bucketDir(bucket).resolve(before.path()))
                    ? before.path() : place(bucket, key);
            Path target = bucketDir(bucket).resolve(path);
            Files.createDirectories(target.getParent());
            long size = Files.size(temp);
            long modified = Files.getLastModifiedTime(temp).toMillis();
            AtomicFiles.move(temp, target);
            ObjectMeta stored = meta.at(key, path, size, modified);
            writeMeta(bucket, stored);
            return stored;
        } finally {
            lock.unlock();
        }
    }

    /** Where a new object goes: its natural path, or the hashed one when that cannot be a file. */
    private String place(String bucket, String key) {
        String natural = KeyPaths.natural(key);
        if (natural == null) return KeyPaths.hashed(key);
        Path dir = bucketDir(bucket);
        String[] names = natural.split("/");
        Path at = dir;
        for (int i = 0; i < names.length - 1; i++) {
            at = at.resolve(names[i]);
            if (Files.isRegularFile(at)) return KeyPaths.hashed(key);
        }
        if (Files.isDirectory(dir.resolve(natural))) return KeyPaths.hashed(key);
        return natural;
    }

    /** Deletes the object; returns what it was, or null when there was none. */
    ObjectMeta delete(String bucket, String key) throws IOException {
        ReentrantLock lock = lock(bucket, key);
        lock.lock();
        try {
            ObjectMeta meta = head(bucket, key);
            if (meta == null) return null;
            Files.deleteIfExists(metaFile(bucket, key));
            Path file = file(bucket, meta);
            Files.deleteIfExists(file);
            pruneEmpty(bucket, file.getParent());
            return meta;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the sidecar of a file deleted in the folder; returns it, or null when the file is back. */
    ObjectMeta forget(String bucket, String key, String path) throws IOException {
        ReentrantLock lock = lock(bucket, key);
        lock.lock();
        try {
            ObjectMeta meta = storedMeta(bucket, key);
            if (meta == null || !meta.path().equals(path) || Files.exists(file(bucket, meta))) return null;
            Files.deleteIfExists(metaFile(bucket, key));
            return meta;
        } finally {
            lock.unlock();
        }
    }

    private void pruneEmpty(String bucket, Path dir) {
        Path top = bucketDir(bucket);
        while (dir != null && dir.startsWith(top) && !dir.equals(top)) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            } catch (IOException e) {
                return;
            }
            dir = dir.getParent();
        }
    }

    /** The relative path of a file in the bucket's folder with {@code /} separators. */
    String relative(String bucket, Path file) {
        return bucketDir(bucket).relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** The key of a file of the bucket's folder (hashed ones through their sidecar), or null. */
    String keyOf(String bucket, String relative) {
        String key = KeyPaths.key(relative);
        if (key != null) return key;
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        Path meta = state.resolve("meta").resolve(bucket).resolve(name.length() > 2 ? name.substring(0, 2) : name)
                .resolve(name + ".json");
        try {
            JsonNode n = Json.MAPPER.readTree(meta.toFile());
            return n.path("key").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Every key of the bucket starting with {@code prefix}, in S3's order (UTF-8 bytes). */
    List<String> keys(String bucket, String prefix) {
        Path dir = bucketDir(bucket);
        List<String> keys = new ArrayList<>();
        List<Path> starts = new ArrayList<>();
        int slash = prefix.lastIndexOf('/');
        String natural = slash < 0 ? "" : KeyPaths.natural(prefix.substring(0, slash));
        starts.add(natural == null || natural.isEmpty() ? dir : dir.resolve(natural));
        if (natural != null && !natural.isEmpty()) starts.add(dir.resolve(KeyPaths.HASHED));
        for (Path start : starts) {
            if (!Files.isDirectory(start)) continue;
            try (Stream<Path> files = Files.walk(start)) {
                files.filter(Files::isRegularFile).forEach(f -> {
                    String key = keyOf(bucket, relative(bucket, f));
                    if (key != null && key.startsWith(prefix)) keys.add(key);
                });
            } catch (IOException | UncheckedIOException e) {
                // a file that went away while listing
            }
        }
        keys.sort(BucketStore::compareUtf8);
        return keys;
    }

    static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
