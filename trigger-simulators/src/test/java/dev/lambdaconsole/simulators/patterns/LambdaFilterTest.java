package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Lambda event filtering: the operator table of the Lambda developer guide and its SQS, Kinesis and DynamoDB
 * examples, on the JSON document a poller hands over (the record, with {@code body} or {@code data} decoded).
 */
class LambdaFilterTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String RECORD = "{\"UserID\":null,\"LastName\":\"\",\"Name\":\"Alice\",\"Location\":\"New York\","
            + "\"Day\":\"Monday\",\"PaymentType\":\"Credit\",\"Weather\":\"Sunny\",\"Price\":100,\"ProductName\":\"Pen\","
            + "\"Region\":\"us-west-2\",\"FileName\":\"photo.png\"}";

    static Stream<Arguments> rows() {
        return Stream.of(
                arguments("{\"UserID\":[null]}", RECORD, true),
                arguments("{\"LastName\":[\"\"]}", RECORD, true),
                arguments("{\"Name\":[\"Alice\"]}", RECORD, true),
                arguments("{\"Name\":[\"alice\"]}", RECORD, false),
                arguments("{\"Name\":[{\"equals-ignore-case\":\"alice\"}]}", RECORD, true),
                arguments("{\"Location\":[\"New York\"],\"Day\":[\"Monday\"]}", RECORD, true),
                arguments("{\"Location\":[\"New York\"],\"Day\":[\"Tuesday\"]}", RECORD, false),
                arguments("{\"PaymentType\":[\"Credit\",\"Debit\"]}", RECORD, true),
                arguments("{\"$or\":[{\"Location\":[\"Oslo\"]},{\"Day\":[\"Monday\"]}]}", RECORD, true),
                arguments("{\"Weather\":[{\"anything-but\":[\"Raining\"]}]}", RECORD, true),
                arguments("{\"Weather\":[{\"anything-but\":[\"Sunny\"]}]}", RECORD, false),
                arguments("{\"Price\":[{\"numeric\":[\"=\",100]}]}", RECORD, true),
                arguments("{\"Price\":[{\"numeric\":[\">\",10,\"<=\",20]}]}", RECORD, false),
                arguments("{\"ProductName\":[{\"exists\":true}]}", RECORD, true),
                arguments("{\"ProductName\":[{\"exists\":false}]}", RECORD, false),
                arguments("{\"Region\":[{\"prefix\":\"us-\"}]}", RECORD, true),
                arguments("{\"FileName\":[{\"suffix\":\".png\"}]}", RECORD, true),
                arguments("{\"FileName\":[{\"suffix\":\".jpg\"}]}", RECORD, false),
                arguments("{\"body\":{\"RequestCode\":[\"BBBB\"]}}", "{\"messageId\":\"1\",\"body\":{\"RequestCode\":\"BBBB\"}}", true),
                arguments("{\"body\":{\"RequestCode\":[\"BBBB\"]}}", "{\"messageId\":\"1\",\"body\":{\"RequestCode\":\"AAAA\"}}", false),
                arguments("{\"data\":{\"tire_pressure\":[{\"numeric\":[\"<\",32]}]}}", "{\"data\":{\"tire_pressure\":31.5}}", true),
                arguments("{\"dynamodb\":{\"Keys\":{\"CustomerName\":{\"S\":[\"AnyCompany Industries\"]}}}}",
                        "{\"eventName\":\"INSERT\",\"dynamodb\":{\"Keys\":{\"CustomerName\":{\"S\":\"AnyCompany Industries\"}}}}", true),
                arguments("{\"dynamodb\":{\"Keys\":{\"CustomerName\":{\"S\":[\"AnyCompany Industries\"]}}}}",
                        "{\"eventName\":\"INSERT\",\"dynamodb\":{\"Keys\":{\"CustomerName\":{\"S\":\"Other\"}}}}", false),
                arguments("{\"a.b\":[1]}", "{\"a\":{\"b\":1}}", false));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("rows")
    void matches(String pattern, String record, boolean expected) throws Exception {
        assertThat(EventPattern.parse(pattern, Dialect.LAMBDA_FILTER).matches(JSON.readTree(record))).isEqualTo(expected);
    }

    @Test
    void duplicateKeysLastOneWins() throws Exception {
        EventPattern p = EventPattern.parse("{\"Name\":[\"Bob\"],\"Name\":[\"Alice\"]}", Dialect.LAMBDA_FILTER);
        assertThat(p.matches(JSON.readTree(RECORD))).isTrue();
    }

    @Test
    void invalidPatternsGetLambdasOneMessageButKeepTheReason() {
        assertThatThrownBy(() -> EventPattern.parse("{\"body\":{\"RequestCode\":\"BBBB\"}}", Dialect.LAMBDA_FILTER))
                .isInstanceOfSatisfying(InvalidPatternException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameterValueException");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Invalid filter pattern definition.");
                    assertThat(e.reason()).isEqualTo("\"RequestCode\" must be an object or an array");
                });
        assertThatThrownBy(() -> EventPattern.parse("{\"a\":[{\"wildcard\":\"x*\"}]}", Dialect.LAMBDA_FILTER))
                .hasMessage("Invalid filter pattern definition.");
        assertThatThrownBy(() -> EventPattern.parse("{\"a\":[{\"cidr\":\"10.0.0.0/8\"}]}", Dialect.LAMBDA_FILTER))
                .hasMessage("Invalid filter pattern definition.");
    }
}
