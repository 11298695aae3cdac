package dev.lambdaconsole.simulators;

import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.simulators.s3.BucketNotification;
import dev.lambdaconsole.simulators.s3.S3Service;
import dev.lambdaconsole.simulators.sns.SnsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-process calls the console's Add trigger makes on S3 and SNS: the same checks and errors as their APIs. */
class ConsoleCallsTest {
    static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:fn";
    @TempDir Path dir;
    LocalRuntime runtime;
    SimulatorServices services;

    @BeforeEach
    void start() {
        services = new SimulatorServices();
        runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(dir.resolve("ws")).withBackend("process")
                .withPort(0).withServices(List.of(services)));
        runtime.workspace().create(FunctionConfig.builder("fn").runtime("python3.12").handler("app.handler").build(),
                CodeSource.files(Map.of("app.py", "def handler(e, c):\n    return e\n")));
    }

    @AfterEach
    void stop() { runtime.close(); }

    @Test
    void aFunctionNotificationIsAddedBesideTheBucketsOthersAndOverlapsAreRefusedAsS3Does() {
        S3Service s3 = services.s3().orElseThrow();
        assertThat(S3Service.bucketNameProblem("My_Bucket")).startsWith("The specified bucket is not valid: it has a character");
        assertThat(S3Service.bucketNameProblem("uploads")).isNull();
        s3.createBucket("uploads");
        assertThat(s3.bucketNames()).containsExactly("uploads");
        assertThatThrownBy(() -> s3.createBucket("uploads")).isInstanceOf(AwsServiceException.class)
                .hasMessageContaining("you already own it");

        s3.addFunctionNotification("uploads", FN, List.of("s3:ObjectCreated:*"), "in/", ".csv");
        s3.addFunctionNotification("uploads", FN, List.of("s3:ObjectRemoved:*"), null, null);
        List<BucketNotification> all = s3.notifications("uploads");
        assertThat(all).extracting(BucketNotification::events).containsExactly(List.of("s3:ObjectCreated:*"),
                List.of("s3:ObjectRemoved:*"));
        assertThat(all.get(0).prefix()).isEqualTo("in/");
        assertThat(all.get(0).suffix()).isEqualTo(".csv");
        assertThat(s3.notificationConfiguration("uploads")).contains("<CloudFunction>" + FN + "</CloudFunction>");

        assertThat(all.get(0).overlaps(List.of("s3:ObjectCreated:Put"), "in/2026/", "")).isTrue();
        assertThat(all.get(0).overlaps(List.of("s3:ObjectCreated:Put"), "out/", "")).isFalse();
        assertThatThrownBy(() -> s3.addFunctionNotification("uploads", FN, List.of("s3:ObjectCreated:Put"), "in/x", null))
                .isInstanceOf(AwsServiceException.class).hasMessage(BucketNotification.OVERLAP);
        assertThatThrownBy(() -> s3.addFunctionNotification("uploads",
                "arn:aws:lambda:us-east-1:000000000000:function:missing", List.of("s3:ObjectTagging:*"), null, null))
                .hasMessage("Unable to validate the following destination configurations");
        assertThat(s3.notifications("uploads")).hasSize(2);
    }

    @Test
    void aTopicIsCreatedAndTheFunctionSubscribedWithItsFilterPolicy() {
        SnsService sns = services.sns().orElseThrow();
        String topic = sns.createTopic("orders");
        assertThat(topic).isEqualTo("arn:aws:sns:us-east-1:000000000000:orders");
        assertThat(sns.createTopic("orders")).isEqualTo(topic);
        assertThatThrownBy(() -> sns.createTopic("bad name")).isInstanceOf(AwsServiceException.class)
                .hasMessageContaining("Topic Name");

        String sub = sns.subscribe(topic, "lambda", FN, Map.of("FilterPolicy", "{\"kind\":[\"paid\"]}",
                "FilterPolicyScope", "MessageBody"));
        assertThat(sns.subscriptionArns(topic)).containsExactly(sub);
        assertThat(sns.subscriptionAttributes(sub)).containsEntry("Protocol", "lambda").containsEntry("Endpoint", FN)
                .containsEntry("FilterPolicyScope", "MessageBody");
        assertThatThrownBy(() -> sns.subscribe(topic, "lambda", FN + "2", Map.of("FilterPolicy", "{\"kind\":\"paid\"}")))
                .isInstanceOf(AwsServiceException.class).hasMessageStartingWith("Invalid parameter: FilterPolicy:");
    }
}
