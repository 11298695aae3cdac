package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.patterns.Dialect;
import dev.lambdaconsole.simulators.patterns.EventPattern;
import dev.lambdaconsole.simulators.patterns.Match;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FilterDocumentsTest {
    private static JsonNode json(String s) throws Exception { return Json.MAPPER.readTree(s); }

    private static EventPattern filter(String s) { return EventPattern.parse(s, Dialect.LAMBDA_FILTER); }

    @Test
    void anSqsBodyThatIsJsonIsMatchedAsJson() throws Exception {
        JsonNode record = json("{\"eventSource\":\"aws:sqs\",\"body\":\"{\\\"status\\\":\\\"PAID\\\"}\"}");
        assertThat(FilterDocuments.explain(List.of(filter("{\"body\":{\"status\":[\"PAID\"]}}")), record).matched()).isTrue();
        Match no = FilterDocuments.explain(List.of(filter("{\"body\":{\"status\":[\"NEW\"]}}")), record);
        assertThat(no.matched()).isFalse();
        assertThat(no.reason()).contains("body.status");
    }

    @Test
    void kinesisDataIsDecodedAndEachFilterSaysWhyItRefused() throws Exception {
        String data = Base64.getEncoder().encodeToString("{\"temp\":30}".getBytes());
        JsonNode record = json("{\"eventSource\":\"aws:kinesis\",\"kinesis\":{\"data\":\"" + data + "\"}}");
        assertThat(FilterDocuments.of(record).path("data").path("temp").asInt()).isEqualTo(30);
        Match no = FilterDocuments.explain(List.of(filter("{\"data\":{\"temp\":[{\"numeric\":[\">\",40]}]}}"),
                filter("{\"data\":{\"city\":[\"Oslo\"]}}")), record);
        assertThat(no.matched()).isFalse();
        assertThat(no.reason()).startsWith("filter 1: ").contains("; filter 2: ");
        assertThat(FilterDocuments.explain(List.of(), record).matched()).isTrue();
    }
}
