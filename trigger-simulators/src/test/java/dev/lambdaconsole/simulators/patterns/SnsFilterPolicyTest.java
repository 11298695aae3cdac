package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdaconsole.simulators.patterns.SnsFilterPolicy.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * SNS filter policies, from the SNS developer guide's examples: the insurance/store message with its attributes
 * (String, String.Array, Number) or the same data as the JSON body.
 */
class SnsFilterPolicyTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The guide's message attributes, as a Lambda notification carries them ({Type, Value}). */
    static final String ATTRIBUTES = "{\"customer_interests\":{\"Type\":\"String.Array\",\"Value\":\"[\\\"soccer\\\",\\\"rugby\\\",\\\"hockey\\\"]\"},"
            + "\"store\":{\"Type\":\"String\",\"Value\":\"example_corp\"},"
            + "\"event\":{\"Type\":\"String\",\"Value\":\"order_placed\"},"
            + "\"price_usd\":{\"Type\":\"Number\",\"Value\":\"210.75\"},"
            + "\"source_ip\":{\"Type\":\"String\",\"Value\":\"10.0.0.12\"},"
            + "\"picture\":{\"Type\":\"Binary\",\"Value\":\"aGVsbG8=\"}}";
    /** The same data as a message body. */
    static final String BODY = "{\"store\":\"example_corp\",\"event\":\"order_placed\",\"customer_interests\":"
            + "[\"soccer\",\"rugby\",\"hockey\"],\"price_usd\":210.75,\"source_ip\":\"10.0.0.12\","
            + "\"delivery\":{\"address\":{\"country\":\"US\"}}}";

    static Stream<Arguments> rows() {
        return Stream.of(
                arguments("guide policy", "{\"store\":[\"example_corp\"],\"event\":[{\"anything-but\":\"order_cancelled\"}],"
                        + "\"customer_interests\":[\"rugby\",\"football\",\"baseball\"],\"price_usd\":[{\"numeric\":[\">=\",100]}]}", true),
                arguments("guide policy, price too low", "{\"store\":[\"example_corp\"],\"price_usd\":[{\"numeric\":[\">=\",300]}]}", false),
                arguments("exact string", "{\"store\":[\"example_corp\"]}", true),
                arguments("exact string, other", "{\"store\":[\"other_corp\"]}", false),
                arguments("String.Array: any element", "{\"customer_interests\":[\"rugby\"]}", true),
                arguments("String.Array: no element", "{\"customer_interests\":[\"tennis\"]}", false),
                arguments("numeric equals", "{\"price_usd\":[{\"numeric\":[\"=\",210.75]}]}", true),
                arguments("numeric range", "{\"price_usd\":[{\"numeric\":[\">\",0,\"<=\",150]}]}", false),
                arguments("anything-but numbers", "{\"price_usd\":[{\"anything-but\":[100,210.75]}]}", false),
                arguments("anything-but prefix", "{\"event\":[{\"anything-but\":{\"prefix\":\"order-\"}}]}", true),
                arguments("prefix", "{\"customer_interests\":[{\"prefix\":\"hock\"}]}", true),
                arguments("prefix, none", "{\"customer_interests\":[{\"prefix\":\"bas\"}]}", false),
                arguments("suffix", "{\"customer_interests\":[{\"suffix\":\"by\"}]}", true),
                arguments("equals-ignore-case", "{\"store\":[{\"equals-ignore-case\":\"EXAMPLE_CORP\"}]}", true),
                arguments("exists", "{\"store\":[{\"exists\":true}]}", true),
                arguments("exists false", "{\"encrypted\":[{\"exists\":false}]}", true),
                arguments("exists false, present", "{\"store\":[{\"exists\":false}]}", false),
                arguments("cidr", "{\"source_ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", true),
                arguments("cidr, outside", "{\"source_ip\":[{\"cidr\":\"10.1.0.0/24\"}]}", false),
                arguments("$or", "{\"store\":[\"example_corp\"],\"$or\":[{\"event\":[\"order_cancelled\"]},{\"price_usd\":[{\"numeric\":[\">\",200]}]}]}", true),
                arguments("$or, none", "{\"$or\":[{\"event\":[\"order_cancelled\"]},{\"price_usd\":[{\"numeric\":[\">\",300]}]}]}", false),
                arguments("missing attribute", "{\"color\":[\"red\"]}", false));
    }

    @ParameterizedTest(name = "attributes: {0}")
    @MethodSource("rows")
    void messageAttributes(String name, String policy, boolean expected) throws Exception {
        SnsFilterPolicy p = SnsFilterPolicy.parse(policy, Scope.MESSAGE_ATTRIBUTES);
        assertThat(p.matches("not used", JSON.readTree(ATTRIBUTES))).as(name).isEqualTo(expected);
    }

    @ParameterizedTest(name = "body: {0}")
    @MethodSource("rows")
    void messageBody(String name, String policy, boolean expected) {
        SnsFilterPolicy p = SnsFilterPolicy.parse(policy, Scope.fromWire("MessageBody"));
        assertThat(p.matches(BODY, null)).as(name).isEqualTo(expected);
    }

    @Test
    void numberAttributesCompareAsNumbersAndStringsAsStrings() throws Exception {
        JsonNode publish = JSON.readTree("{\"price\":{\"DataType\":\"Number\",\"StringValue\":\"300\"},"
                + "\"code\":{\"DataType\":\"String\",\"StringValue\":\"300\"}}");
        assertThat(SnsFilterPolicy.parse("{\"price\":[300.0]}", Scope.MESSAGE_ATTRIBUTES).matches("", publish)).isTrue();
        assertThat(SnsFilterPolicy.parse("{\"code\":[300]}", Scope.MESSAGE_ATTRIBUTES).matches("", publish)).isFalse();
        assertThat(SnsFilterPolicy.parse("{\"code\":[\"300\"]}", Scope.MESSAGE_ATTRIBUTES).matches("", publish)).isTrue();
    }

    @Test
    void binaryAttributesAreNotMatched() throws Exception {
        SnsFilterPolicy p = SnsFilterPolicy.parse("{\"picture\":[{\"exists\":true}]}", Scope.MESSAGE_ATTRIBUTES);
        assertThat(p.explain("", JSON.readTree(ATTRIBUTES)).reason()).isEqualTo("picture: absent, expected exists");
    }

    @Test
    void bodyPoliciesNestAndNeedAJsonBody() {
        SnsFilterPolicy p = SnsFilterPolicy.parse("{\"delivery\":{\"address\":{\"country\":[\"US\",\"CA\"]}}}", Scope.MESSAGE_BODY);
        assertThat(p.matches(BODY, null)).isTrue();
        assertThat(p.explain("plain text", null).reason()).isEqualTo("the message body is not a JSON object");
        assertThat(SnsFilterPolicy.parse("{\"delivery\":{\"address\":{\"country\":[\"FR\"]}}}", Scope.MESSAGE_BODY)
                .explain(BODY, null).reason()).isEqualTo("delivery.address.country: \"US\" is not \"FR\"");
    }

    @Test
    void theGuidesCombinationExampleIsSix() throws Exception {
        long[] size = Complexity.of(JSON.readTree("{\"key_a\":[\"value_one\",\"value_two\",\"value_three\"],"
                + "\"key_b\":[\"value_one\"],\"key_c\":[\"value_one\",\"value_two\"]}"));
        assertThat(size).containsExactly(3, 6);
        long[] withOr = Complexity.of(JSON.readTree("{\"source\":[\"aws.cloudwatch\",\"aws.ec2\"],\"$or\":["
                + "{\"metricName\":[\"CPUUtilization\",\"ReadLatency\"]},{\"namespace\":[\"AWS/EC2\",\"AWS/ES\"]}]}"));
        assertThat(withOr).containsExactly(2, 8);
    }

    @Test
    void limitsAreRefusedWithSnssMessages() {
        assertThatThrownBy(() -> SnsFilterPolicy.parse("{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}",
                Scope.MESSAGE_ATTRIBUTES))
                .isInstanceOfSatisfying(InvalidPatternException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameter");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys");
                });
        String five = "[1,2,3,4,5]";
        assertThatThrownBy(() -> SnsFilterPolicy.parse("{\"a\":" + five + ",\"b\":" + five + ",\"c\":" + five
                + ",\"d\":[1,2]}", Scope.MESSAGE_BODY))
                .hasMessage("Invalid parameter: FilterPolicy: Filter policy is too complex");
        assertThat(SnsFilterPolicy.parse("{\"a\":" + five + ",\"b\":" + five + ",\"c\":" + five + ",\"d\":[1]}",
                Scope.MESSAGE_BODY).scope()).isEqualTo(Scope.MESSAGE_BODY);
    }

    @Test
    void attributeScopeRefusesNesting() {
        assertThatThrownBy(() -> SnsFilterPolicy.parse("{\"a\":{\"b\":[\"c\"]}}", Scope.MESSAGE_ATTRIBUTES))
                .hasMessage("Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy");
    }

    @Test
    void badPoliciesAndScopes() {
        assertThatThrownBy(() -> SnsFilterPolicy.parse("{\"key_a\":\"value_one\"}", Scope.MESSAGE_ATTRIBUTES))
                .hasMessage("Invalid parameter: FilterPolicy: \"key_a\" must be an object or an array");
        assertThatThrownBy(() -> SnsFilterPolicy.parse("{invalid", Scope.MESSAGE_ATTRIBUTES))
                .hasMessageStartingWith("Invalid parameter: FilterPolicy: failed to parse JSON.");
        assertThatThrownBy(() -> SnsFilterPolicy.parse("{\"a\":[{\"wildcard\":\"x*\"}]}", Scope.MESSAGE_BODY))
                .hasMessage("Invalid parameter: FilterPolicy: Unrecognized match type wildcard");
        assertThatThrownBy(() -> Scope.fromWire("Body"))
                .hasMessage("Invalid parameter: FilterPolicyScope: Invalid value [Body]. Please use either MessageBody or MessageAttributes");
    }
}
