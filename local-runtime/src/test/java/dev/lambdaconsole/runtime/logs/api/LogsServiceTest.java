package dev.lambdaconsole.runtime.logs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.gateway.protocol.AwsJsonEndpoint;
import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.logs.SqliteLogStore;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CloudWatch Logs operations on a real log store in a temporary folder. */
class LogsServiceTest {
    static final String G = LogStore.groupOf("orders");
    static final String OTHER = LogStore.groupOf("payments");
    @TempDir Path dir;
    SqliteLogStore store;
    LogsService logs;

    @BeforeEach
    void open() {
        store = new SqliteLogStore(dir.resolve("logs.db"));
        logs = new LogsService(store, "eu-west-1", "123456789012");
    }

    @AfterEach
    void close() { store.close(); }

    private static ObjectNode req(Object... kv) {
        ObjectNode n = Json.object();
        for (int i = 0; i < kv.length; i += 2) n.set((String) kv[i], Json.MAPPER.valueToTree(kv[i + 1]));
        return n;
    }

    /** Stream "a" gets events at 1000, 1010, ... with "line i"; every 10th is an ERROR, every 5th JSON. */
    private void write(String group, String stream, int n, long t0) {
        List<LogEvent> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String m = i % 5 == 0 ? "{\"level\":\"" + (i % 10 == 0 ? "ERROR" : "INFO") + "\",\"ms\":" + i + "}"
                    : (i % 10 == 3 ? "ERROR line " : "line ") + i;
            batch.add(LogEvent.of(group, stream, t0 + 10L * i, "r" + i, m));
        }
        store.append(batch);
        store.flush();
    }

    private static List<String> messages(JsonNode out) {
        List<String> m = new ArrayList<>();
        out.get("events").forEach(e -> m.add(e.get("message").asText()));
        return m;
    }

    private static void assertError(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOf(AwsServiceException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> {
                    assertThat(((AwsServiceException) e).code()).isEqualTo(code);
                    assertThat(((AwsServiceException) e).status()).isEqualTo(400);
                });
    }

    @Test
    void describeLogGroupsListsByNameWithArnsSizesAndPages() {
        write(G, "a", 3, 5_000);
        write(OTHER, "x", 2, 7_000);
        JsonNode all = logs.describeLogGroups(req());
        assertThat(all.get("logGroups")).hasSize(2);
        JsonNode first = all.get("logGroups").get(0);
        assertThat(first.get("logGroupName").asText()).isEqualTo(G);
        assertThat(first.get("creationTime").asLong()).isEqualTo(5_000);
        assertThat(first.get("arn").asText()).isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:" + G + ":*");
        assertThat(first.get("logGroupArn").asText()).isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:" + G);
        long bytes = 0;
        for (String m : List.of("{\"level\":\"ERROR\",\"ms\":0}", "line 1", "line 2")) bytes += m.getBytes(StandardCharsets.UTF_8).length;
        assertThat(first.get("storedBytes").asLong()).isEqualTo(bytes);
        assertThat(all.has("nextToken")).isFalse();

        JsonNode page1 = logs.describeLogGroups(req("limit", 1));
        assertThat(page1.get("logGroups")).hasSize(1);
        JsonNode page2 = logs.describeLogGroups(req("limit", 1, "nextToken", page1.get("nextToken").asText()));
        assertThat(page2.get("logGroups").get(0).get("logGroupName").asText()).isEqualTo(OTHER);
        assertThat(page2.has("nextToken")).isFalse();

        assertThat(logs.describeLogGroups(req("logGroupNamePrefix", "/aws/lambda/pay")).get("logGroups")).hasSize(1);
        assertError(() -> logs.describeLogGroups(req("limit", 51)), "InvalidParameterException",
                "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50");
    }

    @Test
    void describeLogStreamsOrdersByNameOrLastEventTime() {
        write(G, "b-old", 2, 1_000);
        write(G, "a-new", 2, 9_000);
        write(G, "c-mid", 2, 5_000);
        assertThat(streamNames(logs.describeLogStreams(req("logGroupName", G)))).containsExactly("a-new", "b-old", "c-mid");
        assertThat(streamNames(logs.describeLogStreams(req("logGroupName", G, "orderBy", "LastEventTime", "descending", true))))
                .containsExactly("a-new", "c-mid", "b-old");
        JsonNode s = logs.describeLogStreams(req("logGroupName", G, "logStreamNamePrefix", "c")).get("logStreams").get(0);
        assertThat(s.get("logStreamName").asText()).isEqualTo("c-mid");
        assertThat(s.get("firstEventTimestamp").asLong()).isEqualTo(5_000);
        assertThat(s.get("lastEventTimestamp").asLong()).isEqualTo(5_010);
        assertThat(s.get("arn").asText()).endsWith(":log-group:" + G + ":log-stream:c-mid");

        JsonNode p1 = logs.describeLogStreams(req("logGroupName", G, "limit", 2));
        assertThat(streamNames(p1)).containsExactly("a-new", "b-old");
        assertThat(streamNames(logs.describeLogStreams(req("logGroupName", G, "limit", 2,
                "nextToken", p1.get("nextToken").asText())))).containsExactly("c-mid");

        assertError(() -> logs.describeLogStreams(req("logGroupName", G, "orderBy", "LastEventTime", "logStreamNamePrefix", "a")),
                "InvalidParameterException", "Cannot order by LastEventTime with a logStreamNamePrefix");
        assertError(() -> logs.describeLogStreams(req("logGroupName", "/aws/lambda/nope")),
                "ResourceNotFoundException", "The specified log group does not exist.");
        assertError(() -> logs.describeLogStreams(req()), "InvalidParameterException",
                "1 validation error detected: Value null at 'logGroupName'");
    }

    private static List<String> streamNames(JsonNode out) {
        List<String> names = new ArrayList<>();
        out.get("logStreams").forEach(s -> names.add(s.get("logStreamName").asText()));
        return names;
    }

    @Test
    void getLogEventsPagesBothWaysAndHandsBackTheTokenAtTheEnd() {
        write(G, "a", 10, 1_000); // 1000..1090
        write(G, "other", 3, 1_000);
        JsonNode newest = logs.getLogEvents(req("logGroupName", G, "logStreamName", "a", "limit", 4));
        assertThat(messages(newest)).containsExactly("line 6", "line 7", "line 8", "line 9");
        JsonNode older = logs.getLogEvents(req("logGroupName", G, "logStreamName", "a", "limit", 4,
                "nextToken", newest.get("nextBackwardToken").asText()));
        assertThat(messages(older)).containsExactly("line 2", "ERROR line 3", "line 4", "{\"level\":\"INFO\",\"ms\":5}");
        JsonNode oldest = logs.getLogEvents(req("logGroupName", G, "logStreamName", "a", "limit", 4,
                "nextToken", older.get("nextBackwardToken").asText()));
        assertThat(messages(oldest)).containsExactly("{\"level\":\"ERROR\",\"ms\":0}", "line 1");
        String bwd = oldest.get("nextBackwardToken").asText();
        JsonNode beyond = logs.getLogEvents(req("logGroupName", G, "logStreamName", "a", "nextToken", bwd));
        assertThat(beyond.get("events")).isEmpty();
        assertThat(beyond.get("nextBackwardToken").asText()).isEqualTo(bwd);

        JsonNode head = logs.getLogEvents(req("logGroupName", G, "logStreamName", "a", "limit", 3, "startFromHead", true));
        assertThat(messages(head)).containsExactly("{\"level\":\"ERROR\",\"ms\":0}", "line 1", "line 2");
        assertThat(head.get("nextForwardToken").asText()).startsWith("f/");
        assertThat(head.get("nextBackwardToken").asText()).startsWith("b/");
        String fwd = newest.get("nextForwardToken").asText();
        JsonNode end = logs.getLogEvents(req("logGroupName", G, "logStreamName", "a", "nextToken", fwd, "startFromHead", true));
        assertThat(end.get("events")).isEmpty();
        assertThat(end.get("nextForwardToken").asText()).isEqualTo(fwd);
        assertThat(end.get("nextBackwardToken").isNull()).isFalse();

        write(G, "a", 1, 2_000); // "{...ms:0}" again, after the end: the forward token finds it
        JsonNode more = logs.getLogEvents(req("logGroupName", G, "logStreamName", "a", "nextToken", fwd, "startFromHead", true));
        assertThat(more.get("events")).hasSize(1);
        assertThat(more.get("events").get(0).get("timestamp").asLong()).isEqualTo(2_000);

        JsonNode range = logs.getLogEvents(req("logGroupName", G, "logStreamName", "a", "startTime", 1_020, "endTime", 1_050,
                "startFromHead", true));
        assertThat(messages(range)).containsExactly("line 2", "ERROR line 3", "line 4"); // 1020 in, 1050 out

        assertError(() -> logs.getLogEvents(req("logGroupName", G, "logStreamName", "zzz")), "ResourceNotFoundException",
                "The specified log stream does not exist.");
        assertError(() -> logs.getLogEvents(req("logGroupName", G, "logStreamName", "a", "nextToken", "garbage")),
                "InvalidParameterException", "The specified nextToken is invalid.");
        assertError(() -> logs.getLogEvents(req("logGroupName", G, "logStreamName", "a", "limit", 10_001)),
                "InvalidParameterException", "1 validation error detected: Value '10001' at 'limit'");
    }

    @Test
    void filterLogEventsMatchesPatternsAcrossStreamsInOrder() {
        write(G, "a", 20, 1_000);
        write(G, "b", 20, 1_005);
        JsonNode errors = logs.filterLogEvents(req("logGroupName", G, "filterPattern", "ERROR"));
        assertThat(errors.has("nextToken")).isFalse();
        assertThat(errors.get("events")).hasSize(8); // 0, 3, 10, 13 in each stream
        assertThat(errors.get("searchedLogStreams").isArray()).isTrue();
        JsonNode e0 = errors.get("events").get(0);
        assertThat(e0.get("logStreamName").asText()).isEqualTo("a");
        assertThat(e0.get("timestamp").asLong()).isEqualTo(1_000);
        assertThat(e0.get("ingestionTime").asLong()).isPositive();
        assertThat(e0.get("eventId").asText()).isNotEmpty();

        JsonNode json = logs.filterLogEvents(req("logGroupName", G, "filterPattern", "{ $.level = \"ERROR\" && $.ms > 5 }",
                "logStreamNames", List.of("b")));
        assertThat(messages(json)).containsExactly("{\"level\":\"ERROR\",\"ms\":10}");
        assertThat(json.get("events").get(0).get("logStreamName").asText()).isEqualTo("b");

        JsonNode twoStreams = logs.filterLogEvents(req("logGroupName", G, "filterPattern", "\"ERROR line\" -13",
                "logStreamNames", List.of("a", "b"), "startTime", 1_030, "endTime", 1_035));
        assertThat(messages(twoStreams)).containsExactly("ERROR line 3", "ERROR line 3"); // 1030 (a), 1035 (b): both ends in
        JsonNode prefixed = logs.filterLogEvents(req("logGroupName", G, "logStreamNamePrefix", "a", "filterPattern", "[w, n = 1*]"));
        assertThat(messages(prefixed)).containsExactly("line 1", "line 11", "line 12", "line 14", "line 16", "line 17",
                "line 18", "line 19");

        assertError(() -> logs.filterLogEvents(req("logGroupName", G, "logStreamNames", List.of("a"), "logStreamNamePrefix", "a")),
                "InvalidParameterException", "You cannot specify both logStreamNames and logStreamNamePrefix.");
        assertError(() -> logs.filterLogEvents(req("logGroupName", G, "filterPattern", "{ $.ms > }")),
                "InvalidParameterException", "Invalid filter pattern: Expected a value after > at column 10");
        assertError(() -> logs.filterLogEvents(req("logGroupName", "/aws/lambda/none")), "ResourceNotFoundException",
                "The specified log group does not exist.");
    }

    @Test
    void filterLogEventsPagesWithStableEventIdsAndNoTokenOnTheLastPage() {
        write(G, "a", 25, 1_000);
        List<String> ids = new ArrayList<>();
        List<String> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode out = logs.filterLogEvents(token == null ? req("logGroupName", G, "limit", 10, "interleaved", true)
                    : req("logGroupName", G, "limit", 10, "interleaved", true, "nextToken", token));
            out.get("events").forEach(e -> ids.add(e.get("eventId").asText()));
            all.addAll(messages(out));
            token = out.has("nextToken") ? out.get("nextToken").asText() : null;
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(25).startsWith("{\"level\":\"ERROR\",\"ms\":0}", "line 1").endsWith("line 24");
        assertThat(new HashSet<>(ids)).hasSize(25);
        JsonNode again = logs.filterLogEvents(req("logGroupName", G, "startTime", 1_100));
        Set<String> later = new HashSet<>();
        again.get("events").forEach(e -> later.add(e.get("eventId").asText()));
        assertThat(later).hasSize(15).isSubsetOf(ids); // the same events carry the same ids, as `aws logs tail` relies on
    }

    @Test
    void aSearchBeyondItsBudgetReturnsAPartialPageWithATokenToGoOn() {
        LogsService small = new LogsService(store, "eu-west-1", "123456789012", 30);
        write(G, "a", 100, 1_000);
        List<String> found = new ArrayList<>();
        String token = null;
        int calls = 0;
        int emptyWithToken = 0;
        do {
            JsonNode out = small.filterLogEvents(token == null ? req("logGroupName", G, "filterPattern", "%line 9[0-9]%")
                    : req("logGroupName", G, "filterPattern", "%line 9[0-9]%", "nextToken", token));
            found.addAll(messages(out));
            token = out.has("nextToken") ? out.get("nextToken").asText() : null;
            if (out.get("events").isEmpty() && token != null) emptyWithToken++;
            calls++;
        } while (token != null && calls < 20);
        assertThat(emptyWithToken).isPositive();
        assertThat(found).containsExactly("line 91", "line 92", "ERROR line 93", "line 94", "line 96", "line 97", "line 98", "line 99");
    }

    @Test
    void theEndpointAnswersTheFourOperationsAndErrorsInTheJsonShape() throws Exception {
        write(G, "a", 2, 1_000);
        AwsJsonEndpoint endpoint = logs.endpoint();
        assertThat(endpoint.operations()).containsExactlyInAnyOrder("DescribeLogGroups", "DescribeLogStreams",
                "GetLogEvents", "FilterLogEvents");
        assertThat(endpoint.targetPrefixes()).containsExactly("Logs_20140328");
        ServiceResponse ok = endpoint.handle(request("FilterLogEvents", "{\"logGroupName\":\"" + G + "\"}"))
                .toCompletableFuture().get();
        assertThat(ok.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(Json.MAPPER.readTree(ok.body()).get("events")).hasSize(2);
        ServiceRequest bad = request("FilterLogEvents", "{\"logGroupName\":\"" + G + "\",\"filterPattern\":\"{ $.a = }\"}");
        Throwable failure = null;
        try {
            endpoint.handle(bad);
        } catch (AwsServiceException e) {
            failure = e;
        }
        ServiceResponse error = endpoint.error(bad, failure);
        assertThat(error.status()).isEqualTo(400);
        JsonNode body = Json.MAPPER.readTree(error.body());
        assertThat(body.get("__type").asText()).isEqualTo("InvalidParameterException");
        assertThat(body.get("message").asText()).startsWith("Invalid filter pattern");
    }

    private static ServiceRequest request(String op, String body) {
        return new ServiceRequest("POST", "/", null, Map.of("X-Amz-Target", List.of("Logs_20140328." + op),
                "Content-Type", List.of("application/x-amz-json-1.1")), body.getBytes(StandardCharsets.UTF_8), "req-1");
    }

    @Test
    void storedBytesGrowWithNewEventsAndADeletedGroupIsGone() {
        write(G, "a", 2, 1_000);
        long before = logs.describeLogGroups(req()).get("logGroups").get(0).get("storedBytes").asLong();
        store.append(List.of(LogEvent.of(G, "a", 2_000, null, "héllo"))); // 6 bytes in UTF-8
        store.flush();
        assertThat(logs.describeLogGroups(req()).get("logGroups").get(0).get("storedBytes").asLong()).isEqualTo(before + 6);

        store.deleteGroup("orders");
        store.flush();
        assertThat(logs.describeLogGroups(req()).get("logGroups")).isEmpty();
        assertError(() -> logs.filterLogEvents(req("logGroupName", G)), "ResourceNotFoundException",
                "The specified log group does not exist.");
        write(G, "b", 1, 3_000); // the group again, with new ids: its size starts afresh
        assertThat(logs.describeLogGroups(req()).get("logGroups").get(0).get("storedBytes").asLong())
                .isEqualTo("{\"level\":\"ERROR\",\"ms\":0}".length());
    }

    @Test
    void followingLikeAwsLogsTailShowsEachEventOnce() {
        write(G, "a", 5, 1_000);
        Set<String> shown = new HashSet<>();
        List<String> printed = new ArrayList<>();
        long since = 1_000;
        for (int poll = 0; poll < 3; poll++) {
            String token = null;
            long newest = since;
            do { // as the CLI's tail --follow: follow nextToken at once, then start again from the newest time seen
                JsonNode out = logs.filterLogEvents(token == null ? req("logGroupName", G, "interleaved", true, "startTime", since)
                        : req("logGroupName", G, "interleaved", true, "startTime", since, "nextToken", token));
                for (JsonNode e : out.get("events")) {
                    if (shown.add(e.get("eventId").asText())) printed.add(e.get("message").asText());
                    newest = Math.max(newest, e.get("timestamp").asLong());
                }
                token = out.has("nextToken") ? out.get("nextToken").asText() : null;
            } while (token != null);
            since = newest;
            if (poll == 0) write(G, "b", 2, 1_040); // arrives between polls, one at the newest time seen
        }
        assertThat(printed).containsExactly("{\"level\":\"ERROR\",\"ms\":0}", "line 1", "line 2", "ERROR line 3", "line 4",
                "{\"level\":\"ERROR\",\"ms\":0}", "line 1");
    }

    @Test
    void aGroupMayBeNamedByIdentifierOrArn() {
        write(G, "a", 3, 1_000);
        String arn = "arn:aws:logs:eu-west-1:123456789012:log-group:" + G + ":*";
        assertThat(logs.filterLogEvents(req("logGroupIdentifier", arn)).get("events")).hasSize(3);
        assertThat(logs.filterLogEvents(req("logGroupIdentifier", G)).get("events")).hasSize(3);
        assertThat(streamNames(logs.describeLogStreams(req("logGroupIdentifier", arn.substring(0, arn.length() - 2)))))
                .containsExactly("a");
        assertError(() -> logs.filterLogEvents(req("logGroupName", G, "logGroupIdentifier", G)), "InvalidParameterException",
                "LogGroup name and LogGroup ARN are mutually exclusive parameters.");
    }
}
