package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.simulators.s3.BucketNotification;
import dev.lambdaconsole.simulators.s3.S3Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class S3FormViewModelTest {
    @TempDir Path workspace;
    TestConsole console;
    S3FormViewModel vm;
    S3Service s3;

    @BeforeEach
    void start() {
        console = FormConsole.start(workspace);
        s3 = console.simulators.s3().orElseThrow();
        vm = new S3FormViewModel(console.simulators, console.runtime.engine().settings(), FormConsole.FUNCTION, console.tasks);
    }

    @AfterEach
    void stop() { console.close(); }

    private void choose(String event, boolean on) {
        vm.events().stream().filter(c -> c.event().equals(event)).findFirst().orElseThrow().selected().set(on);
    }

    @Test
    void bucketNamesEventsAndKeyRulesAreCheckedAsTyped() {
        assertThat(vm.bucketError().get()).isEqualTo("Choose a bucket or enter the name of a new one.");
        vm.bucketProperty().set("My_Uploads");
        assertThat(vm.bucketError().get()).startsWith("The specified bucket is not valid: it has a character other than");
        vm.bucketProperty().set("ab");
        assertThat(vm.bucketError().get()).startsWith("The specified bucket is not valid: it has 2 characters");
        vm.bucketProperty().set("uploads");
        assertThat(vm.bucketError().get()).isNull();
        assertThat(vm.newBucketProperty().get()).isTrue();
        assertThat(vm.selectedEvents()).containsExactly("s3:ObjectCreated:*");
        choose("s3:ObjectCreated:*", false);
        assertThat(vm.eventsError().get()).isEqualTo("At least one event is required.");
        assertThat(vm.validProperty().get()).isFalse();
        choose("s3:ObjectCreated:Put", true);
        vm.prefixProperty().set("x".repeat(1025));
        assertThat(vm.prefixError().get()).isEqualTo("The prefix can have at most 1024 characters.");
        vm.prefixProperty().set("in/");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void addCreatesTheNewBucketAndItsNotificationThenAnOverlappingOneIsRefusedAtTheEvents() {
        vm.bucketProperty().set("uploads");
        vm.suffixProperty().set(".csv");
        assertThat(FormConsole.add(vm)).isEqualTo("S3 bucket uploads (new) → greeter: s3:ObjectCreated:*");
        assertThat(s3.bucketNames()).containsExactly("uploads");
        List<BucketNotification> kept = s3.notifications("uploads");
        assertThat(kept).singleElement().satisfies(n -> {
            assertThat(n.arn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:greeter");
            assertThat(n.suffix()).isEqualTo(".csv");
        });

        S3FormViewModel second = new S3FormViewModel(console.simulators, console.runtime.engine().settings(),
                FormConsole.FUNCTION, console.tasks);
        second.load();
        assertThat(second.buckets()).containsExactly("uploads");
        second.bucketProperty().set("uploads");
        assertThat(second.newBucketProperty().get()).isFalse();
        second.suffixProperty().set(".csv");
        assertThat(second.eventsError().get()).startsWith(BucketNotification.OVERLAP).contains("suffix .csv");
        assertThat(second.validProperty().get()).isFalse();
        second.suffixProperty().set(".json");
        assertThat(second.eventsError().get()).isNull();
        assertThat(FormConsole.add(second)).isEqualTo("S3 bucket uploads → greeter: s3:ObjectCreated:*");
        assertThat(s3.notifications("uploads")).extracting(BucketNotification::suffix).containsExactly(".csv", ".json");
    }

    @Test
    void theServicesOverlapErrorIsShownWhenTheFormDidNotKnowTheOtherConfiguration() {
        s3.createBucket("photos");
        vm.load();
        vm.bucketProperty().set("photos");
        // another client adds a configuration after the form read the bucket's
        s3.addFunctionNotification("photos", "arn:aws:lambda:us-east-1:000000000000:function:greeter",
                List.of("s3:ObjectCreated:Put"), null, null);
        assertThat(FormConsole.add(vm)).isEqualTo("failed: " + BucketNotification.OVERLAP);
    }
}
