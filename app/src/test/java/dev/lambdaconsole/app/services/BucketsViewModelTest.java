package dev.lambdaconsole.app.services;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.buckets.BucketsViewModel;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.simulators.s3.S3Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BucketsViewModelTest {
    @TempDir static Path workspace;
    @TempDir Path files;
    static TestConsole console;

    @BeforeAll
    static void start() { console = new TestConsole(workspace, "process", TaskRunner.synchronous()); }

    @AfterAll
    static void stop() { console.close(); }

    private static BucketsViewModel vm() {
        return new BucketsViewModel(() -> console.simulators.s3().map(S3Service::buckets), console.tasks);
    }

    private Path file(String name, String text) throws Exception {
        Path f = files.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void bucketNamesAreCheckedAsTypedWithS3sRules() {
        BucketsViewModel vm = vm();
        vm.newBucketNameProperty().set("ab");
        assertThat(vm.newBucketErrorProperty().get()).startsWith("Not a valid bucket name: it has 2 characters.");
        assertThat(vm.canCreateBucket().get()).isFalse();
        vm.newBucketNameProperty().set("Upper");
        assertThat(vm.newBucketErrorProperty().get()).contains("a character other than a-z, 0-9");
        vm.newBucketNameProperty().set("a..b");
        assertThat(vm.newBucketErrorProperty().get()).contains("two adjacent dots");
        vm.newBucketNameProperty().set("10.0.0.1");
        assertThat(vm.newBucketErrorProperty().get()).contains("looks like an IP address");
        vm.newBucketNameProperty().set("xn--bucket");
        assertThat(vm.newBucketErrorProperty().get()).contains("reserved prefix");
        vm.newBucketNameProperty().set("bucket-s3alias");
        assertThat(vm.newBucketErrorProperty().get()).contains("reserved suffix");
        vm.newBucketNameProperty().set("");
        assertThat(vm.newBucketErrorProperty().get()).isEmpty();
        assertThat(vm.canCreateBucket().get()).isFalse();
        vm.newBucketNameProperty().set("rules-ok");
        assertThat(vm.newBucketErrorProperty().get()).isEmpty();
        assertThat(vm.canCreateBucket().get()).isTrue();
    }

    @Test
    void createBrowseUploadDownloadAndDelete() throws Exception {
        BucketsViewModel vm = vm();
        vm.newBucketNameProperty().set("media");
        vm.createBucket();
        assertThat(vm.messageProperty().get()).isEqualTo("Created bucket media");
        assertThat(vm.newBucketNameProperty().get()).isEmpty();
        assertThat(vm.buckets()).extracting(b -> b.name()).contains("media");
        vm.newBucketNameProperty().set("media");
        vm.createBucket();
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("BucketAlreadyOwnedByYou: ");

        vm.open("media");
        assertThat(vm.entries()).isEmpty();
        vm.upload(List.of(file("notes.txt", "hello"), file("album/a.jpg", "aa"), file("album/b.jpg", "bbb")));
        assertThat(vm.messageProperty().get()).as("a file and a folder of two").isEqualTo("Uploaded 3 files to s3://media/");
        // the dropped/chosen folder keeps its name: album/a.jpg, album/b.jpg
        vm.upload(List.of(files.resolve("album")));
        assertThat(vm.entries()).extracting(BucketsViewModel.Entry::name).containsExactly("album/", "a.jpg", "b.jpg", "notes.txt");
        BucketsViewModel.Entry notes = vm.entries().get(3);
        assertThat(notes.size()).isEqualTo(5);
        assertThat(notes.etag()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(vm.breadcrumb()).extracting(BucketsViewModel.Crumb::label).containsExactly("media");

        vm.openFolder("album/");
        assertThat(vm.prefixProperty().get()).isEqualTo("album/");
        assertThat(vm.entries()).extracting(BucketsViewModel.Entry::key).containsExactly("album/a.jpg", "album/b.jpg");
        assertThat(vm.breadcrumb()).extracting(BucketsViewModel.Crumb::prefix).containsExactly("", "album/");
        vm.upload(List.of(file("c.txt", "inside")));
        assertThat(vm.entries()).extracting(BucketsViewModel.Entry::key).contains("album/c.txt");

        vm.selectedProperty().set(vm.entries().get(0));
        assertThat(vm.detailsProperty().get().uri()).isEqualTo("s3://media/album/a.jpg");
        assertThat(vm.detailsProperty().get().contentType()).isEqualTo("image/jpeg");
        assertThat(vm.detailsProperty().get().file()).hasContent("aa");
        assertThat(vm.detailsProperty().get().checksums()).containsKey("CRC64NVME");

        Path saved = files.resolve("saved.jpg");
        vm.download("album/a.jpg", saved);
        assertThat(saved).hasContent("aa");
        assertThat(vm.messageProperty().get()).startsWith("Downloaded album/a.jpg (2 bytes)");

        vm.deleteObject("album/a.jpg");
        assertThat(vm.messageProperty().get()).isEqualTo("Deleted album/a.jpg");
        assertThat(vm.entries()).extracting(BucketsViewModel.Entry::key).containsExactly("album/b.jpg", "album/c.txt");
        assertThat(vm.detailsProperty().get()).as("its details went with it").isNull();

        vm.deleteBucket("media");
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("BucketNotEmpty: The bucket you tried to delete is not empty");
    }

    @Test
    void anEmptyBucketIsDeletedAndRefreshSeesBucketsMadeElsewhere() throws Exception {
        BucketsViewModel vm = vm();
        console.simulators.s3().orElseThrow().buckets().createBucket("made-elsewhere");
        vm.refresh();
        assertThat(vm.buckets()).extracting(b -> b.name()).contains("made-elsewhere");
        vm.open("made-elsewhere");
        vm.deleteBucket("made-elsewhere");
        assertThat(vm.messageProperty().get()).isEqualTo("Deleted bucket made-elsewhere");
        assertThat(vm.buckets()).extracting(b -> b.name()).doesNotContain("made-elsewhere");
        assertThat(vm.bucketProperty().get()).isNull();
    }
}
