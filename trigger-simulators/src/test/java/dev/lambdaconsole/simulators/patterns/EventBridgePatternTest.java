package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * EventBridge patterns against events, from the examples of the EventBridge user guide (content filtering, arrays,
 * null and empty values) and behaviour observed on AWS; each with a row that must not match.
 */
class EventBridgePatternTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An EC2-style event with {@code detail} in the envelope EventBridge delivers. */
    static String event(String detail) {
        return "{\"version\":\"0\",\"id\":\"6a7e8feb-b491-4cf7-a9f1-bf3703467718\",\"detail-type\":"
                + "\"EC2 Instance State-change Notification\",\"source\":\"aws.ec2\",\"account\":\"111122223333\","
                + "\"time\":\"2017-12-22T18:43:48Z\",\"region\":\"us-west-1\",\"resources\":["
                + "\"arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0\"],\"detail\":" + detail + "}";
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                arguments("source exact", "{\"source\":[\"aws.ec2\"]}", event("{}"), true),
                arguments("source other", "{\"source\":[\"aws.s3\"]}", event("{}"), false),
                arguments("array of values is OR", "{\"detail\":{\"state\":[\"running\",\"stopped\"]}}",
                        event("{\"state\":\"stopped\"}"), true),
                arguments("array of values is OR, none", "{\"detail\":{\"state\":[\"running\",\"stopped\"]}}",
                        event("{\"state\":\"pending\"}"), false),
                arguments("fields are AND", "{\"source\":[\"aws.ec2\"],\"detail\":{\"state\":[\"running\"]}}",
                        event("{\"state\":\"pending\"}"), false),
                arguments("case-sensitive values", "{\"source\":[\"AWS.EC2\"]}", event("{}"), false),
                arguments("case-sensitive keys", "{\"Source\":[\"aws.ec2\"]}", event("{}"), false),
                arguments("event array: any element", "{\"resources\":[\"arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0\",\"arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f\"]}",
                        event("{}"), true),
                arguments("event array: no element", "{\"resources\":[\"arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f\"]}",
                        event("{}"), false),
                arguments("event array of objects", "{\"detail\":{\"items\":{\"sku\":[\"b\"]}}}",
                        event("{\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}"), true),
                arguments("array element must match all of a nested pattern",
                        "{\"detail\":{\"items\":{\"sku\":[\"a\"],\"qty\":[2]}}}",
                        event("{\"items\":[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"b\",\"qty\":2}]}"), false),
                arguments("300 matches 300.0", "{\"detail\":{\"amount\":[300]}}", event("{\"amount\":300.0}"), true),
                arguments("number is not its string", "{\"detail\":{\"amount\":[300]}}", event("{\"amount\":\"300\"}"), false),
                arguments("boolean", "{\"detail\":{\"spot\":[true]}}", event("{\"spot\":true}"), true),
                arguments("boolean is not its string", "{\"detail\":{\"spot\":[true]}}", event("{\"spot\":\"true\"}"), false),
                arguments("null value", "{\"detail\":{\"responseElements\":[null]}}", event("{\"responseElements\":null}"), true),
                arguments("null does not match absence", "{\"detail\":{\"responseElements\":[null]}}", event("{}"), false),
                arguments("null does not match an empty array", "{\"resources\":[null]}",
                        "{\"id\":\"1\",\"source\":\"s\",\"resources\":[]}", false),
                arguments("empty string", "{\"detail\":{\"eventVersion\":[\"\"]}}", event("{\"eventVersion\":\"\"}"), true),
                arguments("prefix", "{\"time\":[{\"prefix\":\"2017-12-22\"}]}", event("{}"), true),
                arguments("prefix, other", "{\"time\":[{\"prefix\":\"2017-10-02\"}]}", event("{}"), false),
                arguments("prefix ignoring case", "{\"detail\":{\"state\":[{\"prefix\":{\"equals-ignore-case\":\"RUN\"}}]}}",
                        event("{\"state\":\"running\"}"), true),
                arguments("suffix", "{\"detail\":{\"FileName\":[{\"suffix\":\".png\"}]}}", event("{\"FileName\":\"image.png\"}"), true),
                arguments("suffix, other", "{\"detail\":{\"FileName\":[{\"suffix\":\".png\"}]}}", event("{\"FileName\":\"image.PNG\"}"), false),
                arguments("suffix ignoring case", "{\"detail\":{\"FileName\":[{\"suffix\":{\"equals-ignore-case\":\".png\"}}]}}",
                        event("{\"FileName\":\"image.PNG\"}"), true),
                arguments("equals-ignore-case", "{\"detail-type\":[{\"equals-ignore-case\":\"ec2 instance state-change notification\"}]}",
                        event("{}"), true),
                arguments("anything-but string", "{\"detail\":{\"state\":[{\"anything-but\":\"initializing\"}]}}",
                        event("{\"state\":\"running\"}"), true),
                arguments("anything-but string, excluded", "{\"detail\":{\"state\":[{\"anything-but\":\"initializing\"}]}}",
                        event("{\"state\":\"initializing\"}"), false),
                arguments("anything-but list", "{\"detail\":{\"state\":[{\"anything-but\":[\"stopped\",\"overloaded\"]}]}}",
                        event("{\"state\":\"overloaded\"}"), false),
                arguments("anything-but number", "{\"detail\":{\"x-limit\":[{\"anything-but\":123}]}}", event("{\"x-limit\":456}"), true),
                arguments("anything-but number list", "{\"detail\":{\"x-limit\":[{\"anything-but\":[100,200,300]}]}}",
                        event("{\"x-limit\":300.0}"), false),
                arguments("anything-but matches null", "{\"detail\":{\"command\":[{\"anything-but\":[\"no-message\"]}]}}",
                        event("{\"command\":null}"), true),
                arguments("anything-but needs the field", "{\"detail\":{\"state\":[{\"anything-but\":\"initializing\"}]}}",
                        event("{}"), false),
                arguments("anything-but prefix", "{\"detail\":{\"state\":[{\"anything-but\":{\"prefix\":\"init\"}}]}}",
                        event("{\"state\":\"running\"}"), true),
                arguments("anything-but prefix, excluded", "{\"detail\":{\"state\":[{\"anything-but\":{\"prefix\":\"init\"}}]}}",
                        event("{\"state\":\"initializing\"}"), false),
                arguments("anything-but prefix matches a number", "{\"detail\":{\"state\":[{\"anything-but\":{\"prefix\":\"init\"}}]}}",
                        event("{\"state\":12}"), true),
                arguments("anything-but prefix list", "{\"detail\":{\"state\":[{\"anything-but\":{\"prefix\":[\"init\",\"pend\"]}}]}}",
                        event("{\"state\":\"pending\"}"), false),
                arguments("anything-but suffix", "{\"detail\":{\"FileName\":[{\"anything-but\":{\"suffix\":\".txt\"}}]}}",
                        event("{\"FileName\":\"notes.txt\"}"), false),
                arguments("anything-but wildcard", "{\"detail\":{\"FilePath\":[{\"anything-but\":{\"wildcard\":\"*/lib/*\"}}]}}",
                        event("{\"FilePath\":\"/usr/bin/cc\"}"), true),
                arguments("anything-but wildcard, excluded", "{\"detail\":{\"FilePath\":[{\"anything-but\":{\"wildcard\":\"*/lib/*\"}}]}}",
                        event("{\"FilePath\":\"/usr/lib/x.so\"}"), false),
                arguments("anything-but equals-ignore-case", "{\"detail\":{\"state\":[{\"anything-but\":{\"equals-ignore-case\":[\"Stopped\",\"Overloaded\"]}}]}}",
                        event("{\"state\":\"STOPPED\"}"), false),
                arguments("anything-but on an array: one other element", "{\"detail\":{\"tags\":[{\"anything-but\":\"a\"}]}}",
                        event("{\"tags\":[\"a\",\"b\"]}"), true),
                arguments("numeric ranges (user guide)", "{\"detail\":{\"c-count\":[{\"numeric\":[\">\",0,\"<=\",5]}],"
                        + "\"d-count\":[{\"numeric\":[\"<\",10]}],\"x-limit\":[{\"numeric\":[\"=\",3.018e2]}]}}",
                        event("{\"c-count\":5,\"d-count\":7,\"x-limit\":301.8}"), true),
                arguments("numeric upper bound excluded", "{\"detail\":{\"c-count\":[{\"numeric\":[\">\",0,\"<\",5]}]}}",
                        event("{\"c-count\":5}"), false),
                arguments("numeric lower bound excluded", "{\"detail\":{\"c-count\":[{\"numeric\":[\">\",0,\"<=\",5]}]}}",
                        event("{\"c-count\":0}"), false),
                arguments("numeric does not match a string", "{\"detail\":{\"c-count\":[{\"numeric\":[\">\",0]}]}}",
                        event("{\"c-count\":\"5\"}"), false),
                arguments("numeric does not match null", "{\"detail\":{\"c-count\":[{\"numeric\":[\">\",0]}]}}",
                        event("{\"c-count\":null}"), false),
                arguments("numeric int and float", "{\"detail\":{\"v\":[{\"numeric\":[\">=\",1.5,\"<\",3]}]}}",
                        event("{\"v\":2}"), true),
                arguments("exists true", "{\"detail\":{\"state\":[{\"exists\":true}]}}", event("{\"state\":\"x\"}"), true),
                arguments("exists true, absent", "{\"detail\":{\"state\":[{\"exists\":true}]}}", event("{}"), false),
                arguments("exists true, null counts", "{\"detail\":{\"state\":[{\"exists\":true}]}}", event("{\"state\":null}"), true),
                arguments("exists only on leaves", "{\"detail\":[{\"exists\":true}]}", event("{\"state\":\"x\"}"), false),
                arguments("exists false", "{\"detail\":{\"c-count\":[{\"exists\":false}]}}", event("{\"state\":\"x\"}"), true),
                arguments("exists false, present", "{\"detail\":{\"c-count\":[{\"exists\":false}]}}", event("{\"c-count\":1}"), false),
                arguments("exists false, no parent", "{\"detail\":{\"x\":{\"y\":[{\"exists\":false}]}}}", event("{}"), true),
                arguments("exists false, empty array", "{\"detail\":{\"tags\":[{\"exists\":false}]}}", event("{\"tags\":[]}"), true),
                arguments("cidr IPv4", "{\"detail\":{\"sourceIPAddress\":[{\"cidr\":\"10.0.0.0/24\"}]}}",
                        event("{\"sourceIPAddress\":\"10.0.0.255\"}"), true),
                arguments("cidr IPv4, outside", "{\"detail\":{\"sourceIPAddress\":[{\"cidr\":\"10.0.0.0/24\"}]}}",
                        event("{\"sourceIPAddress\":\"10.0.1.1\"}"), false),
                arguments("cidr, not an address", "{\"detail\":{\"sourceIPAddress\":[{\"cidr\":\"10.0.0.0/24\"}]}}",
                        event("{\"sourceIPAddress\":\"bad-type\"}"), false),
                arguments("cidr IPv6", "{\"detail\":{\"sourceIPAddress\":[{\"cidr\":\"2001:db8:1234:1a00::/64\"}]}}",
                        event("{\"sourceIPAddress\":\"2001:db8:1234:1a00:0000:0000:0000:0001\"}"), true),
                arguments("cidr IPv6, outside", "{\"detail\":{\"sourceIPAddress\":[{\"cidr\":\"2001:db8:1234:1a00::/64\"}]}}",
                        event("{\"sourceIPAddress\":\"2001:db8:1234:1a01::1\"}"), false),
                arguments("wildcard", "{\"detail\":{\"FilePath\":[{\"wildcard\":\"dir/*.png\"}]}}",
                        event("{\"FilePath\":\"dir/dir/dir/doc.png\"}"), true),
                arguments("wildcard, other", "{\"detail\":{\"FilePath\":[{\"wildcard\":\"dir/*.png\"}]}}",
                        event("{\"FilePath\":\"dir/doc.jpg\"}"), false),
                arguments("wildcard ARN", "{\"resources\":[{\"wildcard\":\"arn:aws:ec2:us-west-1:*:instance/*\"}]}", event("{}"), true),
                arguments("wildcard, several stars", "{\"detail\":{\"p\":[{\"wildcard\":\"*a*b*\"}]}}", event("{\"p\":\"xxbxa\"}"), false),
                arguments("wildcard escaped star", "{\"detail\":{\"p\":[{\"wildcard\":\"a\\\\*\"}]}}", event("{\"p\":\"a*\"}"), true),
                arguments("wildcard escaped star is literal", "{\"detail\":{\"p\":[{\"wildcard\":\"a\\\\*\"}]}}", event("{\"p\":\"ab\"}"), false),
                arguments("$or", "{\"detail\":{\"$or\":[{\"c-count\":[{\"numeric\":[\">\",0,\"<=\",5]}]},"
                        + "{\"d-count\":[{\"numeric\":[\"<\",10]}]}]}}", event("{\"c-count\":9,\"d-count\":7}"), true),
                arguments("$or, none", "{\"detail\":{\"$or\":[{\"c-count\":[{\"numeric\":[\">\",0,\"<=\",5]}]},"
                        + "{\"d-count\":[{\"numeric\":[\"<\",10]}]}]}}", event("{\"c-count\":9,\"d-count\":17}"), false),
                arguments("$or at the top with a sibling", "{\"source\":[\"aws.ec2\"],\"$or\":[{\"detail-type\":[\"x\"]},"
                        + "{\"detail\":{\"state\":[\"running\"]}}]}", event("{\"state\":\"running\"}"), true),
                arguments("dotted key reaches nested fields", "{\"detail.state\":[\"running\"]}", event("{\"state\":\"running\"}"), true),
                arguments("dotted key, other value", "{\"detail.state\":[\"running\"]}", event("{\"state\":\"stopped\"}"), false),
                arguments("nested pattern reaches a dotted event key", "{\"detail\":{\"state\":[\"running\"]}}",
                        "{\"id\":\"1\",\"detail.state\":\"running\"}", true),
                arguments("empty pattern matches everything", "{}", event("{}"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matches(String name, String pattern, String event, boolean expected) throws Exception {
        EventPattern p = EventPattern.parse(pattern, Dialect.EVENTBRIDGE);
        JsonNode e = JSON.readTree(event);
        assertThat(p.matches(e)).as(name).isEqualTo(expected);
        Match m = p.explain(e);
        assertThat(m.matched()).isEqualTo(expected);
        if (expected) assertThat(m.reason()).isNull();
        else assertThat(m.reason()).isNotBlank();
    }
}
