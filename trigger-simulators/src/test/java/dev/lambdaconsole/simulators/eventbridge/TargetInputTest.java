package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.util.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Input, InputPath and InputTransformer on the example event of AWS's input transformation guide. */
class TargetInputTest {
    static final String EVENT = "{\"version\":\"0\",\"id\":\"7bf73129-1428-4cd3-a780-95db273d1602\","
            + "\"detail-type\":\"EC2 Instance State-change Notification\",\"source\":\"aws.ec2\","
            + "\"account\":\"123456789012\",\"time\":\"2015-11-11T21:29:54Z\",\"region\":\"us-east-1\","
            + "\"resources\":[\"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111\"],"
            + "\"detail\":{\"instance-id\":\"i-0123456789\",\"state\":\"RUNNING\",\"count\":3,\"tags\":{\"a\":\"b\"}}}";
    static final String RULE = "arn:aws:events:us-east-1:123456789012:rule/ec2";
    static final Instant INGESTED = Instant.parse("2015-11-11T21:29:55Z");

    static String apply(String target) throws Exception {
        return TargetInput.of(Json.MAPPER.readTree(target), (ObjectNode) Json.MAPPER.readTree(EVENT), RULE, "ec2", INGESTED);
    }

    static String transformer(String paths, String template) {
        ObjectNode t = Json.object().put("Id", "t1").put("Arn", "arn:aws:lambda:us-east-1:123456789012:function:f");
        ObjectNode it = t.putObject("InputTransformer");
        try {
            it.set("InputPathsMap", Json.MAPPER.readTree(paths));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        it.put("InputTemplate", template);
        return Json.write(t);
    }

    @Test
    void theWholeEventAConstantOrAPart() throws Exception {
        assertThat(Json.MAPPER.readTree(apply("{\"Id\":\"t\",\"Arn\":\"a\"}"))).isEqualTo(Json.MAPPER.readTree(EVENT));
        assertThat(apply("{\"Id\":\"t\",\"Arn\":\"a\",\"Input\":\"{\\\"fixed\\\":true}\"}")).isEqualTo("{\"fixed\":true}");
        assertThat(apply("{\"Id\":\"t\",\"Arn\":\"a\",\"InputPath\":\"$.detail\"}"))
                .isEqualTo("{\"instance-id\":\"i-0123456789\",\"state\":\"RUNNING\",\"count\":3,\"tags\":{\"a\":\"b\"}}");
        assertThat(apply("{\"Id\":\"t\",\"Arn\":\"a\",\"InputPath\":\"$.detail.state\"}")).isEqualTo("\"RUNNING\"");
        assertThat(apply("{\"Id\":\"t\",\"Arn\":\"a\",\"InputPath\":\"$.resources[0]\"}"))
                .isEqualTo("\"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111\"");
    }

    @Test
    void jsonTemplatesQuoteStringsOutsideQuotes() throws Exception {
        // AWS's example: strings outside quotes are quoted, numbers and objects inserted as JSON
        String out = apply(transformer("{\"timestamp\":\"$.time\",\"instance\":\"$.detail.instance-id\","
                + "\"state\":\"$.detail.state\",\"count\":\"$.detail.count\",\"tags\":\"$.detail.tags\"}",
                "{\"timestamp\" : <timestamp>, \"instance\": <instance>, \"state\": [9, <state>, true], "
                        + "\"count\": <count>, \"tags\": <tags>, \"Transformed\" : \"Yes\"}"));
        assertThat(out).isEqualTo("{\"timestamp\" : \"2015-11-11T21:29:54Z\", \"instance\": \"i-0123456789\", "
                + "\"state\": [9, \"RUNNING\", true], \"count\": 3, \"tags\": {\"a\":\"b\"}, \"Transformed\" : \"Yes\"}");
        assertThat(Json.MAPPER.readTree(out).get("count").isNumber()).isTrue();
    }

    @Test
    void variablesInsideQuotesInsertTheirText() throws Exception {
        // AWS's example: "instance <instance> is in <state>"
        assertThat(apply(transformer("{\"instance\":\"$.detail.instance-id\",\"state\":\"$.detail.state\"}",
                "\"instance <instance> is in <state>\""))).isEqualTo("\"instance i-0123456789 is in RUNNING\"");
        assertThat(apply(transformer("{\"state\":\"$.detail.state\",\"tags\":\"$.detail.tags\"}",
                "{\"message\": \"state <state>, tags <tags>\"}")))
                .isEqualTo("{\"message\": \"state RUNNING, tags {\\\"a\\\":\\\"b\\\"}\"}");
        JsonNode parsed = Json.MAPPER.readTree(apply(transformer("{\"tags\":\"$.detail.tags\"}", "{\"m\": \"<tags>\"}")));
        assertThat(parsed.get("m").asText()).isEqualTo("{\"a\":\"b\"}");
    }

    @Test
    void plainTextTemplatesAndMissingPathsAndReservedVariables() throws Exception {
        assertThat(apply(transformer("{\"state\":\"$.detail.state\"}", "The instance is <state>")))
                .isEqualTo("The instance is RUNNING");
        assertThat(apply(transformer("{\"gone\":\"$.detail.nothing\"}", "{\"gone\": <gone>, \"text\": \"<gone>\"}")))
                .isEqualTo("{\"gone\": null, \"text\": \"\"}");
        String out = apply(transformer("{}", "{\"rule\": <aws.events.rule-name>, \"arn\": \"<aws.events.rule-arn>\", "
                + "\"at\": <aws.events.event.ingestion-time>, \"event\": <aws.events.event>, \"all\": <aws.events.event.json>}"));
        JsonNode o = Json.MAPPER.readTree(out);
        assertThat(o.get("rule").asText()).isEqualTo("ec2");
        assertThat(o.get("arn").asText()).isEqualTo(RULE);
        assertThat(o.get("at").asText()).isEqualTo("2015-11-11T21:29:55Z");
        assertThat(o.get("event").has("detail")).isFalse();
        assertThat(o.get("event").get("source").asText()).isEqualTo("aws.ec2");
        assertThat(o.get("all")).isEqualTo(Json.MAPPER.readTree(EVENT));
        assertThat(apply(transformer("{\"ids\":\"$.resources[*]\"}", "{\"ids\": <ids>}")))
                .isEqualTo("{\"ids\": [\"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111\"]}");
    }

    @Test
    void putTargetsChecks() throws Exception {
        assertThatThrownBy(() -> TargetInput.check(Json.MAPPER.readTree(
                "{\"Id\":\"t1\",\"Arn\":\"a\",\"Input\":\"{}\",\"InputPath\":\"$.detail\"}")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.code()).isEqualTo("ValidationException"))
                .hasMessage("Only one of Input, InputPath, or InputTransformer must be provided for target t1.");
        assertThatThrownBy(() -> TargetInput.check(Json.MAPPER.readTree("{\"Id\":\"t1\",\"Arn\":\"a\",\"Input\":\"{nope\"}")))
                .hasMessage("Input for target t1 is not valid JSON text.");
        assertThatThrownBy(() -> TargetInput.check(Json.MAPPER.readTree("{\"Id\":\"t1\",\"Arn\":\"a\",\"InputPath\":\"detail\"}")))
                .hasMessageStartingWith("InputPath for target t1 is not valid");
        assertThatThrownBy(() -> TargetInput.check(Json.MAPPER.readTree(transformer("{\"aws.x\":\"$.a\"}", "<aws.x>"))))
                .hasMessageContaining("reserved");
    }
}
