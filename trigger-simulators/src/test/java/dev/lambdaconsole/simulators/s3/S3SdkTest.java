package dev.lambdaconsole.simulators.s3;

import dev.lambdaconsole.runtime.serve.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK for Java v2's S3Client as it comes (aws-chunked bodies with a trailing CRC32, response checksums
 * validated) against a real `serve`, path-style and virtual-host style; objects survive a restart.
 */
class S3SdkTest {
    @TempDir static Path workspace;
    static ServeProcess serve;
    static final List<Map<String, List<String>>> sent = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
        serve.url();
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    /** Path style at 127.0.0.1, or virtual-host style at localhost with every host name resolved to 127.0.0.1. */
    static S3Client client(String url, boolean pathStyle) {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
                var h = new java.util.TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
                h.putAll(c.httpRequest().headers());
                h.put("_host", List.of(c.httpRequest().host()));
                sent.add(h);
            }
        };
        String endpoint = pathStyle ? url : url.replace("127.0.0.1", "localhost");
        return S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .forcePathStyle(pathStyle)
                .httpClient(ApacheHttpClient.builder().dnsResolver(host -> new InetAddress[]{
                        InetAddress.getByName("127.0.0.1")}).build())
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sdk", "secret")))
                .build();
    }

    @Test
    void putAndGetWithTheSdksDefaultChecksumsPathStyleAndVirtualHost() throws Exception {
        for (boolean pathStyle : new boolean[]{true, false}) {
            String bucket = pathStyle ? "sdk-path" : "sdk-virtual";
            try (S3Client s3 = client(serve.url(), pathStyle)) {
                s3.createBucket(b -> b.bucket(bucket));
                byte[] data = new byte[300_000];
                new Random(7).nextBytes(data);
                sent.clear();
                PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("data/blob.bin").contentType("application/x-test")
                        .metadata(Map.of("owner", "sdk")), RequestBody.fromBytes(data));
                Map<String, List<String>> request = sent.get(sent.size() - 1);
                assertThat(String.join(",", request.getOrDefault("Content-Encoding", List.of()))).contains("aws-chunked");
                assertThat(request.get("x-amz-trailer")).containsExactly("x-amz-checksum-crc32");
                assertThat(request.get("_host").get(0)).isEqualTo(pathStyle ? "127.0.0.1" : bucket + ".localhost");
                assertThat(put.checksumCRC32()).isEqualTo(Checksums.CRC32.of(data));
                assertThat(put.eTag()).isEqualTo("\"" + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("MD5").digest(data)) + "\"");
                assertThat(workspace.resolve("buckets/" + bucket + "/data/blob.bin")).hasBinaryContent(data);

                ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("data/blob.bin")
                        .checksumMode(ChecksumMode.ENABLED));
                assertThat(got.asByteArray()).isEqualTo(data);
                assertThat(got.response().checksumCRC32()).isEqualTo(put.checksumCRC32());
                assertThat(got.response().contentType()).isEqualTo("application/x-test");
                assertThat(got.response().metadata()).containsEntry("owner", "sdk");
                ResponseBytes<GetObjectResponse> part = s3.getObjectAsBytes(b -> b.bucket(bucket).key("data/blob.bin")
                        .range("bytes=100-199"));
                assertThat(part.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(data, 100, 200));
                HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("data/blob.bin"));
                assertThat(head.contentLength()).isEqualTo(300_000L);
                assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key)
                        .containsExactly("data/blob.bin");
                assertThatThrownBy(() -> s3.getObject(b -> b.bucket(bucket).key("nothing")))
                        .isInstanceOf(NoSuchKeyException.class);
                assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket(bucket)))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                                .isEqualTo("BucketNotEmpty"));
                s3.deleteObject(b -> b.bucket(bucket).key("data/blob.bin"));
                assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
            }
        }
    }

    @Test
    void objectsAndNotificationSettingsSurviveARestart() throws Exception {
        Path ws = Files.createTempDirectory(workspace.getParent(), "s3-restart");
        try (ServeProcess first = new ServeProcess(ws)) {
            try (S3Client s3 = client(first.url(), true)) {
                s3.createBucket(b -> b.bucket("kept"));
                s3.putObject(b -> b.bucket("kept").key("a/b.txt").contentType("text/plain").metadata(Map.of("k", "v")),
                        RequestBody.fromString("kept across restarts"));
                s3.putBucketNotificationConfiguration(b -> b.bucket("kept").notificationConfiguration(n -> n
                        .queueConfigurations(List.of())));
            }
        }
        try (ServeProcess second = new ServeProcess(ws); S3Client s3 = client(second.url(), true)) {
            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("kept").key("a/b.txt")
                    .checksumMode(ChecksumMode.ENABLED));
            assertThat(got.asString(StandardCharsets.UTF_8)).isEqualTo("kept across restarts");
            assertThat(got.response().contentType()).isEqualTo("text/plain");
            assertThat(got.response().metadata()).containsEntry("k", "v");
            assertThat(got.response().checksumCRC32()).isNotNull();
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("kept");
        }
    }
}
