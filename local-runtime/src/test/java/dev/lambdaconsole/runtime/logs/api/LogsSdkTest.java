package dev.lambdaconsole.runtime.logs.api;

import dev.lambdaconsole.runtime.TestRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The SDK for Java v2's CloudWatchLogsClient against the shared endpoint, over a function's real logs. */
class LogsSdkTest {
    @TempDir static Path workspace;
    static TestRuntime rt;
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() {
        rt = new TestRuntime(workspace);
        rt.deploy("logger", "python3.12", "lambda_function.lambda_handler", "python/logger");
        for (int i = 0; i < 5; i++) rt.invoke("logger", "{\"tag\":\"run" + i + "\",\"n\":6}");
        logs = CloudWatchLogsClient.builder().endpointOverride(URI.create(rt.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        await().atMost(Duration.ofSeconds(10)).until(() -> logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/logger")
                .filterPattern("REPORT")).events().size() == 5);
    }

    @AfterAll
    static void stop() {
        if (logs != null) logs.close();
        if (rt != null) rt.close();
    }

    @Test
    void groupsAndStreams() {
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/")).logGroups())
                .anySatisfy(g -> assertThat(g.logGroupName()).isEqualTo("/aws/lambda/logger"));
        var streams = logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/logger").orderBy(OrderBy.LAST_EVENT_TIME)
                .descending(true)).logStreams();
        assertThat(streams).isNotEmpty();
        assertThat(streams.get(0).lastEventTimestamp()).isPositive();
        assertThatThrownBy(() -> logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/logger")
                .orderBy(OrderBy.LAST_EVENT_TIME).logStreamNamePrefix("2026"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/none")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void filterPagesWithStableEventIds() {
        List<FilteredLogEvent> all = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            FilterLogEventsResponse page = logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/logger")
                    .filterPattern("{ $.level = \"ERROR\" }").limit(4).nextToken(t));
            all.addAll(page.events());
            token = page.nextToken();
        } while (token != null);
        assertThat(all).hasSize(15).allMatch(e -> e.message().contains("\"ERROR\""));
        Set<String> ids = new HashSet<>();
        all.forEach(e -> ids.add(e.eventId()));
        assertThat(ids).hasSize(15);
        assertThat(all).isSortedAccordingTo(java.util.Comparator.comparing(FilteredLogEvent::timestamp));
        List<FilteredLogEvent> again = logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/logger")
                .filterPattern("{ $.level = \"ERROR\" }")).events();
        assertThat(again.stream().map(FilteredLogEvent::eventId).toList())
                .isEqualTo(all.stream().map(FilteredLogEvent::eventId).toList());
    }

    @Test
    void getLogEventsBackwardAndForward() {
        String stream = logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/logger")).logStreams().get(0)
                .logStreamName();
        GetLogEventsResponse newest = logs.getLogEvents(b -> b.logGroupName("/aws/lambda/logger").logStreamName(stream)
                .limit(3));
        assertThat(newest.events()).hasSize(3);
        assertThat(newest.events().get(2).message()).startsWith("REPORT RequestId:");
        List<OutputLogEvent> forward = new ArrayList<>();
        String token = null;
        for (int i = 0; i < 100; i++) {
            String t = token;
            GetLogEventsResponse page = logs.getLogEvents(b -> b.logGroupName("/aws/lambda/logger")
                    .logStreamName(stream).startFromHead(true).limit(7).nextToken(t));
            forward.addAll(page.events());
            if (page.nextForwardToken().equals(t)) break; // the end: the same token comes back
            token = page.nextForwardToken();
        }
        assertThat(forward.get(0).message()).startsWith("START RequestId:");
        assertThat(forward.get(forward.size() - 1).message()).isEqualTo(newest.events().get(2).message());
    }
}
