package dev.lambdaconsole.simulators.s3;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's way into S3: the REST API's rules and errors, and one notification per write or delete. */
class LocalBucketsTest {
    @TempDir Path dir;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private BucketStore store;
    private FolderWatcher watcher;
    private LocalBuckets buckets;

    @BeforeEach
    void start() {
        store = new BucketStore(dir.resolve("buckets"), dir.resolve("state"), "us-east-1");
        buckets = new LocalBuckets(store, c -> events.add(c.eventName() + " " + c.key() + " " + c.principal()));
        watcher = new FolderWatcher(store, new FolderWatcher.Listener() {
            @Override public void created(String bucket, ObjectMeta m) { events.add("watcher created " + m.key()); }

            @Override public void removed(String bucket, ObjectMeta m) { events.add("watcher removed " + m.key()); }
        });
        watcher.start();
    }

    @AfterEach
    void stop() { watcher.close(); }

    /** Long enough for the watcher to have scanned the folders several times. */
    private static void letTheWatcherScan() throws InterruptedException {
        Thread.sleep(FolderWatcher.INTERVAL_MS * 4);
    }

    @Test
    void bucketNamesFollowS3sRulesAndErrors() {
        assertThat(LocalBuckets.nameProblem("ab")).isEqualTo("it has 2 characters");
        assertThat(LocalBuckets.nameProblem("My-Bucket")).contains("a character other than a-z");
        assertThat(LocalBuckets.nameProblem("my..bucket")).isEqualTo("it has two adjacent dots");
        assertThat(LocalBuckets.nameProblem("my-bucket")).isNull();
        assertThatThrownBy(() -> buckets.createBucket("192.168.1.1")).isInstanceOf(AwsServiceException.class)
                .hasMessageContaining("it looks like an IP address")
                .extracting(e -> ((AwsServiceException) e).code()).isEqualTo("InvalidBucketName");
        buckets.createBucket("my-bucket");
        assertThat(buckets.buckets()).extracting(LocalBuckets.Bucket::name).containsExactly("my-bucket");
        assertThat(buckets.buckets().get(0).region()).isEqualTo("us-east-1");
        assertThatThrownBy(() -> buckets.createBucket("my-bucket"))
                .extracting(e -> ((AwsServiceException) e).code()).isEqualTo("BucketAlreadyOwnedByYou");
    }

    @Test
    void anUploadIsOneObjectCreatedPutAndADeleteOneObjectRemovedDelete() throws Exception {
        buckets.createBucket("photos");
        Path file = dir.resolve("beach.jpg");
        Files.writeString(file, "not really a jpeg");
        LocalBuckets.ObjectDetails up = buckets.upload("photos", "2026/beach.jpg", file);
        assertThat(up.size()).isEqualTo(17);
        assertThat(up.contentType()).isEqualTo("image/jpeg");
        assertThat(up.etag()).hasSize(32);
        assertThat(up.checksums()).containsKey("CRC64NVME");
        assertThat(up.uri()).isEqualTo("s3://photos/2026/beach.jpg");
        assertThat(up.file()).isEqualTo(dir.resolve("buckets/photos/2026/beach.jpg")).hasContent("not really a jpeg");
        letTheWatcherScan();
        assertThat(events).containsExactly("ObjectCreated:Put 2026/beach.jpg AWS:local-console");

        events.clear();
        assertThat(buckets.delete("photos", "2026/beach.jpg")).isTrue();
        assertThat(buckets.delete("photos", "2026/beach.jpg")).as("gone already: no event").isFalse();
        letTheWatcherScan();
        assertThat(events).containsExactly("ObjectRemoved:Delete 2026/beach.jpg AWS:local-console");
    }

    @Test
    void foldersHeadDownloadAndANonEmptyBucket() throws Exception {
        buckets.createBucket("docs");
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "hello");
        buckets.upload("docs", "top.txt", file);
        buckets.upload("docs", "reports/2026/q1.txt", file);
        buckets.upload("docs", "reports/summary.txt", file);
        LocalBuckets.Folder root = buckets.list("docs", "");
        assertThat(root.folders()).containsExactly("reports/");
        assertThat(root.objects()).extracting(LocalBuckets.ObjectSummary::key).containsExactly("top.txt");
        LocalBuckets.Folder reports = buckets.list("docs", "reports/");
        assertThat(reports.folders()).containsExactly("reports/2026/");
        assertThat(reports.objects()).extracting(LocalBuckets.ObjectSummary::key).containsExactly("reports/summary.txt");
        assertThat(reports.objects().get(0).size()).isEqualTo(5);

        Path saved = dir.resolve("saved.txt");
        assertThat(buckets.download("docs", "reports/summary.txt", saved)).isEqualTo(5);
        assertThat(saved).hasContent("hello");
        assertThatThrownBy(() -> buckets.head("docs", "nope.txt"))
                .extracting(e -> ((AwsServiceException) e).code()).isEqualTo("NoSuchKey");
        assertThatThrownBy(() -> buckets.list("nobucket", ""))
                .extracting(e -> ((AwsServiceException) e).code()).isEqualTo("NoSuchBucket");
        assertThatThrownBy(() -> buckets.deleteBucket("docs")).hasMessage("The bucket you tried to delete is not empty")
                .extracting(e -> ((AwsServiceException) e).code()).isEqualTo("BucketNotEmpty");
        for (var o : List.of("top.txt", "reports/2026/q1.txt", "reports/summary.txt")) buckets.delete("docs", o);
        buckets.deleteBucket("docs");
        assertThat(buckets.buckets()).isEmpty();
    }
}
