package dev.lambdaconsole.simulators.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The local S3 in process, for the console: the buckets, a folder view of one (prefix and delimiter {@code /}),
 * an object's details, uploads, downloads and deletes. The same store, rules and errors as the REST API
 * ({@link S3Exception}, an {@link dev.lambdaconsole.runtime.gateway.AwsServiceException}); a write or delete
 * here is one {@code ObjectCreated:Put} / {@code ObjectRemoved:Delete} notification, as PutObject and
 * DeleteObject are (the sidecar is written under the key's lock before the folder watcher looks, so the watcher
 * does not report it again).
 */
public final class LocalBuckets {
    /** The principal the console's writes are recorded with in event records. */
    public static final String PRINCIPAL = "AWS:local-console";

    /** A bucket: its name, when it was created and its region. */
    public record Bucket(String name, Instant created, String region) { }

    /** An object as a listing shows it; {@code etag} without quotes. */
    public record ObjectSummary(String key, long size, Instant lastModified, String etag) { }

    /** One level of a bucket under {@code prefix}: the folders (common prefixes, ending in /) and the objects. */
    public record Folder(String bucket, String prefix, List<String> folders, List<ObjectSummary> objects) { }

    /** What S3 keeps of an object, and the file that holds its bytes. */
    public record ObjectDetails(String bucket, String key, long size, String contentType, Map<String, String> headers,
                                Map<String, String> metadata, String etag, Map<String, String> checksums,
                                String checksumType, Instant lastModified, Path file) {
        /** {@code s3://bucket/key}. */
        public String uri() { return "s3://" + bucket + "/" + key; }
    }

    private final BucketStore store;
    private final Consumer<S3Events.Change> events;

    LocalBuckets(BucketStore store, Consumer<S3Events.Change> events) {
        this.store = store;
        this.events = events;
    }

    /** Why {@code name} cannot be a bucket's name (S3's rule, as CreateBucket words it), or null when it can. */
    public static String nameProblem(String name) { return BucketNames.problem(name); }

    /** S3's rule for bucket names, in one sentence. */
    public static String nameRule() { return BucketNames.RULE; }

    public List<Bucket> buckets() {
        List<Bucket> out = new ArrayList<>();
        for (String name : store.buckets()) {
            var c = store.config(name);
            out.add(new Bucket(name, Instant.ofEpochMilli(c.path("created").asLong()), c.path("region").asText()));
        }
        return out;
    }

    /** CreateBucket in the default region. */
    public void createBucket(String name) { store.createBucket(name, null); }

    /** DeleteBucket: BucketNotEmpty while it holds an object. */
    public void deleteBucket(String name) { store.deleteBucket(name); }

    /** ListObjectsV2 with {@code prefix} and delimiter {@code /}, every page. */
    public Folder list(String bucket, String prefix) {
        store.requireBucket(bucket);
        String p = prefix == null ? "" : prefix;
        List<String> folders = new ArrayList<>();
        List<ObjectSummary> objects = new ArrayList<>();
        for (String key : store.keys(bucket, p)) {
            int slash = key.indexOf('/', p.length());
            if (slash >= 0) {
                String common = key.substring(0, slash + 1);
                if (folders.isEmpty() || !folders.get(folders.size() - 1).equals(common)) folders.add(common);
                continue;
            }
            ObjectMeta m = store.head(bucket, key);
            if (m != null) objects.add(new ObjectSummary(key, m.size(), Instant.ofEpochMilli(m.lastModified()), m.etag()));
        }
        return new Folder(bucket, p, folders, objects);
    }

    /** HeadObject: NoSuchBucket / NoSuchKey as S3 words them. */
    public ObjectDetails head(String bucket, String key) {
        store.requireBucket(bucket);
        ObjectMeta m = store.head(bucket, key);
        if (m == null) throw S3Exception.noSuchKey(key);
        return details(bucket, m);
    }

    private ObjectDetails details(String bucket, ObjectMeta m) {
        return new ObjectDetails(bucket, m.key(), m.size(), m.contentType(), Map.copyOf(m.headers()),
                Map.copyOf(m.metadata()), m.etag(), Map.copyOf(m.checksums()), m.checksumType(),
                Instant.ofEpochMilli(m.lastModified()), store.file(bucket, m));
    }

    /**
     * PutObject of a file's bytes as {@code key}, its content type told from the file's name (as the AWS console
     * does); one {@code ObjectCreated:Put} notification.
     */
    public ObjectDetails upload(String bucket, String key, Path source) throws IOException {
        store.requireBucket(bucket);
        if (key == null || key.isEmpty()) throw S3Exception.invalidArgument("An object key must not be empty", "key", key);
        ObjectOperations.requireKey(key);
        Path temp = store.newTemp();
        Checksums.Hasher md5 = Checksums.md5();
        Checksums.Hasher crc = Checksums.CRC64NVME.hasher();
        long size = 0;
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(temp)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md5.update(buf, 0, n);
                crc.update(buf, 0, n);
                out.write(buf, 0, n);
                size += n;
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        String type = URLConnection.guessContentTypeFromName(source.getFileName().toString());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type != null ? type : ObjectMeta.DEFAULT_TYPE);
        ObjectMeta meta = new ObjectMeta(key, null, size, 0, HexFormat.of().formatHex(md5.digest()),
                System.currentTimeMillis(), headers, Map.of(), Map.of(Checksums.CRC64NVME.name(), crc.base64()),
                "FULL_OBJECT", 0, Sequencer.next());
        ObjectMeta stored = store.put(bucket, key, temp, meta);
        events.accept(new S3Events.Change(bucket, "ObjectCreated:Put", stored.key(), stored.size(), stored.etag(),
                stored.sequencer(), "127.0.0.1", requestId(), PRINCIPAL));
        return details(bucket, stored);
    }

    /** GetObject into {@code target} (replaced); returns the bytes copied. */
    public long download(String bucket, String key, Path target) throws IOException {
        ObjectDetails d = head(bucket, key);
        Path parent = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".download-", ".tmp");
        try {
            Files.copy(d.file(), temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return Files.size(target);
    }

    /** DeleteObject: one {@code ObjectRemoved:Delete} notification when there was such an object. */
    public boolean delete(String bucket, String key) throws IOException {
        store.requireBucket(bucket);
        ObjectMeta removed = store.delete(bucket, key);
        if (removed == null) return false;
        events.accept(new S3Events.Change(bucket, "ObjectRemoved:Delete", removed.key(), 0, null, Sequencer.next(),
                "127.0.0.1", requestId(), PRINCIPAL));
        return true;
    }

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }
}
