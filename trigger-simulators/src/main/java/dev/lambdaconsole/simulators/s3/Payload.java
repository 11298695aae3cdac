package dev.lambdaconsole.simulators.s3;

import dev.lambdaconsole.runtime.gateway.ServiceRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An object's bytes as a request carries them, checked as S3 checks them: {@code aws-chunked} bodies decoded
 * (chunk signatures are not verified, as no credentials are), their trailing checksum taken, and
 * {@code Content-MD5}, {@code x-amz-checksum-*} (header or trailer) and a hex {@code x-amz-content-sha256}
 * compared with what was received.
 *
 * @param data      the decoded bytes
 * @param md5       hex
 * @param checksums the client's checksum algorithms (header, trailer or {@code x-amz-sdk-checksum-algorithm})
 *                  → base64 value of {@code data}
 */
record Payload(byte[] data, String md5, Map<String, String> checksums) {

    static Payload read(ServiceRequest request) {
        byte[] body = request.body();
        String sha = request.header("x-amz-content-sha256");
        String encoding = request.header("Content-Encoding");
        boolean chunked = (sha != null && sha.startsWith("STREAMING-"))
                || (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked"));
        Map<String, String> trailers = new LinkedHashMap<>();
        byte[] data = chunked ? decodeChunked(body, trailers) : body;
        String decodedLength = request.header("x-amz-decoded-content-length");
        if (chunked && decodedLength != null && !decodedLength.equals(String.valueOf(data.length))) {
            throw new S3Exception(400, "IncompleteBody", "You did not provide the number of bytes specified by the "
                    + "x-amz-decoded-content-length HTTP header (" + decodedLength + "); got " + data.length);
        }
        if (sha != null && sha.length() == 64 && sha.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            String computed = HexFormat.of().formatHex(digest(Checksums.SHA256.hasher(), data));
            if (!computed.equalsIgnoreCase(sha)) {
                throw new S3Exception(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header "
                        + "does not match what was computed.").with("ClientComputedContentSHA256", sha)
                        .with("S3ComputedContentSHA256", computed);
            }
        }
        byte[] md5 = digest(Checksums.md5(), data);
        String contentMd5 = request.header("Content-MD5");
        if (contentMd5 != null) {
            byte[] given;
            try {
                given = Base64.getDecoder().decode(contentMd5.trim());
            } catch (IllegalArgumentException e) {
                given = null;
            }
            if (given == null || given.length != 16) {
                throw new S3Exception(400, "InvalidDigest", "The Content-MD5 you specified was invalid.")
                        .with("Content-MD5", contentMd5);
            }
            if (!java.util.Arrays.equals(given, md5)) {
                throw S3Exception.badDigest("Content-MD5", contentMd5, Base64.getEncoder().encodeToString(md5));
            }
        }
        Map<String, String> checksums = new LinkedHashMap<>();
        Checksums sdk = Checksums.parse(request.header("x-amz-sdk-checksum-algorithm"));
        int given = 0;
        for (Checksums c : Checksums.values()) {
            String value = request.header(c.header());
            if (value == null) value = trailers.get(c.header());
            if (value == null) continue;
            given++;
            String computed = c.of(data);
            check(c, value, computed);
            checksums.put(c.name(), computed);
        }
        if (given > 1) {
            throw S3Exception.invalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are "
                    + "not allowed.");
        }
        if (given == 0 && sdk != null) checksums.put(sdk.name(), sdk.of(data));
        return new Payload(data, HexFormat.of().formatHex(md5), checksums);
    }

    static void check(Checksums c, String value, String computed) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            decoded = null;
        }
        if (decoded == null || decoded.length != Base64.getDecoder().decode(computed).length) {
            throw S3Exception.invalidRequest("Value for " + c.header() + " header is invalid.");
        }
        if (!value.trim().equals(computed)) throw S3Exception.badDigest(c.name(), value, computed);
    }

    private static byte[] digest(Checksums.Hasher h, byte[] data) {
        h.update(data, 0, data.length);
        return h.digest();
    }

    /** {@code <hex size>[;chunk-signature=…]\r\n<bytes>\r\n} … {@code 0…\r\n}, trailers, {@code \r\n}. */
    static byte[] decodeChunked(byte[] body, Map<String, String> trailers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int at = 0;
        while (true) {
            int eol = lineEnd(body, at);
            if (eol < 0) throw incomplete("a chunk header is cut short");
            String header = new String(body, at, eol - at, StandardCharsets.US_ASCII);
            int semi = header.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semi < 0 ? header : header.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw incomplete("a chunk size is not hex: '" + header + "'");
            }
            at = eol + 2;
            if (size == 0) break;
            if (at + size > body.length) throw incomplete("a chunk of " + size + " bytes is cut short");
            out.write(body, at, (int) size);
            at += (int) size;
            if (at + 2 <= body.length && body[at] == '\r' && body[at + 1] == '\n') at += 2;
        }
        while (at < body.length) {
            int eol = lineEnd(body, at);
            if (eol < 0) eol = body.length;
            String line = new String(body, at, eol - at, StandardCharsets.UTF_8);
            at = eol + 2;
            if (line.isEmpty()) break;
            int colon = line.indexOf(':');
            if (colon > 0) trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return out.toByteArray();
    }

    private static S3Exception incomplete(String why) {
        return new S3Exception(400, "IncompleteBody", "The aws-chunked body is not well formed: " + why);
    }

    private static int lineEnd(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
        return -1;
    }
}
