package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.sqs.SqsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The in-process operations the console uses: call by name, PutEvents that reports its rules, fire a schedule now. */
class EventBridgeConsoleTest {
    static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:inbox";
    @TempDir Path state;
    final RuleSchedulerTest.TestClock clock = new RuleSchedulerTest.TestClock("2026-01-01T10:00:00Z");
    /** The bodies sent to the queue target. */
    final List<String> sent = new CopyOnWriteArrayList<>();
    final SqsAccess sqs = new SqsAccess() {
        @Override
        public JsonNode call(String operation, ObjectNode request) {
            sent.add(request.get("MessageBody").asText());
            return Json.object();
        }

        @Override
        public Optional<QueueRef> queue(String queueArn) {
            return Optional.of(new QueueRef(queueArn, "inbox", "http://127.0.0.1/000000000000/inbox", false, 30));
        }
    };
    EventBridgeService service;

    EventBridgeService service() {
        service = new EventBridgeService(state, "us-east-1", "123456789012", null, () -> Optional.of(sqs), clock);
        return service;
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    void rule(String bus, String name, String field, String value) {
        ObjectNode in = Json.object().put("Name", name).put("EventBusName", bus).put(field, value);
        service.call("PutRule", in);
        service.call("PutTargets", json("{\"Rule\":\"" + name + "\",\"EventBusName\":\"" + bus
                + "\",\"Targets\":[{\"Id\":\"q\",\"Arn\":\"" + QUEUE + "\"}]}"));
    }

    @Test
    void operationsByNameAnswerAsTheApiDoes() {
        service();
        service.call("CreateEventBus", Json.object().put("Name", "orders"));
        assertThat(service.call("ListEventBuses", Json.object()).get("EventBuses").findValuesAsText("Name"))
                .containsExactly("default", "orders");
        assertThatThrownBy(() -> service.call("CreateEventBus", Json.object().put("Name", "orders")))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.code()).isEqualTo("ResourceAlreadyExistsException"))
                .hasMessage("Event bus orders already exists.");
        assertThatThrownBy(() -> service.call("Nope", Json.object())).hasMessage("Unknown operation Nope");
    }

    @Test
    void putEventsReportingGivesTheBuiltEventAndTheRulesItWentTo() {
        service();
        service.call("CreateEventBus", Json.object().put("Name", "orders"));
        rule("orders", "big", "EventPattern", "{\"detail\":{\"total\":[{\"numeric\":[\">\",100]}]}}");
        rule("orders", "small", "EventPattern", "{\"detail\":{\"total\":[{\"numeric\":[\"<\",10]}]}}");
        rule("orders", "off", "EventPattern", "{\"source\":[\"shop\"]}");
        service.call("DisableRule", Json.object().put("Name", "off").put("EventBusName", "orders"));
        JsonNode out = service.putEventsReporting(json("{\"Entries\":[{\"EventBusName\":\"orders\",\"Source\":\"shop\","
                + "\"DetailType\":\"Placed\",\"Detail\":\"{\\\"total\\\":250}\",\"Resources\":[\"r1\"]},"
                + "{\"EventBusName\":\"orders\",\"Source\":\"shop\",\"DetailType\":\"Placed\",\"Detail\":\"[1]\"}]}"));
        assertThat(out.get("FailedEntryCount").asInt()).isEqualTo(1);
        JsonNode first = out.get("Entries").get(0);
        assertThat(first.get("MatchedRules").get(0).asText()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/orders/big");
        assertThat(first.get("MatchedRules")).hasSize(1);
        JsonNode event = first.get("Event");
        assertThat(event.get("id").asText()).isEqualTo(first.get("EventId").asText());
        assertThat(event.get("time").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(event.get("account").asText()).isEqualTo("123456789012");
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        assertThat(event.get("resources").get(0).asText()).isEqualTo("r1");
        assertThat(out.get("Entries").get(1).get("ErrorCode").asText()).isEqualTo("MalformedDetail");
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        assertThat(json(sent.get(0)).get("id").asText()).isEqualTo(first.get("EventId").asText());
        // the plain PutEvents answer stays as AWS has it
        JsonNode plain = service.putEvents(json("{\"Entries\":[{\"Source\":\"s\",\"DetailType\":\"d\",\"Detail\":\"{}\"}]}"));
        assertThat(plain.get("Entries").get(0).has("MatchedRules")).isFalse();
    }

    @Test
    void fireNowDeliversTheScheduledEventAndLeavesTheNextTimeAlone() {
        service();
        rule("default", "every5", "ScheduleExpression", "rate(5 minutes)");
        String arn = "arn:aws:events:us-east-1:123456789012:rule/every5";
        assertThat(service.nextFireTimes(arn, 2)).extracting(Object::toString)
                .containsExactly("2026-01-01T10:05:00Z", "2026-01-01T10:10:00Z");
        service.call("DisableRule", Json.object().put("Name", "every5"));
        clock.set("2026-01-01T10:01:30Z");
        assertThat(service.fireNow(arn).toString()).isEqualTo("2026-01-01T10:01:30Z");
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        JsonNode event = json(sent.get(0));
        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("source").asText()).isEqualTo("aws.events");
        assertThat(event.get("time").asText()).isEqualTo("2026-01-01T10:01:30Z");
        assertThat(event.get("resources").get(0).asText()).isEqualTo(arn);
        service.call("EnableRule", Json.object().put("Name", "every5"));
        assertThat(service.fireDueSchedules()).isZero();
        assertThat(service.nextFireTimes(arn, 1)).extracting(Object::toString).containsExactly("2026-01-01T10:05:00Z");
        clock.set("2026-01-01T10:05:00Z");
        assertThat(service.fireDueSchedules()).isEqualTo(1);
    }

    @Test
    void fireNowNeedsAScheduleRule() {
        service();
        rule("default", "pattern", "EventPattern", "{\"source\":[\"x\"]}");
        assertThatThrownBy(() -> service.fireNow("arn:aws:events:us-east-1:123456789012:rule/pattern"))
                .hasMessage("Rule pattern has no ScheduleExpression: only a schedule rule can fire.");
        assertThatThrownBy(() -> service.fireNow("arn:aws:events:us-east-1:123456789012:rule/none"))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFoundException"));
    }
}
