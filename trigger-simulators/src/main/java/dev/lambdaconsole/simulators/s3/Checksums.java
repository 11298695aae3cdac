package dev.lambdaconsole.simulators.s3;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The checksums S3 takes and returns ({@code x-amz-checksum-<algorithm>}, base64 of the big-endian value) and
 * MD5 (ETags, Content-MD5).
 */
enum Checksums {
    CRC32, CRC32C, CRC64NVME, SHA1, SHA256;

    /** e.g. {@code x-amz-checksum-crc32}. */
    String header() { return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT); }

    /** The XML element and JSON field of the value, e.g. {@code ChecksumCRC32}. */
    String member() { return "Checksum" + name(); }

    /** Whether S3 combines its part values into a full-object value (the CRCs) rather than only composite. */
    boolean crc() { return this == CRC32 || this == CRC32C || this == CRC64NVME; }

    static Checksums parse(String name) {
        if (name == null) return null;
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Hasher hasher() {
        return switch (this) {
            case CRC32 -> new CrcHasher(new CRC32(), 4);
            case CRC32C -> new CrcHasher(new CRC32C(), 4);
            case CRC64NVME -> new Crc64Hasher();
            case SHA1 -> new DigestHasher("SHA-1");
            case SHA256 -> new DigestHasher("SHA-256");
        };
    }

    /** The base64 value of {@code data}. */
    String of(byte[] data) {
        Hasher h = hasher();
        h.update(data, 0, data.length);
        return Base64.getEncoder().encodeToString(h.digest());
    }

    /** An incremental checksum or digest. */
    interface Hasher {
        void update(byte[] b, int off, int len);

        byte[] digest();

        default String base64() { return Base64.getEncoder().encodeToString(digest()); }
    }

    static Hasher md5() { return new DigestHasher("MD5"); }

    private static final class CrcHasher implements Hasher {
        private final Checksum crc;
        private final int bytes;

        CrcHasher(Checksum crc, int bytes) {
            this.crc = crc;
            this.bytes = bytes;
        }

        @Override public void update(byte[] b, int off, int len) { crc.update(b, off, len); }

        @Override
        public byte[] digest() {
            return bytes == 4 ? ByteBuffer.allocate(4).putInt((int) crc.getValue()).array()
                    : ByteBuffer.allocate(8).putLong(crc.getValue()).array();
        }
    }

    /** CRC-64/NVME: reflected polynomial 0x9A6C9329AC4BC9B5, initial and final value all ones. */
    static final class Crc64Hasher implements Hasher {
        private static final long[] TABLE = new long[256];

        static {
            for (int i = 0; i < 256; i++) {
                long c = i;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >>> 1) ^ 0x9A6C9329AC4BC9B5L : c >>> 1;
                TABLE[i] = c;
            }
        }

        private long crc = -1L;

        @Override
        public void update(byte[] b, int off, int len) {
            long c = crc;
            for (int i = off; i < off + len; i++) c = TABLE[(int) ((c ^ b[i]) & 0xFF)] ^ (c >>> 8);
            crc = c;
        }

        @Override public byte[] digest() { return ByteBuffer.allocate(8).putLong(~crc).array(); }
    }

    private static final class DigestHasher implements Hasher {
        private final MessageDigest digest;

        DigestHasher(String algorithm) {
            try {
                digest = MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override public void update(byte[] b, int off, int len) { digest.update(b, off, len); }

        @Override public byte[] digest() { return digest.digest(); }
    }
}
