package dev.lambdaconsole.app.code;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Fingerprints of code folders, remembering each file's digest while its identity, size and modification time
 * stay the same: comparing draft and deployed code after every autosave reads only the files that changed.
 * A digest taken within two seconds of the file's modification is not reused (file times are coarse: a second
 * write in the same tick would look unchanged).
 */
final class FileDigests {
    private record Entry(Object key, long size, Instant modified, byte[] digest) { }

    private static final Duration SETTLED = Duration.ofSeconds(2);

    private final Map<Path, Entry> cache = new ConcurrentHashMap<>();

    /** A digest of the names, contents and execute bits: equal fingerprints mean equal code. */
    String fingerprint(Path dir, Predicate<String> include) throws IOException {
        MessageDigest all = sha256();
        for (Map.Entry<String, Path> e : CodeFolders.files(dir, include).entrySet()) {
            all.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            all.update((byte) (Files.isExecutable(e.getValue()) ? 1 : 0));
            all.update(digest(e.getValue()));
        }
        return HexFormat.of().formatHex(all.digest());
    }

    private byte[] digest(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Instant modified = a.lastModifiedTime().toInstant();
        Entry cached = cache.get(file);
        if (cached != null && Objects.equals(cached.key(), a.fileKey()) && cached.size() == a.size()
                && cached.modified().equals(modified)) {
            return cached.digest();
        }
        byte[] digest = CodeFolders.digest(file);
        if (modified.isBefore(Instant.now().minus(SETTLED))) {
            cache.put(file, new Entry(a.fileKey(), a.size(), modified, digest));
        } else {
            cache.remove(file);
        }
        return digest;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
