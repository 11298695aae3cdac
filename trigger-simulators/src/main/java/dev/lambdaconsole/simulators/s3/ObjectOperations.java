package dev.lambdaconsole.simulators.s3;

import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** PutObject, GetObject (ranges, conditions), HeadObject, DeleteObject and CopyObject. */
final class ObjectOperations {
    static final List<String> STORED_HEADERS = List.of("Content-Type", "Content-Encoding", "Content-Disposition",
            "Content-Language", "Cache-Control", "Expires");
    private static final int MAX_KEY_BYTES = 1024;

    private final BucketStore store;
    private final S3Events events;

    ObjectOperations(BucketStore store, S3Events events) {
        this.store = store;
        this.events = events;
    }

    static void requireKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new S3Exception(400, "KeyTooLongError", "Your key is too long").with("Size",
                    key.getBytes(StandardCharsets.UTF_8).length).with("MaxSizeAllowed", MAX_KEY_BYTES);
        }
    }

    ServiceResponse put(S3Request r) throws IOException {
        store.requireBucket(r.bucket());
        requireKey(r.key());
        Payload payload = Payload.read(r.http());
        ObjectMeta existing = store.head(r.bucket(), r.key());
        conditionalWrite(r, existing);
        Path temp = writeTemp(payload.data());
        Map<String, String> checksums = new LinkedHashMap<>(payload.checksums());
        if (checksums.isEmpty()) checksums.put(Checksums.CRC64NVME.name(), Checksums.CRC64NVME.of(payload.data()));
        ObjectMeta meta = new ObjectMeta(r.key(), null, payload.data().length, 0, payload.md5(),
                System.currentTimeMillis(), headersOf(r), metadataOf(r), checksums, "FULL_OBJECT", 0, Sequencer.next());
        ObjectMeta stored = store.put(r.bucket(), r.key(), temp, meta);
        created(r, stored, "ObjectCreated:Put");
        ServiceResponse reply = ServiceResponse.empty(200).withHeader("ETag", stored.quotedEtag());
        for (Map.Entry<String, String> c : stored.checksums().entrySet()) {
            reply = reply.withHeader(Checksums.valueOf(c.getKey()).header(), c.getValue());
        }
        return reply.withHeader("x-amz-checksum-type", "FULL_OBJECT");
    }

    /** If-None-Match: * (create only) and If-Match on writes. */
    static void conditionalWrite(S3Request r, ObjectMeta existing) {
        String noneMatch = r.header("If-None-Match");
        if (noneMatch != null && noneMatch.trim().equals("*") && existing != null) {
            throw new S3Exception(412, "PreconditionFailed", "At least one of the pre-conditions you specified did "
                    + "not hold").with("Condition", "If-None-Match");
        }
        String match = r.header("If-Match");
        if (match != null && (existing == null || !etagMatches(match, existing.etag()))) {
            if (existing == null) throw S3Exception.noSuchKey(r.key());
            throw new S3Exception(412, "PreconditionFailed", "At least one of the pre-conditions you specified did "
                    + "not hold").with("Condition", "If-Match");
        }
    }

    void created(S3Request r, ObjectMeta m, String eventName) {
        events.emit(new S3Events.Change(r.bucket(), eventName, m.key(), m.size(), m.etag(), m.sequencer(),
                r.http().remoteAddress(), r.requestId(), r.principal()));
    }

    Path writeTemp(byte[] data) throws IOException {
        Path temp = store.newTemp();
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = Channels.newOutputStream(ch)) {
            out.write(data);
            out.flush();
            ch.force(true);
        }
        return temp;
    }

    static Map<String, String> headersOf(S3Request r) {
        Map<String, String> h = new LinkedHashMap<>();
        for (String name : STORED_HEADERS) {
            String v = r.header(name);
            if (v == null) continue;
            if (name.equals("Content-Encoding")) {
                v = String.join(",", java.util.Arrays.stream(v.split(",")).map(String::trim)
                        .filter(e -> !e.equalsIgnoreCase("aws-chunked") && !e.isEmpty()).toList());
                if (v.isEmpty()) continue;
            }
            h.put(name, v);
        }
        h.putIfAbsent("Content-Type", ObjectMeta.DEFAULT_TYPE);
        return h;
    }

    static Map<String, String> metadataOf(S3Request r) {
        Map<String, String> m = new LinkedHashMap<>();
        r.http().headers().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("x-amz-meta-") && !values.isEmpty()) m.put(n.substring("x-amz-meta-".length()), values.get(0));
        });
        return m;
    }

    ObjectMeta existing(S3Request r) {
        store.requireBucket(r.bucket());
        ObjectMeta meta = store.head(r.bucket(), r.key());
        if (meta == null) throw S3Exception.noSuchKey(r.key());
        return meta;
    }

    ServiceResponse get(S3Request r, boolean head) {
        ObjectMeta meta = existing(r);
        ServiceResponse notModified = conditions(r, meta);
        if (notModified != null) return notModified;
        long size = meta.size();
        long start = 0;
        long end = size - 1;
        boolean ranged = false;
        String range = r.header("Range");
        if (range != null && range.startsWith("bytes=") && !range.contains(",")) {
            long[] bounds = range(range.substring(6).trim(), size);
            if (bounds == null) {
                throw new S3Exception(416, "InvalidRange", "The requested range is not satisfiable")
                        .with("RangeRequested", range).with("ActualObjectSize", size);
            }
            start = bounds[0];
            end = bounds[1];
            ranged = true;
        }
        Map<String, String> h = objectHeaders(r, meta, !ranged);
        long length = end - start + 1;
        h.put("Content-Length", String.valueOf(Math.max(0, length)));
        if (ranged) h.put("Content-Range", "bytes " + start + "-" + end + "/" + size);
        String type = h.remove("Content-Type");
        int status = ranged ? 206 : 200;
        if (head || length <= 0) return new ServiceResponse(status, h, type, new byte[0]);
        Path file = store.file(r.bucket(), meta);
        long from = start;
        return ServiceResponse.streamed(status, h, type, out -> {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                 InputStream in = Channels.newInputStream(ch.position(from))) {
                byte[] buf = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) break;
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
        });
    }

    /** {@code a-b}, {@code a-}, {@code -n} within an object of {@code size} bytes; null when unsatisfiable. */
    static long[] range(String spec, long size) {
        int dash = spec.indexOf('-');
        if (dash < 0) return null;
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                long n = Long.parseLong(b);
                if (n <= 0 || size == 0) return null;
                return new long[]{Math.max(0, size - n), size - 1};
            }
            long start = Long.parseLong(a);
            long end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (start >= size || end < start) return null;
            return new long[]{start, end};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The headers of GetObject and HeadObject: representation, user metadata, ETag, checksums on request. */
    Map<String, String> objectHeaders(S3Request r, ObjectMeta meta, boolean whole) {
        Map<String, String> h = new LinkedHashMap<>(meta.headers());
        h.put("Content-Type", meta.contentType());
        for (String name : STORED_HEADERS) {
            String override = r.query("response-" + name.toLowerCase(Locale.ROOT));
            if (override != null) h.put(name, override);
        }
        h.put("ETag", meta.quotedEtag());
        h.put("Last-Modified", httpDate(meta.lastModified()));
        h.put("Accept-Ranges", "bytes");
        meta.metadata().forEach((k, v) -> h.put("x-amz-meta-" + k, v));
        if (meta.parts() > 0 && r.query("partNumber") != null) h.put("x-amz-mp-parts-count", String.valueOf(meta.parts()));
        if (whole && "ENABLED".equalsIgnoreCase(r.header("x-amz-checksum-mode"))) {
            meta.checksums().forEach((alg, v) -> h.put(Checksums.valueOf(alg).header(), v));
            if (meta.checksumType() != null && !meta.checksums().isEmpty()) h.put("x-amz-checksum-type", meta.checksumType());
        }
        return h;
    }

    /** If-Match / If-Unmodified-Since → 412; If-None-Match / If-Modified-Since → 304 (null: go on). */
    static ServiceResponse conditions(S3Request r, ObjectMeta meta) {
        String match = r.header("If-Match");
        String noneMatch = r.header("If-None-Match");
        long modified = meta.lastModified() / 1000 * 1000;
        if (match != null && !etagMatches(match, meta.etag())) {
            throw new S3Exception(412, "PreconditionFailed", "At least one of the pre-conditions you specified did "
                    + "not hold").with("Condition", "If-Match");
        }
        Long unmodifiedSince = parseDate(r.header("If-Unmodified-Since"));
        if (match == null && unmodifiedSince != null && modified > unmodifiedSince) {
            throw new S3Exception(412, "PreconditionFailed", "At least one of the pre-conditions you specified did "
                    + "not hold").with("Condition", "If-Unmodified-Since");
        }
        boolean notModified = false;
        if (noneMatch != null) {
            notModified = etagMatches(noneMatch, meta.etag());
        } else {
            Long since = parseDate(r.header("If-Modified-Since"));
            notModified = since != null && modified <= since;
        }
        if (!notModified) return null;
        return new ServiceResponse(304, Map.of("ETag", meta.quotedEtag(), "Last-Modified", httpDate(meta.lastModified())),
                null, new byte[0]);
    }

    static boolean etagMatches(String header, String etag) {
        for (String v : header.split(",")) {
            String t = v.trim();
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.equals("*") || t.replace("\"", "").equals(etag)) return true;
        }
        return false;
    }

    static String httpDate(long millis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    static Long parseDate(String value) {
        if (value == null) return null;
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    ServiceResponse delete(S3Request r) throws IOException {
        store.requireBucket(r.bucket());
        ObjectMeta removed = store.delete(r.bucket(), r.key());
        if (removed != null) removed(r, removed);
        return ServiceResponse.empty(204);
    }

    void removed(S3Request r, ObjectMeta m) {
        events.emit(new S3Events.Change(r.bucket(), "ObjectRemoved:Delete", m.key(), 0, null, Sequencer.next(),
                r.http().remoteAddress(), r.requestId(), r.principal()));
    }

    /** The source of x-amz-copy-source: {@code [/]bucket/key[?versionId=…]}, URL-encoded. */
    static String[] copySource(String header) {
        String s = header;
        int q = s.indexOf('?');
        if (q >= 0) s = s.substring(0, q);
        s = S3Request.decode(s);
        if (s.startsWith("/")) s = s.substring(1);
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1) {
            throw S3Exception.invalidArgument("Invalid copy source object key", "x-amz-copy-source", header);
        }
        return new String[]{s.substring(0, slash), s.substring(slash + 1)};
    }

    ServiceResponse copy(S3Request r) throws IOException {
        store.requireBucket(r.bucket());
        requireKey(r.key());
        String[] src = copySource(r.header("x-amz-copy-source"));
        store.requireBucket(src[0]);
        ObjectMeta source = store.head(src[0], src[1]);
        if (source == null) throw S3Exception.noSuchKey(src[1]);
        boolean replace = "REPLACE".equalsIgnoreCase(r.header("x-amz-metadata-directive"));
        if (!replace && src[0].equals(r.bucket()) && src[1].equals(r.key())) {
            throw S3Exception.invalidRequest("This copy request is illegal because it is trying to copy an object to "
                    + "itself without changing the object's metadata, storage class, website redirect location or "
                    + "encryption attributes.");
        }
        Path temp = store.newTemp();
        Files.copy(store.file(src[0], source), temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Checksums wanted = Checksums.parse(r.header("x-amz-checksum-algorithm"));
        String etag = source.etag();
        Map<String, String> checksums = new LinkedHashMap<>(source.checksums());
        if (source.parts() > 0 || wanted != null || !"FULL_OBJECT".equals(source.checksumType())) {
            Checksums alg = wanted != null ? wanted : Checksums.CRC64NVME;
            Checksums.Hasher md5 = Checksums.md5();
            Checksums.Hasher sum = alg.hasher();
            try (InputStream in = Files.newInputStream(temp)) {
                byte[] buf = new byte[65536];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md5.update(buf, 0, n);
                    sum.update(buf, 0, n);
                }
            }
            etag = HexFormat.of().formatHex(md5.digest());
            checksums = new LinkedHashMap<>(Map.of(alg.name(), sum.base64()));
        }
        ObjectMeta meta = new ObjectMeta(r.key(), null, source.size(), 0, etag, System.currentTimeMillis(),
                replace ? headersOf(r) : source.headers(), replace ? metadataOf(r) : source.metadata(), checksums,
                "FULL_OBJECT", 0, Sequencer.next());
        ObjectMeta stored = store.put(r.bucket(), r.key(), temp, meta);
        created(r, stored, "ObjectCreated:Copy");
        S3Xml x = S3Xml.root("CopyObjectResult").el("ETag", stored.quotedEtag()).el("LastModified",
                S3Xml.time(stored.lastModified()));
        stored.checksums().forEach((alg, v) -> x.el(Checksums.valueOf(alg).member(), v));
        x.el("ChecksumType", "FULL_OBJECT");
        return ServiceResponse.of(200, "application/xml", x.end("CopyObjectResult"));
    }

    /** Writes bytes to a file atomically (sidecar-free helper for parts). */
    static void writeAtomically(Path target, byte[] data) throws IOException {
        AtomicFiles.write(target, data);
    }
}
