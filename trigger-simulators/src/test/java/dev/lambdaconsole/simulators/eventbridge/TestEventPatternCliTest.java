package dev.lambdaconsole.simulators.eventbridge;

import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * EventBridge's TestEventPattern on the shared endpoint of a real `serve` (with the trigger simulators on its class
 * path, as the console and the launcher have them), through the AWS CLI v1 and v2 and the SDK for Java v2.
 */
class TestEventPatternCliTest {
    static final String EVENT = "{\"id\":\"7bf73129-1428-4cd3-a780-95db273d1602\",\"detail-type\":\"Order Placed\","
            + "\"source\":\"com.example.orders\",\"account\":\"123456789012\",\"time\":\"2026-12-02T10:00:00Z\","
            + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"amount\":250,\"currency\":\"EUR\"}}";
    static final String MATCHING = "{\"source\":[\"com.example.orders\"],\"detail\":{\"amount\":[{\"numeric\":[\">\",100]}]}}";
    static final String OTHER = "{\"source\":[\"com.example.orders\"],\"detail\":{\"currency\":[\"USD\"]}}";
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    @Test
    void serveListsTheSimulatorsServices() throws Exception {
        serve.url();
        assertThat(serve.output).anyMatch(line -> line.startsWith("Services on this endpoint:")
                && line.contains("events") && line.contains("lambda") && line.contains("logs"));
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void cli(int major) throws Exception {
        AwsCli cli = AwsCli.version(major, files).endpoint(serve.url());
        assertThat(cli.call("events", "test-event-pattern", "--event-pattern", MATCHING, "--event", EVENT)
                .get("Result").asBoolean()).isTrue();
        assertThat(cli.call("events", "test-event-pattern", "--event-pattern", OTHER, "--event", EVENT)
                .get("Result").asBoolean()).isFalse();
        String invalid = cli.fails("events", "test-event-pattern", "--event-pattern", "{\"source\":\"not-an-array\"}",
                "--event", EVENT);
        assertThat(invalid).contains("InvalidEventPatternException").contains("Event pattern is not valid");
        String unknown = cli.fails("events", "list-archives");
        assertThat(unknown).contains("UnknownOperationException").contains("ListArchives");
    }

    @Test
    void sdk() throws Exception {
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(URI.create(serve.url()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"))).build()) {
            assertThat(events.testEventPattern(b -> b.eventPattern(MATCHING).event(EVENT)).result()).isTrue();
            assertThat(events.testEventPattern(b -> b.eventPattern(OTHER).event(EVENT)).result()).isFalse();
            assertThatThrownBy(() -> events.testEventPattern(b -> b.eventPattern("{\"detail\":{\"a\":[{\"wildcard\":\"x**\"}]}}")
                    .event(EVENT))).isInstanceOf(InvalidEventPatternException.class);
        }
    }
}
