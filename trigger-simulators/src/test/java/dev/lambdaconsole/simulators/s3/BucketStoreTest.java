package dev.lambdaconsole.simulators.s3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys as files (the encoding rule), checksums, aws-chunked bodies and the overlap rule, on real folders. */
class BucketStoreTest {
    @TempDir Path dir;

    @Test
    void keysMapToFilesAndBackUnderTheEncodingRule() {
        assertThat(KeyPaths.natural("photos/summer 2026/beach.jpg")).isEqualTo("photos/summer 2026/beach.jpg");
        assertThat(KeyPaths.natural("photos/")).isEqualTo("photos/%");
        assertThat(KeyPaths.natural("a//b")).isEqualTo("a/%/b");
        assertThat(KeyPaths.natural("../etc/passwd")).isEqualTo("%2E%2E/etc/passwd");
        assertThat(KeyPaths.natural("./x")).isEqualTo("%2E/x");
        assertThat(KeyPaths.natural("100%/a:b?.")).isEqualTo("100%25/a%3Ab%3F%2E");
        assertThat(KeyPaths.natural("x".repeat(300))).as("too long for a file name").isNull();
        for (String key : List.of("photos/", "a//b", "../etc/passwd", "100%/a:b?.", "tab\there", "ü/ñ", "/lead", "end ")) {
            assertThat(KeyPaths.key(KeyPaths.natural(key))).as(key).isEqualTo(key);
        }
    }

    @Test
    void keysThatCannotBeFilesAreHashedAndStillListed() throws Exception {
        BucketStore store = new BucketStore(dir.resolve("buckets"), dir.resolve("state"), "us-east-1");
        store.createBucket("bucket-one", null);
        put(store, "bucket-one", "a", "file a");
        put(store, "bucket-one", "a/b", "under a");          // a is a file: a/b cannot be a folder's file
        put(store, "bucket-one", "photos/", "");             // a folder marker
        put(store, "bucket-one", "photos/x.jpg", "x");
        put(store, "bucket-one", "y".repeat(400), "long");   // longer than a file name may be
        assertThat(dir.resolve("buckets/bucket-one/a")).hasContent("file a");
        assertThat(dir.resolve("buckets/bucket-one/photos/%")).exists();
        assertThat(store.keys("bucket-one", "")).containsExactly("a", "a/b", "photos/", "photos/x.jpg", "y".repeat(400));
        assertThat(store.keys("bucket-one", "photos/")).containsExactly("photos/", "photos/x.jpg");
        ObjectMeta hashed = store.head("bucket-one", "a/b");
        assertThat(hashed.path()).startsWith("%hash/");
        assertThat(Files.readString(store.file("bucket-one", hashed))).isEqualTo("under a");
        assertThat(store.delete("bucket-one", "a/b")).isNotNull();
        assertThat(store.keys("bucket-one", "a")).containsExactly("a");
    }

    @Test
    void aFileChangedOutsideTheApiGetsItsEtagComputedAgain() throws Exception {
        BucketStore store = new BucketStore(dir.resolve("buckets"), dir.resolve("state"), "us-east-1");
        store.createBucket("bucket-two", null);
        put(store, "bucket-two", "k.txt", "one");
        Path file = dir.resolve("buckets/bucket-two/k.txt");
        Files.writeString(file, "two, longer");
        ObjectMeta meta = store.head("bucket-two", "k.txt");
        assertThat(meta.size()).isEqualTo(11);
        assertThat(meta.etag()).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("MD5").digest("two, longer".getBytes(StandardCharsets.UTF_8))));
    }

    private static void put(BucketStore store, String bucket, String key, String content) throws Exception {
        Path temp = store.newTemp();
        Files.writeString(temp, content);
        store.put(bucket, key, temp, new ObjectMeta(key, null, 0, 0, "e", 1, null, null,
                null, null, 0, Sequencer.next()));
    }

    @Test
    void checksumsAreS3s() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(Checksums.CRC64NVME.of(check))))
                .isEqualTo("ae8b14860a799888");
        assertThat(java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(Checksums.CRC32.of(check))))
                .isEqualTo("cbf43926");
        assertThat(java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(Checksums.CRC32C.of(check))))
                .isEqualTo("e3069283");
    }

    @Test
    void awsChunkedBodiesAreDecodedWithTheirTrailer() {
        String body = "5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n0;chunk-signature=000\r\n"
                + "x-amz-checksum-crc32:" + Checksums.CRC32.of("hello world".getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "x-amz-trailer-signature:123\r\n\r\n";
        Map<String, String> trailers = new HashMap<>();
        byte[] data = Payload.decodeChunked(body.getBytes(StandardCharsets.UTF_8), trailers);
        assertThat(new String(data, StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(trailers).containsKey("x-amz-checksum-crc32");
        assertThatThrownBy(() -> Payload.check(Checksums.CRC32, Checksums.CRC32.of("other".getBytes()),
                Checksums.CRC32.of("hello world".getBytes()))).hasMessageContaining("did not match");
    }

    @Test
    void configurationsOverlapAsS3Says() {
        var put = List.of("s3:ObjectCreated:Put");
        var all = List.of("s3:ObjectCreated:*");
        var removed = List.of("s3:ObjectRemoved:*");
        assertThat(Notifications.overlap(t(all, "images/", null), t(put, "images/raw/", null))).isTrue();
        assertThat(Notifications.overlap(t(all, "images/", null), t(put, "videos/", null))).isFalse();
        assertThat(Notifications.overlap(t(all, null, ".jpg"), t(put, null, ".png"))).isFalse();
        assertThat(Notifications.overlap(t(all, null, ".jpg"), t(put, "x/", null))).isTrue();
        assertThat(Notifications.overlap(t(all, null, null), t(removed, null, null))).isFalse();
        assertThat(new Notifications.Target("lambda", "i", "a", all, null, ".jpg")
                .matches("s3:ObjectCreated:CompleteMultipartUpload", "a b.jpg", "a+b.jpg")).isTrue();
    }

    private static Notifications.Target t(List<String> events, String prefix, String suffix) {
        return new Notifications.Target("lambda", "id", "arn", events, prefix, suffix);
    }
}
