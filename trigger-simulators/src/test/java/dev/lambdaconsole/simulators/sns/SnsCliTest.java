package dev.lambdaconsole.simulators.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.RecordingFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SNS through a real `serve`, driven by the AWS CLI v1 and v2 (both speak SNS's Query protocol): a filter policy
 * passes one message to a function and drops another, the record the function gets, queues with and without raw
 * delivery, PublishBatch's results, FIFO topics, the topic and subscription operations and SNS's errors.
 */
class SnsCliTest {
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
        serve.url();
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    static AwsCli cli(int major) throws Exception {
        return AwsCli.version(major, files).endpoint(serve.url());
    }

    static String queue(AwsCli cli, String name) throws Exception {
        return cli.call("sqs", "create-queue", "--queue-name", name).get("QueueUrl").asText();
    }

    static String queueArn(AwsCli cli, String url) throws Exception {
        return cli.call("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn")
                .at("/Attributes/QueueArn").asText();
    }

    static List<JsonNode> receive(AwsCli cli, String url) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        JsonNode r = cli.call("sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                "--wait-time-seconds", "2", "--message-attribute-names", "All");
        r.path("Messages").forEach(out::add);
        return out;
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void aFilterPolicyPassesOneMessageToTheFunctionAndDropsTheOther(int major) throws Exception {
        AwsCli cli = cli(major);
        Path out = files.resolve("orders" + major + ".jsonl");
        String fn = RecordingFunction.create(cli, "orders" + major, out);
        String topic = cli.call("sns", "create-topic", "--name", "orders" + major).get("TopicArn").asText();
        assertThat(topic).matches("arn:aws:sns:us-east-1:\\d{12}:orders" + major);
        String subscription = cli.call("sns", "subscribe", "--topic-arn", topic, "--protocol", "lambda",
                "--notification-endpoint", fn, "--attributes", "{\"FilterPolicy\":\"{\\\"kind\\\":[\\\"keep\\\"]}\"}",
                "--return-subscription-arn").get("SubscriptionArn").asText();
        assertThat(subscription).startsWith(topic + ":");

        cli.call("sns", "publish", "--topic-arn", topic, "--message", "dropped", "--message-attributes",
                "{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"drop\"}}");
        String kept = cli.call("sns", "publish", "--topic-arn", topic, "--message", "{\"order\":7}", "--subject",
                "New order", "--message-attributes", "{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"keep\"},"
                        + "\"count\":{\"DataType\":\"Number\",\"StringValue\":\"3\"}}").get("MessageId").asText();
        String noSubject = cli.call("sns", "publish", "--topic-arn", topic, "--message", "second", "--message-attributes",
                "{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"keep\"}}").get("MessageId").asText();

        RecordingFunction.await(out, 2, Duration.ofSeconds(30), workspace, serve.output);
        Thread.sleep(500);
        List<JsonNode> events = RecordingFunction.events(out);
        assertThat(events).hasSize(2);
        JsonNode first = events.stream().filter(e -> e.at("/Records/0/Sns/MessageId").asText().equals(kept))
                .findFirst().orElseThrow();
        assertThat(first.get("Records")).hasSize(1);
        JsonNode r = first.at("/Records/0");
        assertThat(r.get("EventSource").asText()).isEqualTo("aws:sns");
        assertThat(r.get("EventVersion").asText()).isEqualTo("1.0");
        assertThat(r.get("EventSubscriptionArn").asText()).isEqualTo(subscription);
        JsonNode sns = r.get("Sns");
        assertThat(sns.get("Type").asText()).isEqualTo("Notification");
        assertThat(sns.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(sns.get("Subject").asText()).isEqualTo("New order");
        assertThat(sns.get("Message").asText()).isEqualTo("{\"order\":7}");
        assertThat(sns.get("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(sns.get("SignatureVersion").asText()).isEqualTo("1");
        assertThat(sns.get("Signature").asText()).isNotEmpty();
        assertThat(sns.get("SigningCertUrl").asText()).matches("https://sns\\.us-east-1\\.amazonaws\\.com/SimpleNotificationService-[0-9a-f]{32}\\.pem");
        assertThat(sns.get("UnsubscribeUrl").asText()).isEqualTo(
                "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + subscription);
        assertThat(sns.get("MessageAttributes")).isEqualTo(Json.MAPPER.readTree(
                "{\"kind\":{\"Type\":\"String\",\"Value\":\"keep\"},\"count\":{\"Type\":\"Number\",\"Value\":\"3\"}}"));
        JsonNode second = events.stream().filter(e -> e.at("/Records/0/Sns/MessageId").asText().equals(noSubject))
                .findFirst().orElseThrow().at("/Records/0/Sns");
        assertThat(second.has("Subject")).isTrue();
        assertThat(second.get("Subject").isNull()).isTrue();
        assertThat(events).noneMatch(e -> e.at("/Records/0/Sns/Message").asText().equals("dropped"));

        JsonNode attributes = cli.call("sns", "get-subscription-attributes", "--subscription-arn", subscription)
                .get("Attributes");
        assertThat(attributes.get("FilterPolicy").asText()).isEqualTo("{\"kind\":[\"keep\"]}");
        assertThat(attributes.get("FilterPolicyScope").asText()).isEqualTo("MessageAttributes");
        assertThat(attributes.get("Protocol").asText()).isEqualTo("lambda");
        assertThat(attributes.get("Endpoint").asText()).isEqualTo(fn);
        assertThat(attributes.get("PendingConfirmation").asText()).isEqualTo("false");
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void queuesGetTheEnvelopeOrWithRawDeliveryTheMessageAndBodyFilters(int major) throws Exception {
        AwsCli cli = cli(major);
        String topic = cli.call("sns", "create-topic", "--name", "fanout" + major).get("TopicArn").asText();
        String wrapped = queue(cli, "wrapped" + major);
        String raw = queue(cli, "raw" + major);
        String filtered = queue(cli, "filtered" + major);
        String wrappedSub = cli.call("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs",
                "--notification-endpoint", queueArn(cli, wrapped)).get("SubscriptionArn").asText();
        cli.call("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint",
                queueArn(cli, raw), "--attributes", "{\"RawMessageDelivery\":\"true\"}");
        String filteredSub = cli.call("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs",
                "--notification-endpoint", queueArn(cli, filtered)).get("SubscriptionArn").asText();
        cli.call("sns", "set-subscription-attributes", "--subscription-arn", filteredSub, "--attribute-name",
                "FilterPolicyScope", "--attribute-value", "MessageBody");
        cli.call("sns", "set-subscription-attributes", "--subscription-arn", filteredSub, "--attribute-name",
                "FilterPolicy", "--attribute-value", "{\"price\":[{\"numeric\":[\">=\",100]}]}");

        String cheap = cli.call("sns", "publish", "--topic-arn", topic, "--message", "{\"price\":5}", "--subject",
                "Cheap", "--message-attributes", "{\"colour\":{\"DataType\":\"String\",\"StringValue\":\"red\"}}")
                .get("MessageId").asText();
        cli.call("sns", "publish", "--topic-arn", topic, "--message", "{\"price\":250}");

        List<JsonNode> envelopes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            envelopes.addAll(receive(cli, wrapped));
            assertThat(envelopes).hasSize(2);
        });
        JsonNode envelope = envelopes.stream().map(m -> read(m.get("Body").asText()))
                .filter(e -> e.get("MessageId").asText().equals(cheap)).findFirst().orElseThrow();
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(envelope.get("Subject").asText()).isEqualTo("Cheap");
        assertThat(envelope.get("Message").asText()).isEqualTo("{\"price\":5}");
        assertThat(envelope.get("SignatureVersion").asText()).isEqualTo("1");
        assertThat(envelope.get("SigningCertURL").asText()).startsWith("https://sns.us-east-1.amazonaws.com/");
        assertThat(envelope.get("UnsubscribeURL").asText()).endsWith("SubscriptionArn=" + wrappedSub);
        assertThat(envelope.get("MessageAttributes")).isEqualTo(read("{\"colour\":{\"Type\":\"String\",\"Value\":\"red\"}}"));

        List<JsonNode> raws = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            raws.addAll(receive(cli, raw));
            assertThat(raws).hasSize(2);
        });
        JsonNode red = raws.stream().filter(m -> m.get("Body").asText().equals("{\"price\":5}")).findFirst().orElseThrow();
        assertThat(red.at("/MessageAttributes/colour/StringValue").asText()).isEqualTo("red");
        assertThat(red.at("/MessageAttributes/colour/DataType").asText()).isEqualTo("String");

        List<JsonNode> bodies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            bodies.addAll(receive(cli, filtered));
            assertThat(bodies).hasSize(1);
        });
        assertThat(read(bodies.get(0).get("Body").asText()).get("Message").asText()).isEqualTo("{\"price\":250}");
        assertThat(receive(cli, filtered)).isEmpty();
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void publishBatchAndFifoTopics(int major) throws Exception {
        AwsCli cli = cli(major);
        String topic = cli.call("sns", "create-topic", "--name", "steps" + major + ".fifo", "--attributes",
                "{\"FifoTopic\":\"true\"}").get("TopicArn").asText();
        assertThat(cli.call("sns", "create-topic", "--name", "steps" + major + ".fifo", "--attributes",
                "{\"FifoTopic\":\"true\"}").get("TopicArn").asText()).isEqualTo(topic);
        String url = cli.call("sqs", "create-queue", "--queue-name", "steps" + major + ".fifo", "--attributes",
                "{\"FifoQueue\":\"true\"}").get("QueueUrl").asText();
        cli.call("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint",
                queueArn(cli, url), "--attributes", "{\"RawMessageDelivery\":\"true\"}");
        JsonNode result = cli.call("sns", "publish-batch", "--topic-arn", topic, "--publish-batch-request-entries",
                "[{\"Id\":\"one\",\"Message\":\"step 1\",\"MessageGroupId\":\"g\",\"MessageDeduplicationId\":\"d1\"},"
                        + "{\"Id\":\"two\",\"Message\":\"step 2\",\"MessageDeduplicationId\":\"d2\"},"
                        + "{\"Id\":\"three\",\"Message\":\"step 3\",\"MessageGroupId\":\"g\",\"MessageDeduplicationId\":\"d3\"}]");
        assertThat(result.get("Successful")).extracting(n -> n.get("Id").asText()).containsExactly("one", "three");
        assertThat(result.at("/Successful/0/SequenceNumber").asText()).matches("\\d{20}");
        assertThat(result.at("/Successful/0/MessageId").asText()).isNotEmpty();
        assertThat(result.get("Failed")).hasSize(1);
        JsonNode failed = result.at("/Failed/0");
        assertThat(failed.get("Id").asText()).isEqualTo("two");
        assertThat(failed.get("Code").asText()).isEqualTo("InvalidParameter");
        assertThat(failed.get("Message").asText())
                .isEqualTo("Invalid parameter: The MessageGroupId parameter is required for FIFO topics");
        assertThat(failed.get("SenderFault").asBoolean()).isTrue();
        // the same deduplication id again: the same message, not delivered twice
        JsonNode again = cli.call("sns", "publish", "--topic-arn", topic, "--message", "step 1", "--message-group-id", "g",
                "--message-deduplication-id", "d1");
        assertThat(again.get("MessageId").asText()).isEqualTo(result.at("/Successful/0/MessageId").asText());

        List<String> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (JsonNode m : receive(cli, url)) {
                got.add(m.get("Body").asText());
                cli.call("sqs", "delete-message", "--queue-url", url, "--receipt-handle", m.get("ReceiptHandle").asText());
            }
            assertThat(got).containsExactly("step 1", "step 3");
        });
        JsonNode attributes = cli.call("sns", "get-topic-attributes", "--topic-arn", topic).get("Attributes");
        assertThat(attributes.get("FifoTopic").asText()).isEqualTo("true");
        assertThat(attributes.get("ContentBasedDeduplication").asText()).isEqualTo("false");
        assertThat(attributes.get("SubscriptionsConfirmed").asText()).isEqualTo("1");
        assertThat(attributes.get("TopicArn").asText()).isEqualTo(topic);

        String tooMany = cli.fails("sns", "publish-batch", "--topic-arn", topic, "--publish-batch-request-entries",
                entries(11));
        assertThat(tooMany).contains("(TooManyEntriesInBatchRequest)")
                .contains("The batch request contains more entries than permissible.");
    }

    static String entries(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append("{\"Id\":\"e").append(i)
                .append("\",\"Message\":\"m\",\"MessageGroupId\":\"g\"}");
        return b.append("]").toString();
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void topicsAndSubscriptionsAndTheirErrors(int major) throws Exception {
        AwsCli cli = cli(major);
        String topic = cli.call("sns", "create-topic", "--name", "admin" + major, "--attributes",
                "{\"DisplayName\":\"Admin\"}", "--tags", "Key=team,Value=ops").get("TopicArn").asText();
        assertThat(cli.call("sns", "list-topics").get("Topics")).extracting(t -> t.get("TopicArn").asText()).contains(topic);
        cli.call("sns", "set-topic-attributes", "--topic-arn", topic, "--attribute-name", "DisplayName",
                "--attribute-value", "Operations");
        assertThat(cli.call("sns", "get-topic-attributes", "--topic-arn", topic).at("/Attributes/DisplayName").asText())
                .isEqualTo("Operations");
        assertThat(cli.call("sns", "list-tags-for-resource", "--resource-arn", topic).get("Tags"))
                .isEqualTo(read("[{\"Key\":\"team\",\"Value\":\"ops\"}]"));
        String url = queue(cli, "admin" + major);
        String sub = cli.call("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint",
                queueArn(cli, url)).get("SubscriptionArn").asText();
        JsonNode byTopic = cli.call("sns", "list-subscriptions-by-topic", "--topic-arn", topic).get("Subscriptions");
        assertThat(byTopic).hasSize(1);
        assertThat(byTopic.get(0).get("SubscriptionArn").asText()).isEqualTo(sub);
        assertThat(byTopic.get(0).get("Protocol").asText()).isEqualTo("sqs");
        assertThat(cli.call("sns", "list-subscriptions").get("Subscriptions"))
                .extracting(s -> s.get("SubscriptionArn").asText()).contains(sub);

        assertThat(cli.fails("sns", "get-topic-attributes", "--topic-arn", topic + "-missing"))
                .contains("An error occurred (NotFound) when calling the GetTopicAttributes operation: Topic does not exist");
        assertThat(cli.fails("sns", "publish", "--topic-arn", "not-an-arn", "--message", "x"))
                .contains("An error occurred (InvalidParameter) when calling the Publish operation: Invalid parameter: TopicArn");
        assertThat(cli.fails("sns", "create-topic", "--name", "bad name"))
                .contains("(InvalidParameter)").contains("Invalid parameter: Topic Name");
        assertThat(cli.fails("sns", "create-topic", "--name", "admin" + major, "--attributes", "{\"DisplayName\":\"Other\"}"))
                .contains("Invalid parameter: Attributes Reason: Topic already exists with different attributes");
        assertThat(cli.fails("sns", "subscribe", "--topic-arn", topic, "--protocol", "lambda", "--notification-endpoint",
                "arn:aws:sqs:us-east-1:000000000000:q")).contains("Invalid parameter: Lambda endpoint ARN");
        assertThat(cli.fails("sns", "set-subscription-attributes", "--subscription-arn", sub, "--attribute-name",
                "FilterPolicy", "--attribute-value", "{\"a\":[{\"wildcard\":\"x*\"}]}")).contains("(InvalidParameter)")
                .contains("Invalid parameter: FilterPolicy:");
        assertThat(cli.fails("sns", "publish", "--topic-arn", topic, "--message", "x", "--message-attributes",
                "{\"n\":{\"DataType\":\"Number\",\"StringValue\":\"abc\"}}"))
                .contains("(ParameterValueInvalid)").contains("Could not cast message attribute 'n' value to number.");
        assertThat(cli.fails("sns", "publish", "--topic-arn", topic, "--message-structure", "json", "--message", "{\"sqs\":\"x\"}"))
                .contains("Invalid parameter: Message Structure - No default entry in JSON message body");

        cli.call("sns", "unsubscribe", "--subscription-arn", sub);
        assertThat(cli.fails("sns", "get-subscription-attributes", "--subscription-arn", sub))
                .contains("(NotFound)").contains("Subscription does not exist");
        cli.call("sns", "delete-topic", "--topic-arn", topic);
        cli.call("sns", "delete-topic", "--topic-arn", topic);
        assertThat(cli.call("sns", "list-topics").get("Topics")).extracting(t -> t.get("TopicArn").asText())
                .doesNotContain(topic);
    }

    static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
