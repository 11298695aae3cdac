package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the console's pattern tester shows when an event does not match: the first field and condition. */
class ExplainTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "{\"detail\":{\"amount\":[{\"numeric\":[\">\",10]}]}} | {\"detail\":{\"amount\":5}} | detail.amount: 5 is not > 10",
            "{\"detail\":{\"amount\":[{\"numeric\":[\">\",0,\"<=\",5]}]}} | {\"detail\":{\"amount\":7}} | detail.amount: 7 is not > 0 and <= 5",
            "{\"detail\":{\"amount\":[{\"numeric\":[\"=\",5]}]}} | {\"detail\":{}} | detail.amount: absent, expected = 5",
            "{\"source\":[\"aws.ec2\",\"aws.s3\"]} | {\"source\":\"aws.sqs\"} | source: \"aws.sqs\" is not \"aws.ec2\" or \"aws.s3\"",
            "{\"source\":[\"a\"],\"detail\":{\"state\":[{\"prefix\":\"run\"}]}} | {\"source\":\"a\",\"detail\":{\"state\":\"stopped\"}} | detail.state: \"stopped\" is not prefix \"run\"",
            "{\"tags\":[\"x\"]} | {\"tags\":[\"a\",\"b\"]} | tags: [\"a\",\"b\"] has no element that is \"x\"",
            "{\"detail\":{\"c\":[{\"exists\":false}]}} | {\"detail\":{\"c\":1}} | detail.c: present (1), expected absent",
            "{\"detail\":{\"state\":[{\"anything-but\":[\"stopped\",\"failed\"]}]}} | {\"detail\":{\"state\":\"failed\"}} | detail.state: \"failed\" is not anything but \"stopped\" or \"failed\"",
            "{\"$or\":[{\"a\":[1]},{\"b\":[2]}]} | {\"a\":3} | no alternative of $or matches (a: 3 is not 1; b: absent, expected 2)",
    })
    void saysWhichFieldAndConditionFailed(String pattern, String event, String reason) throws Exception {
        Match m = EventPattern.parse(pattern, Dialect.EVENTBRIDGE).explain(JSON.readTree(event));
        assertThat(m.matched()).isFalse();
        assertThat(m.reason()).isEqualTo(reason);
        assertThat(m).hasToString("no match: " + reason);
    }
}
