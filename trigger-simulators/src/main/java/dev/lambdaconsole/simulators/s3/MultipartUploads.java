package dev.lambdaconsole.simulators.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Multipart uploads, each a folder {@code <state>/s3/uploads/<uploadId>/} with {@code upload.json} and its parts
 * ({@code <n>.part} + {@code <n>.json}); completing concatenates the parts into the object, whose ETag is the MD5
 * of the parts' MD5s and {@code -N}, and whose checksum is S3's composite one (the checksum of the parts'
 * checksums, {@code -N}) or, with {@code x-amz-checksum-type: FULL_OBJECT}, that of the whole object.
 */
final class MultipartUploads {
    static final long MIN_PART = 5L * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BucketStore store;
    private final ObjectOperations objects;
    private final Path dir;

    MultipartUploads(BucketStore store, ObjectOperations objects, Path dir) {
        this.store = store;
        this.objects = objects;
        this.dir = dir;
    }

    private Path upload(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{8,200}")) throw S3Exception.noSuchUpload(id);
        return dir.resolve(id);
    }

    private ObjectNode read(S3Request r, String id) {
        Path f = upload(id).resolve("upload.json");
        try {
            ObjectNode n = (ObjectNode) Json.MAPPER.readTree(f.toFile());
            if (!n.path("bucket").asText().equals(r.bucket()) || !n.path("key").asText().equals(r.key())) {
                throw S3Exception.noSuchUpload(id);
            }
            return n;
        } catch (IOException e) {
            throw S3Exception.noSuchUpload(id);
        }
    }

    ServiceResponse create(S3Request r) throws IOException {
        store.requireBucket(r.bucket());
        ObjectOperations.requireKey(r.key());
        byte[] raw = new byte[24];
        RANDOM.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Checksums alg = Checksums.parse(r.header("x-amz-checksum-algorithm"));
        if (r.header("x-amz-checksum-algorithm") != null && alg == null) {
            throw S3Exception.invalidRequest("Checksum algorithm provided is unsupported. Please try again with any "
                    + "of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]");
        }
        String type = r.header("x-amz-checksum-type");
        if (type == null) type = alg == Checksums.CRC64NVME ? "FULL_OBJECT" : "COMPOSITE";
        ObjectNode n = Json.object().put("bucket", r.bucket()).put("key", r.key()).put("initiated", System.currentTimeMillis());
        n.set("headers", Json.MAPPER.valueToTree(ObjectOperations.headersOf(r)));
        n.set("metadata", Json.MAPPER.valueToTree(ObjectOperations.metadataOf(r)));
        if (alg != null) n.put("checksumAlgorithm", alg.name()).put("checksumType", type);
        AtomicFiles.write(upload(id).resolve("upload.json"), Json.pretty(n));
        S3Xml x = S3Xml.root("InitiateMultipartUploadResult").el("Bucket", r.bucket()).el("Key", r.key()).el("UploadId", id);
        ServiceResponse reply = ServiceResponse.of(200, "application/xml", x.end("InitiateMultipartUploadResult"));
        if (alg != null) reply = reply.withHeader("x-amz-checksum-algorithm", alg.name()).withHeader("x-amz-checksum-type", type);
        return reply;
    }

    private static int partNumber(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 10000) return n;
        } catch (NumberFormatException ignored) {
            // below
        }
        throw S3Exception.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                "partNumber", v);
    }

    ServiceResponse uploadPart(S3Request r) throws IOException {
        store.requireBucket(r.bucket());
        String id = r.query("uploadId");
        ObjectNode upload = read(r, id);
        int number = partNumber(r.query("partNumber"));
        byte[] data;
        Map<String, String> checksums;
        String md5;
        String copySource = r.header("x-amz-copy-source");
        if (copySource != null) {
            data = copyRange(copySource, r.header("x-amz-copy-source-range"));
            Checksums.Hasher h = Checksums.md5();
            h.update(data, 0, data.length);
            md5 = HexFormat.of().formatHex(h.digest());
            checksums = new LinkedHashMap<>();
        } else {
            Payload p = Payload.read(r.http());
            data = p.data();
            md5 = p.md5();
            checksums = new LinkedHashMap<>(p.checksums());
        }
        Checksums alg = Checksums.parse(upload.path("checksumAlgorithm").asText(null));
        if (alg != null && !checksums.containsKey(alg.name())) checksums.put(alg.name(), alg.of(data));
        Path folder = upload(id);
        AtomicFiles.write(folder.resolve(number + ".part"), data);
        ObjectNode part = Json.object().put("etag", md5).put("size", data.length).put("lastModified", System.currentTimeMillis());
        part.set("checksums", Json.MAPPER.valueToTree(checksums));
        AtomicFiles.write(folder.resolve(number + ".json"), Json.bytes(part));
        if (copySource != null) {
            S3Xml x = S3Xml.root("CopyPartResult").el("ETag", "\"" + md5 + "\"").el("LastModified",
                    S3Xml.time(part.path("lastModified").asLong()));
            return ServiceResponse.of(200, "application/xml", x.end("CopyPartResult"));
        }
        ServiceResponse reply = ServiceResponse.empty(200).withHeader("ETag", "\"" + md5 + "\"");
        for (Map.Entry<String, String> c : checksums.entrySet()) {
            reply = reply.withHeader(Checksums.valueOf(c.getKey()).header(), c.getValue());
        }
        return reply;
    }

    private byte[] copyRange(String header, String range) throws IOException {
        String[] src = ObjectOperations.copySource(header);
        store.requireBucket(src[0]);
        ObjectMeta source = store.head(src[0], src[1]);
        if (source == null) throw S3Exception.noSuchKey(src[1]);
        long start = 0;
        long end = source.size() - 1;
        if (range != null) {
            long[] b = range.startsWith("bytes=") ? ObjectOperations.range(range.substring(6), source.size()) : null;
            if (b == null) {
                throw S3Exception.invalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last "
                        + "where first and last are the zero-based offsets of the first and last bytes to copy",
                        "x-amz-copy-source-range", range);
            }
            start = b[0];
            end = b[1];
        }
        try (FileChannel ch = FileChannel.open(store.file(src[0], source), StandardOpenOption.READ)) {
            byte[] out = new byte[(int) (end - start + 1)];
            ch.position(start);
            var buf = java.nio.ByteBuffer.wrap(out);
            while (buf.hasRemaining() && ch.read(buf) >= 0) { /* fill */ }
            return out;
        }
    }

    private ObjectNode part(Path folder, int number) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(folder.resolve(number + ".json").toFile());
        } catch (IOException e) {
            return null;
        }
    }

    ServiceResponse complete(S3Request r) throws IOException {
        store.requireBucket(r.bucket());
        String id = r.query("uploadId");
        ObjectNode upload = read(r, id);
        Path folder = upload(id);
        Element root = S3Xml.parse(Payload.read(r.http()).data());
        List<Element> parts = S3Xml.children(root, "Part");
        if (parts.isEmpty()) {
            throw S3Exception.invalidRequest("You must specify at least one part");
        }
        Checksums alg = Checksums.parse(upload.path("checksumAlgorithm").asText(null));
        boolean fullObject = "FULL_OBJECT".equals(upload.path("checksumType").asText());
        List<Integer> numbers = new ArrayList<>();
        List<ObjectNode> found = new ArrayList<>();
        int previous = 0;
        for (int i = 0; i < parts.size(); i++) {
            Element p = parts.get(i);
            String numberText = S3Xml.text(p, "PartNumber");
            int number = partNumber(numberText == null ? "" : numberText.trim());
            if (number <= previous) {
                throw new S3Exception(400, "InvalidPartOrder", "The list of parts was not in ascending order. The "
                        + "parts list must be specified in order by part number.").with("UploadId", id);
            }
            previous = number;
            ObjectNode stored = part(folder, number);
            String etag = S3Xml.text(p, "ETag");
            etag = etag == null ? null : etag.trim().replace("\"", "");
            if (stored == null || etag == null || !etag.equals(stored.path("etag").asText())) {
                throw new S3Exception(400, "InvalidPart", "One or more of the specified parts could not be found.  The "
                        + "part may not have been uploaded, or the specified entity tag may not match the part's "
                        + "entity tag.").with("UploadId", id).with("PartNumber", number).with("ETag", etag);
            }
            if (alg != null) {
                String given = S3Xml.text(p, alg.member());
                String ours = stored.path("checksums").path(alg.name()).asText(null);
                if (given != null && ours != null && !given.trim().equals(ours)) {
                    throw new S3Exception(400, "InvalidPart", "One or more of the specified parts could not be found.  "
                            + "The part may not have been uploaded, or the specified entity tag may not match the "
                            + "part's entity tag.").with("UploadId", id).with("PartNumber", number).with("ETag", etag);
                }
            }
            numbers.add(number);
            found.add(stored);
        }
        for (int i = 0; i < found.size() - 1; i++) {
            long size = found.get(i).path("size").asLong();
            if (size < MIN_PART) {
                throw new S3Exception(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed "
                        + "size").with("ProposedSize", size).with("MinSizeAllowed", MIN_PART)
                        .with("PartNumber", numbers.get(i)).with("ETag", found.get(i).path("etag").asText());
            }
        }
        Path temp = store.newTemp();
        Checksums.Hasher partMd5s = Checksums.md5();
        Checksums.Hasher composite = alg == null ? null : alg.hasher();
        Checksums.Hasher whole = alg == null ? Checksums.CRC64NVME.hasher() : fullObject ? alg.hasher() : null;
        long size = 0;
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = Channels.newOutputStream(ch)) {
            byte[] buf = new byte[64 * 1024];
            for (int i = 0; i < numbers.size(); i++) {
                byte[] md5 = HexFormat.of().parseHex(found.get(i).path("etag").asText());
                partMd5s.update(md5, 0, md5.length);
                if (composite != null) {
                    byte[] sum = Base64.getDecoder().decode(found.get(i).path("checksums").path(alg.name()).asText());
                    composite.update(sum, 0, sum.length);
                }
                try (InputStream in = Files.newInputStream(folder.resolve(numbers.get(i) + ".part"))) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        out.write(buf, 0, n);
                        if (whole != null) whole.update(buf, 0, n);
                        size += n;
                    }
                }
            }
            out.flush();
            ch.force(true);
        }
        int count = numbers.size();
        String etag = HexFormat.of().formatHex(partMd5s.digest()) + "-" + count;
        Map<String, String> checksums = new LinkedHashMap<>();
        String checksumType;
        if (alg == null) {
            checksums.put(Checksums.CRC64NVME.name(), whole.base64());
            checksumType = "FULL_OBJECT";
        } else if (fullObject) {
            checksums.put(alg.name(), whole.base64());
            checksumType = "FULL_OBJECT";
        } else {
            checksums.put(alg.name(), composite.base64() + "-" + count);
            checksumType = "COMPOSITE";
        }
        if (fullObject && alg != null && r.header(alg.header()) != null) {
            Payload.check(alg, r.header(alg.header()), checksums.get(alg.name()));
        }
        ObjectMeta meta = new ObjectMeta(r.key(), null, size, 0, etag, System.currentTimeMillis(),
                Json.MAPPER.convertValue(upload.path("headers"), Map.class),
                Json.MAPPER.convertValue(upload.path("metadata"), Map.class), checksums, checksumType, count,
                Sequencer.next());
        ObjectMeta stored = store.put(r.bucket(), r.key(), temp, meta);
        deleteUpload(folder);
        objects.created(r, stored, "ObjectCreated:CompleteMultipartUpload");
        String location = "http://" + r.header("Host") + "/" + r.bucket() + "/" + S3Events.encodeKey(r.key());
        S3Xml x = S3Xml.root("CompleteMultipartUploadResult").el("Location", location).el("Bucket", r.bucket())
                .el("Key", r.key()).el("ETag", stored.quotedEtag());
        stored.checksums().forEach((a, v) -> x.el(Checksums.valueOf(a).member(), v));
        x.el("ChecksumType", checksumType);
        return ServiceResponse.of(200, "application/xml", x.end("CompleteMultipartUploadResult"));
    }

    ServiceResponse abort(S3Request r) throws IOException {
        store.requireBucket(r.bucket());
        String id = r.query("uploadId");
        read(r, id);
        deleteUpload(upload(id));
        return ServiceResponse.empty(204);
    }

    private static void deleteUpload(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    ServiceResponse listParts(S3Request r) {
        store.requireBucket(r.bucket());
        String id = r.query("uploadId");
        ObjectNode upload = read(r, id);
        int marker = r.query("part-number-marker") == null ? 0 : Integer.parseInt(r.query("part-number-marker"));
        int max = r.query("max-parts") == null ? 1000 : Math.min(1000, Integer.parseInt(r.query("max-parts")));
        List<Integer> numbers = new ArrayList<>();
        try (Stream<Path> files = Files.list(upload(id))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+\\.json"))
                    .map(n -> Integer.parseInt(n.substring(0, n.length() - 5))).filter(n -> n > marker).sorted()
                    .forEach(numbers::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean truncated = numbers.size() > max;
        if (truncated) numbers = numbers.subList(0, max);
        S3Xml x = S3Xml.root("ListPartsResult").el("Bucket", r.bucket()).el("Key", r.key()).el("UploadId", id)
                .el("PartNumberMarker", marker);
        if (!numbers.isEmpty()) x.el("NextPartNumberMarker", numbers.get(numbers.size() - 1));
        x.el("MaxParts", max).el("IsTruncated", truncated);
        String alg = upload.path("checksumAlgorithm").asText(null);
        for (int n : numbers) {
            ObjectNode p = part(upload(id), n);
            if (p == null) continue;
            x.open("Part").el("PartNumber", n).el("LastModified", S3Xml.time(p.path("lastModified").asLong()))
                    .el("ETag", "\"" + p.path("etag").asText() + "\"").el("Size", p.path("size").asLong());
            if (alg != null) x.el(Checksums.valueOf(alg).member(), p.path("checksums").path(alg).asText(null));
            x.close("Part");
        }
        owner(x, "Initiator");
        owner(x, "Owner");
        x.el("StorageClass", "STANDARD");
        if (alg != null) x.el("ChecksumAlgorithm", alg).el("ChecksumType", upload.path("checksumType").asText());
        return ServiceResponse.of(200, "application/xml", x.end("ListPartsResult"));
    }

    private static void owner(S3Xml x, String element) {
        x.open(element).el("ID", BucketOperations.OWNER_ID).el("DisplayName", "local").close(element);
    }

    ServiceResponse listUploads(S3Request r) {
        store.requireBucket(r.bucket());
        String prefix = r.query("prefix") == null ? "" : r.query("prefix");
        List<JsonNode> uploads = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> folders = Files.list(dir)) {
                for (Path f : folders.toList()) {
                    try {
                        JsonNode n = Json.MAPPER.readTree(f.resolve("upload.json").toFile());
                        if (n.path("bucket").asText().equals(r.bucket()) && n.path("key").asText().startsWith(prefix)) {
                            ((ObjectNode) n).put("id", f.getFileName().toString());
                            uploads.add(n);
                        }
                    } catch (IOException e) {
                        // an upload being aborted
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        uploads.sort(Comparator.comparing((JsonNode n) -> n.path("key").asText()).thenComparing(n -> n.path("initiated").asLong()));
        S3Xml x = S3Xml.root("ListMultipartUploadsResult").el("Bucket", r.bucket()).el("KeyMarker", "")
                .el("UploadIdMarker", "").el("Prefix", prefix).el("MaxUploads", 1000).el("IsTruncated", false);
        for (JsonNode n : uploads) {
            x.open("Upload").el("Key", n.path("key").asText()).el("UploadId", n.path("id").asText());
            owner(x, "Initiator");
            owner(x, "Owner");
            x.el("StorageClass", "STANDARD").el("Initiated", S3Xml.time(n.path("initiated").asLong()));
            if (n.has("checksumAlgorithm")) x.el("ChecksumAlgorithm", n.path("checksumAlgorithm").asText());
            x.close("Upload");
        }
        return ServiceResponse.of(200, "application/xml", x.end("ListMultipartUploadsResult"));
    }
}
