package dev.lambdaconsole.simulators.sns;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's typed calls into SNS: the Query API's checks and errors, and whom a message went to. */
class SnsServiceConsoleTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:orders";
    @TempDir Path state;
    private SnsService sns;

    @BeforeEach
    void start() { sns = new SnsService(state, "us-east-1", "000000000000", null, Optional::empty); }

    @AfterEach
    void stop() { sns.close(); }

    private static String code(Throwable e) { return ((AwsServiceException) e).code(); }

    @Test
    void topicsAreCreatedAndListedWithSnsNameRules() {
        String arn = sns.createTopic("orders", Map.of());
        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:000000000000:orders");
        String fifo = sns.createTopic("orders.fifo", Map.of("FifoTopic", "true"));
        assertThat(sns.listTopics()).extracting(SnsService.TopicInfo::name).containsExactly("orders", "orders.fifo");
        assertThat(sns.listTopics().get(1).fifo()).isTrue();
        assertThat(sns.listTopics().get(0).attributes()).containsEntry("TopicArn", arn);
        assertThat(fifo).endsWith(":orders.fifo");
        assertThatThrownBy(() -> sns.createTopic("bad name", Map.of())).hasMessageContaining("Topic Name")
                .extracting(SnsServiceConsoleTest::code).isEqualTo("InvalidParameter");
        assertThatThrownBy(() -> sns.createTopic("plain", Map.of("FifoTopic", "true")))
                .hasMessageContaining("Fifo Topic names must end with .fifo");
    }

    @Test
    void subscriptionsListUnsubscribeAndPublishTellsWhoseFilterItPassed() {
        String topic = sns.createTopic("events", Map.of());
        String all = sns.subscribe(topic, "sqs", QUEUE, Map.of("RawMessageDelivery", "true"));
        String red = sns.subscribe(topic, "sqs", "arn:aws:sqs:us-east-1:000000000000:red",
                Map.of("FilterPolicy", "{\"colour\":[\"red\"]}"));
        List<SnsService.SubscriptionInfo> subs = sns.listSubscriptions(topic);
        assertThat(subs).extracting(SnsService.SubscriptionInfo::arn).containsExactly(all, red);
        assertThat(subs.get(0).rawDelivery()).isTrue();
        assertThat(subs.get(1).filterPolicy()).isEqualTo("{\"colour\":[\"red\"]}");
        assertThatThrownBy(() -> sns.subscribe(topic, "sqs", "not-an-arn", Map.of()))
                .hasMessageContaining("SQS endpoint ARN");

        SnsService.Published blue = sns.publish(new SnsService.PublishRequest(topic, "hi", "Greeting",
                List.of(new SnsService.MessageAttribute("colour", "String", "blue")), null, null, false));
        assertThat(blue.messageId()).hasSize(36);
        assertThat(blue.deliveredTo()).extracting(SnsService.SubscriptionInfo::endpoint).containsExactly(QUEUE);
        SnsService.Published redOne = sns.publish(new SnsService.PublishRequest(topic, "hi", null,
                List.of(new SnsService.MessageAttribute("colour", "String", "red")), null, null, false));
        assertThat(redOne.deliveredTo()).hasSize(2);
        assertThatThrownBy(() -> sns.publish(new SnsService.PublishRequest(topic, "", null, List.of(), null, null, false)))
                .hasMessageContaining("Empty message");
        assertThatThrownBy(() -> sns.publish(new SnsService.PublishRequest(topic, "not json", null, List.of(), null,
                null, true))).isInstanceOf(AwsServiceException.class);

        sns.unsubscribe(red);
        assertThat(sns.listSubscriptions(topic)).hasSize(1);
        assertThatThrownBy(() -> sns.unsubscribe(red)).hasMessage("Subscription does not exist");
    }

    @Test
    void aFifoTopicNeedsAGroup() {
        String topic = sns.createTopic("jobs.fifo", Map.of("FifoTopic", "true"));
        assertThatThrownBy(() -> sns.publish(new SnsService.PublishRequest(topic, "x", null, List.of(), null, "d1", false)))
                .hasMessageContaining("MessageGroupId parameter is required");
        SnsService.Published p = sns.publish(new SnsService.PublishRequest(topic, "x", null, List.of(), "g", "d1", false));
        assertThat(p.sequenceNumber()).isNotNull();
    }
}
