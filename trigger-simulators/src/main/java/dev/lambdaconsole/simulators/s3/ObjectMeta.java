package dev.lambdaconsole.simulators.s3;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What S3 keeps of an object besides its bytes: the sidecar JSON of its file.
 *
 * @param path         the file under the bucket's folder (see {@link KeyPaths})
 * @param size         bytes
 * @param fileModified the file's modification time (ms) when this was written: a file changed since (outside the
 *                     API) has other bytes, and its ETag is computed again
 * @param etag         without quotes; {@code <md5 of the part md5s>-N} for a multipart upload
 * @param lastModified ms
 * @param headers      the stored representation headers: Content-Type, Content-Encoding, Content-Disposition,
 *                     Content-Language, Cache-Control, Expires
 * @param metadata     user metadata, names lower case without {@code x-amz-meta-}
 * @param checksums    algorithm name (CRC32…) → base64 value as S3 returns it (composite ones end in -N)
 * @param checksumType FULL_OBJECT or COMPOSITE (multipart), null without checksum
 * @param parts        parts of a multipart upload, 0 otherwise
 * @param sequencer    the event sequencer of the write that made it (hex)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ObjectMeta(String key, String path, long size, long fileModified, String etag, long lastModified,
                  Map<String, String> headers, Map<String, String> metadata, Map<String, String> checksums,
                  String checksumType, int parts, String sequencer) {
    static final String DEFAULT_TYPE = "binary/octet-stream";

    ObjectMeta {
        headers = headers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(headers);
        metadata = metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
        checksums = checksums == null ? new LinkedHashMap<>() : new LinkedHashMap<>(checksums);
    }

    String contentType() { return headers.getOrDefault("Content-Type", DEFAULT_TYPE); }

    String quotedEtag() { return "\"" + etag + "\""; }

    ObjectMeta at(String newKey, String newPath, long newSize, long newFileModified) {
        return new ObjectMeta(newKey, newPath, newSize, newFileModified, etag, lastModified, headers, metadata,
                checksums, checksumType, parts, sequencer);
    }

    ObjectMeta written(long when, String newSequencer) {
        return new ObjectMeta(key, path, size, fileModified, etag, when, headers, metadata, checksums, checksumType,
                parts, newSequencer);
    }

    ObjectMeta describedAs(Map<String, String> newHeaders, Map<String, String> newMetadata) {
        return new ObjectMeta(key, path, size, fileModified, etag, lastModified, newHeaders, newMetadata, checksums,
                checksumType, parts, sequencer);
    }
}
