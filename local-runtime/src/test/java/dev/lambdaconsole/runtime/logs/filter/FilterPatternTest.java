package dev.lambdaconsole.runtime.logs.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Filter patterns against the examples of CloudWatch Logs' filter pattern documentation, matching and not. */
class FilterPatternTest {
    private static final List<String> UNSTRUCTURED = List.of(
            "[ERROR 400] BAD REQUEST",
            "[ERROR 401] UNAUTHORIZED REQUEST",
            "[ERROR 419] MISSING ARGUMENTS",
            "[ERROR 420] INVALID ARGUMENTS",
            "[ERROR 500] INTERNAL SERVER ERROR",
            "[WARN 300] Retry in 5 s",
            "[SUCCESS 200] AUTHORIZED REQUEST");

    /** Pattern, then the indices of UNSTRUCTURED it matches. */
    static Stream<Object[]> terms() {
        return Stream.of(
                new Object[] {"", List.of(0, 1, 2, 3, 4, 5, 6)},
                new Object[] {"ERROR", List.of(0, 1, 2, 3, 4)},
                new Object[] {"ERROR ARGUMENTS", List.of(2, 3)},
                new Object[] {"?ERROR ?WARN", List.of(0, 1, 2, 3, 4, 5)},
                new Object[] {"?ARGUMENTS ?REQUEST", List.of(0, 1, 2, 3, 6)},
                new Object[] {"\"INTERNAL SERVER ERROR\"", List.of(4)},
                new Object[] {"\"SERVER INTERNAL\"", List.of()},
                new Object[] {"ERROR -ARGUMENTS", List.of(0, 1, 4)},
                new Object[] {"-ERROR", List.of(5, 6)},
                new Object[] {"%AUTHORIZED%", List.of(1, 6)},
                new Object[] {"%^\\[ERROR 4[0-9]+\\]%", List.of(0, 1, 2, 3)},
                new Object[] {"%ERROR 4[01][01]|WARN%", List.of(0, 1, 5)},
                new Object[] {"error", List.of()}, // case-sensitive
                new Object[] {"\" \"", List.of(0, 1, 2, 3, 4, 5, 6)},
                new Object[] {"\"[ERROR 5\" -BAD", List.of(4)},
                new Object[] {"ERROR ?MISSING ?INVALID", List.of(2, 3)});
    }

    @ParameterizedTest(name = "pattern [{0}]")
    @MethodSource("terms")
    void termsMatchAsDocumented(String pattern, List<Integer> expected) {
        FilterPattern p = FilterPattern.parse(pattern);
        List<Integer> matched = new java.util.ArrayList<>();
        for (int i = 0; i < UNSTRUCTURED.size(); i++) if (p.matches(UNSTRUCTURED.get(i))) matched.add(i);
        assertThat(matched).isEqualTo(expected);
    }

    private static final String TRAIL = """
            {"eventType": "UpdateTrail", "sourceIPAddress": "111.111.111.111", "arrayKey": ["value", "another value"],
             "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}], "SomeObject": null,
             "cluster.name": "c1", "ThisFlag": true, "OtherFlag": false, "latency": 42.5}""";

    private static final String USERS = """
            {"user": {"id": 1, "email": "John.Doe@example.com"},
             "users": [{"id": 2, "email": "John.Doe@example.com"}, {"id": 3, "email": "Jane.Doe@example.com"}],
             "actions": ["GET", "PUT", "DELETE"], "coordinates": [[0, 1], [1, 2], [2, 3]]}""";

    static Stream<Object[]> json() {
        return Stream.of(
                new Object[] {"{ $.eventType = \"UpdateTrail\" }", TRAIL, true},
                new Object[] {"{ $.eventType = \"DeleteTrail\" }", TRAIL, false},
                new Object[] {"{ $.eventType = \"Update*\" }", TRAIL, true},
                new Object[] {"{ $.eventType = \"*Trail\" }", TRAIL, true},
                new Object[] {"{ $.eventType = \"*Bucket*\" }", TRAIL, false},
                new Object[] {"{ $.sourceIPAddress != 123.123.* }", TRAIL, true},
                new Object[] {"{ $.sourceIPAddress = 111.111.* }", TRAIL, true},
                new Object[] {"{ $.arrayKey[0] = \"value\" }", TRAIL, true},
                new Object[] {"{ $.arrayKey[1] = \"value\" }", TRAIL, false},
                new Object[] {"{ $.objectList[1].id = 2 }", TRAIL, true},
                new Object[] {"{ $.objectList[0].id = 2 }", TRAIL, false},
                new Object[] {"{ $.SomeObject IS NULL }", TRAIL, true},
                new Object[] {"{ $.eventType IS NULL }", TRAIL, false},
                new Object[] {"{ $.Missing IS NULL }", TRAIL, false},
                new Object[] {"{ $.SomeOtherObject NOT EXISTS }", TRAIL, true},
                new Object[] {"{ $.SomeObject NOT EXISTS }", TRAIL, false},
                new Object[] {"{ $.ThisFlag IS TRUE }", TRAIL, true},
                new Object[] {"{ $.OtherFlag IS TRUE }", TRAIL, false},
                new Object[] {"{ $.OtherFlag IS FALSE }", TRAIL, true},
                new Object[] {"{ $.latency > 40 }", TRAIL, true},
                new Object[] {"{ $.latency >= 42.5 && $.latency <= 42.5 }", TRAIL, true},
                new Object[] {"{ $.latency < 42.5 }", TRAIL, false},
                new Object[] {"{ $.latency != 42.5 }", TRAIL, false},
                new Object[] {"{ $.eventType > 3 }", TRAIL, false}, // not a number
                new Object[] {"{ $.nothing != \"x\" }", TRAIL, false}, // a missing property passes no comparison
                new Object[] {"{ $.eventType = %Update.*l% }", TRAIL, true},
                new Object[] {"{ $.eventType != %^Delete% }", TRAIL, true},
                new Object[] {"{ ($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\" }", USERS, false},
                new Object[] {"{ $.user.email = \"John.Doe@example.com\" || $.coordinates[0][1] = nonmatch"
                        + " && $.actions[2] = nomatch }", USERS, true},
                new Object[] {"{ ($.user.email = \"John.Doe@example.com\" || $.coordinates[0][1] = nonmatch)"
                        + " && $.actions[2] = nomatch }", USERS, false},
                new Object[] {"{ ($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\") }", USERS, true},
                new Object[] {"{ $.coordinates[2][0] = 2 && $.users[1].id > 2 }", USERS, true},
                new Object[] {"{ $.user.id = \"1\" }", USERS, true},
                new Object[] {"{ $.eventType = \"UpdateTrail\" }", "eventType UpdateTrail", false},
                new Object[] {"{ $.eventType = \"UpdateTrail\" }", "{\"eventType\": \"UpdateTrail\"", false},
                new Object[] {"{ $.eventType = \"UpdateTrail\" }", "[\"UpdateTrail\"]", false});
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("json")
    void jsonPatternsMatchAsDocumented(String pattern, String message, boolean expected) {
        assertThat(FilterPattern.parse(pattern).matches(message)).isEqualTo(expected);
    }

    private static final String APACHE =
            "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 1534";
    private static final String APACHE_404 =
            "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 2326";

    static Stream<Object[]> delimited() {
        return Stream.of(
                new Object[] {"[ip, user, username, timestamp, request, status_code, bytes]", APACHE, true},
                new Object[] {"[ip, user, username, timestamp, request, status_code = 200, bytes]", APACHE, true},
                new Object[] {"[ip, user, username, timestamp, request, status_code = 404, bytes]", APACHE, false},
                new Object[] {"[ip, user, username, timestamp, request = \"*html*\", status_code = 4*, bytes]", APACHE, false},
                new Object[] {"[ip, user, username, timestamp, request = \"*html*\", status_code = 4*, bytes]", APACHE_404, true},
                new Object[] {"[ip, user, username, timestamp, request = *.html*, status_code = 4*, bytes > 1000]", APACHE_404, true},
                new Object[] {"[ip, user, username, timestamp, request, status_code, bytes > 3000]", APACHE_404, false},
                new Object[] {"[..., status_code = 404, bytes]", APACHE_404, true},
                new Object[] {"[ip = 127.0.0.1, ...]", APACHE, true},
                new Object[] {"[ip, user, ..., bytes < 2000]", APACHE, true},
                new Object[] {"[ip, user, username = frank, ..., status_code, bytes]", APACHE, true},
                new Object[] {"[ip, user, username, timestamp = 10/Oct/2000*, ...]", APACHE, true},
                new Object[] {"[ip, user, username, timestamp, request, status_code = 4* || status_code = 2*, bytes]", APACHE, true},
                new Object[] {"[ip, user, username, timestamp, request, status_code = 4* && bytes > 2000, bytes]", APACHE, false},
                new Object[] {"[ip, user, username, timestamp, request, status_code = 4* && bytes > 2000, bytes]", APACHE_404, true},
                new Object[] {"[ip, user, username, timestamp, request = %GET /apache%, ...]", APACHE, true},
                new Object[] {"[ip, user, username]", APACHE, false}, // 7 words, 3 fields
                new Object[] {"[w1 = ERROR, w2]", "ERROR 401", true},
                new Object[] {"[w1 = ERROR, w2]", "[ERROR 401] UNAUTHORIZED", false});
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("delimited")
    void spaceDelimitedPatternsMatchByPosition(String pattern, String message, boolean expected) {
        assertThat(FilterPattern.parse(pattern).matches(message)).isEqualTo(expected);
    }

    static Stream<Object[]> invalid() {
        return Stream.of(
                new Object[] {"\"unterminated", "Unterminated quoted text", 1},
                new Object[] {"ERROR %oops", "Unterminated %regex%", 7},
                new Object[] {"%(a|b)%", "Character '(' is not supported", 2},
                new Object[] {"%a[b%", "Invalid %regex%: Unclosed character class", 4},
                new Object[] {"{ $.level = \"ERROR\" ", "Expected '}'", 21},
                new Object[] {"{ level = \"ERROR\" }", "Expected a selector starting with $", 3},
                new Object[] {"{ $.level ERROR }", "Expected an operator", 11},
                new Object[] {"{ $.ms > fast }", "Operator > needs a number, not 'fast'", 10},
                new Object[] {"{ $.ms > 1 && }", "Expected a selector", 15},
                new Object[] {"{ ($.ms > 1 }", "Expected ')'", 13},
                new Object[] {"{ $.a IS MAYBE }", "Expected IS NULL, IS TRUE, IS FALSE or NOT EXISTS", 7},
                new Object[] {"{ $.a[x] = 1 }", "Expected an array index", 7},
                new Object[] {"{ $.a = 1 } extra", "Unexpected text after the closing '}'", 13},
                new Object[] {"[ip, ip]", "Field 'ip' is named twice", 6},
                new Object[] {"[ip, status = 4* || code = 5*]", "Condition on 'code', which is not a field", 21},
                new Object[] {"[ip, status", "Expected ',' or ']' but the pattern ended", 12},
                new Object[] {"[ip status]", "Expected an operator", 5},
                new Object[] {"[]", "Expected at least one field name", 2},
                new Object[] {"ab\"c", "A quote inside a term", 3});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidPatternsSayWhatAndWhere(String pattern, String problem, int column) {
        assertThatThrownBy(() -> FilterPattern.parse(pattern))
                .isInstanceOf(FilterPatternException.class)
                .hasMessageContaining(problem)
                .hasMessageEndingWith("at column " + column)
                .satisfies(e -> assertThat(((FilterPatternException) e).column()).isEqualTo(column));
    }

    @Test
    void indexHintIsTheLongestTextEveryMatchContains() {
        assertThat(FilterPattern.parse("ERROR Exception").indexHint()).contains("Exception");
        assertThat(FilterPattern.parse("?ERROR ?WARN").indexHint()).isEmpty();
        assertThat(FilterPattern.parse("ERROR -Retry").indexHint()).contains("ERROR");
        assertThat(FilterPattern.parse("%ERR.R%").indexHint()).isEmpty();
        assertThat(FilterPattern.parse("{ $.level = \"ERROR\" && $.ms > 100 }").indexHint()).contains("ERROR");
        assertThat(FilterPattern.parse("{ $.level IS NULL && $.ms > 100 }").indexHint()).contains("\"level\"");
        assertThat(FilterPattern.parse("{ $.lvl = \"*timeout*\" }").indexHint()).contains("timeout");
        assertThat(FilterPattern.parse("{ $.a = 1 || $.b = 2 }").indexHint()).isEmpty();
        assertThat(FilterPattern.parse("{ $.gone NOT EXISTS }").indexHint()).isEmpty();
        assertThat(FilterPattern.parse("[ip, request = \"*html*\", status = 404]").indexHint()).contains("html");
        assertThat(FilterPattern.parse("").indexHint()).isEmpty();
    }

    @Test
    void everyMatchHoldsTheIndexHint() {
        String message = "{\"level\":\"ERROR\",\"ms\":250}";
        FilterPattern p = FilterPattern.parse("{ $.level = \"ERROR\" && $.ms > 100 }");
        assertThat(p.matches(message)).isTrue();
        assertThat(message).contains(p.indexHint().orElseThrow());
    }
}
