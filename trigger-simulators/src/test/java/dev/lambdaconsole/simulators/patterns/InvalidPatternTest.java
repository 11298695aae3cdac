package dev.lambdaconsole.simulators.patterns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Patterns EventBridge refuses, with the reason it gives (recorded from AWS); the same rules hold for SNS with its
 * prefix. AWS adds the parser's location on a second line; these rows compare the first.
 */
class InvalidPatternTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", quoteCharacter = '~', value = {
            "{\"int\": 42} | \"int\" must be an object or an array",
            "{\"string\": \"my-value\"} | \"string\" must be an object or an array",
            "{\"source\": \"aws.ec2\"} | \"source\" must be an object or an array",
            "[\"not\", \"a\", \"dict\"] | Filter is not an object",
            "{\"resources\": []} | Empty arrays are not allowed",
            "{\"detail\": {}} | Empty objects are not allowed",
            "{\"a\": [[1]]} | Match value must be String, number, true, false, or null",
            "{\"detail\": {\"equal\": [{\"NUMERIC\": [\"=\", 5]}]}} | Unrecognized match type NUMERIC",
            "{\"my_key\": [{\"EXISTS\": true}]} | Unrecognized match type EXISTS",
            "{\"a\": [{\"prefix\": \"x\", \"suffix\": \"y\"}]} | Only one key allowed in match expression",
            "{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0, \">\", 0]}]}} | Bad numeric range operator: >",
            "{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0, \"<\"]}]}} | Value of < must be numeric",
            "{\"detail\": {\"c-count\": [{\"numeric\": [\">\", \"5\"]}]}} | Value of > must be numeric",
            "{\"detail\": {\"c-count\": [{\"numeric\": [\"~\", 5]}]}} | Unrecognized numeric range operator: ~",
            "{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 10, \"<\", 5]}]}} | Bottom must be less than top",
            "{\"detail\": {\"c-count\": [{\"numeric\": 5}]}} | Value of numeric must be an array.",
            "{\"EventBusArn\": [{\"wildcard\": \"arn:aws:events:us-east-1:**:event-bus/*\"}]} | Consecutive wildcard characters at pos 26",
            "{\"EventBusArn\": [{\"wildcard\": 123}]} | wildcard match pattern must be a string",
            "{\"EventBusArn\": [{\"wildcard\": [\"a*\"]}]} | wildcard match pattern must be a string",
            "{\"detail-type\": [{\"equals-ignore-case\": [\"ec2\"]}]} | equals-ignore-case match pattern must be a string",
            "{\"detail-type\": [{\"equals-ignore-case\": {\"prefix\": \"ec2\"}}]} | equals-ignore-case match pattern must be a string",
            "{\"time\": [{\"prefix\": [\"2022-07-13\"]}]} | prefix match pattern must be a string",
            "{\"time\": [{\"prefix\": 123}]} | prefix match pattern must be a string",
            "{\"FileName\": [{\"suffix\": 123}]} | suffix match pattern must be a string",
            "{\"a\": [{\"exists\": \"yes\"}]} | exists match pattern must be either true or false.",
            "{\"detail\": {\"state\": [{\"anything-but\": {\"equals-ignore-case\": 123}}]}} | Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.",
            "{\"detail\": {\"state\": [{\"anything-but\": {\"equals-ignore-case\": [123, 456]}}]}} | Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.",
            "{\"detail\": {\"state\": [{\"anything-but\": [\"stopped\", null]}]}} | Inside anything but list, start|null|boolean is not supported.",
            "{\"detail\": {\"state\": [{\"anything-but\": null}]}} | Value of anything-but must be an array or single string/number value.",
            "{\"detail\": {\"FileName\": [{\"anything-but\": {\"prefix\": {\"equals-ignore-case\": \"file\"}}}]}} | Value of anything-but must be an array or single string/number value.",
            "{\"detail\": {\"FileName\": [{\"anything-but\": {\"suffix\": {\"equals-ignore-case\": \".png\"}}}]}} | Value of anything-but must be an array or single string/number value.",
            "{\"detail\": {\"state\": [{\"anything-but\": {\"prefix\": 123}}]}} | prefix/suffix match pattern must be a string",
            "{\"detail\": {\"state\": [{\"anything-but\": {\"prefix\": [123, \"test\"]}}]}} | prefix/suffix match pattern must be a string",
            "{\"detail\": {\"FileName\": [{\"anything-but\": {\"suffix\": [123, \".txt\"]}}]}} | prefix/suffix match pattern must be a string",
            "{\"detail\": {\"FilePath\": [{\"anything-but\": {\"wildcard\": 123}}]}} | wildcard match pattern must be a string",
            "{\"detail\": {\"FilePath\": [{\"anything-but\": {\"wildcard\": [123, \"*/dir/*\"]}}]}} | wildcard match pattern must be a string",
            "{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"bad-type\"}]}} | Malformed CIDR, one '/' required",
            "{\"detail\": {\"sourceIPAddress\": [{\"cidr\": [\"bad-type\"]}]}} | prefix match pattern must be a string",
            "{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"10.0.0.0/x\"}]}} | Malformed CIDR, mask bits must be an integer",
            "{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"xx.11.xx/24\"}]}} | Nonstandard IP address: xx.11.xx",
            "{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"xxxx:db8:1234:1a00::/64\"}]}} | Nonstandard IP address: xxxx:db8:1234:1a00::",
            "{\"$or\": [{\"a\": [1]}]} | \"$or\" must be an array of at least two objects",
    })
    void eventBridgeRefuses(String pattern, String reason) {
        assertThatThrownBy(() -> EventPattern.parse(pattern, Dialect.EVENTBRIDGE))
                .isInstanceOfSatisfying(InvalidPatternException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("InvalidEventPatternException");
                    assertThat(e.getMessage()).isEqualTo("Event pattern is not valid. Reason: " + reason);
                    assertThat(e.reason()).isEqualTo(reason);
                });
    }

    @Test
    void jsonSyntaxErrorsCarryTheParsersMessageAndPlace() {
        assertThatThrownBy(() -> EventPattern.parse("this is valid json but not a dict", Dialect.EVENTBRIDGE))
                .hasMessageStartingWith("Event pattern is not valid. Reason: Unrecognized token 'this': was expecting")
                .hasMessageEndingWith("\n at [Source: (String)\"this is valid json but not a dict\"; line: 1, column: 5]");
        assertThatThrownBy(() -> EventPattern.parse("{'bad': 'quotation'}", Dialect.EVENTBRIDGE))
                .hasMessageStartingWith("Event pattern is not valid. Reason: Unexpected character (''' (code 39)): "
                        + "was expecting double-quote to start field name")
                .hasMessageEndingWith("line: 1, column: 2]");
    }

    @Test
    void snsSaysTheSameWithItsPrefix() {
        assertThatThrownBy(() -> EventPattern.parse("{\"a\": [{\"numeric\": [\">\", 0, \"<\"]}]}", Dialect.SNS_FILTER_POLICY))
                .isInstanceOfSatisfying(InvalidPatternException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameter");
                    assertThat(e.getMessage()).isEqualTo("Invalid parameter: FilterPolicy: Value of < must be numeric");
                });
    }

    @Test
    void validPatternsOfEveryKindCompile() {
        String all = "{\"a\":[\"x\",1,true,null,{\"prefix\":\"p\"},{\"suffix\":\"s\"},{\"equals-ignore-case\":\"e\"},"
                + "{\"anything-but\":[\"q\"]},{\"numeric\":[\">=\",0]},{\"exists\":true},{\"wildcard\":\"w*\"},"
                + "{\"cidr\":\"192.168.0.0/16\"}]}";
        assertThat(EventPattern.parse(all, Dialect.EVENTBRIDGE).dialect()).isEqualTo(Dialect.EVENTBRIDGE);
    }
}
