package dev.lambdaconsole.runtime.services.cloudwatch;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.lambdaconsole.runtime.TestRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Smithy RPC v2 CBOR protocol, as the SDK for Java v2 (2.40 and later) sends it to CloudWatch: the operation in
 * the path, {@code Smithy-Protocol: rpc-v2-cbor}, timestamps as CBOR tag 1; answers and errors in CBOR.
 */
class CloudWatchCborTest {
    static final CBORFactory CBOR = new CBORFactory();
    @TempDir Path workspace;

    static byte[] statisticsRequest(Instant start, Instant end, int period) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("Namespace", "AWS/Lambda");
            g.writeStringField("MetricName", "Invocations");
            g.writeArrayFieldStart("Dimensions");
            g.writeStartObject();
            g.writeStringField("Name", "FunctionName");
            g.writeStringField("Value", "hello");
            g.writeEndObject();
            g.writeEndArray();
            g.writeFieldName("StartTime");
            g.writeTag(1);
            g.writeNumber(start.getEpochSecond() + 0.0);
            g.writeFieldName("EndTime");
            g.writeTag(1);
            g.writeNumber(end.getEpochSecond() + 0.0);
            g.writeNumberField("Period", period);
            g.writeArrayFieldStart("Statistics");
            g.writeString("Sum");
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    static HttpResponse<byte[]> post(String url, String operation, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/service/GraniteServiceVersion20100801/operation/" + operation))
                .header("Smithy-Protocol", "rpc-v2-cbor").header("Content-Type", "application/cbor")
                .header("Accept", "application/cbor")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=k/20261204/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void getMetricStatisticsAndItsErrorsInCbor() throws Exception {
        try (TestRuntime runtime = new TestRuntime(workspace)) {
            runtime.deploy("hello", "python3.12", "lambda_function.lambda_handler", "python/hello");
            Instant start = Instant.now().minus(Duration.ofMinutes(10));
            for (int i = 0; i < 3; i++) assertThat(runtime.invoke("hello", "{}").functionError()).isNull();
            Instant end = Instant.now().plus(Duration.ofMinutes(1));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<byte[]> r = post(runtime.url(), "GetMetricStatistics", statisticsRequest(start, end, 60));
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Smithy-Protocol")).hasValue("rpc-v2-cbor");
                assertThat(r.headers().firstValue("Content-Type")).hasValue("application/cbor");
                JsonNode body = new CBORMapper().readTree(r.body());
                double sum = 0;
                for (JsonNode d : body.get("Datapoints")) sum += d.get("Sum").asDouble();
                assertThat(sum).isEqualTo(3);
                assertThat(timestampTag(r.body())).as("Timestamp is tag 1 (epoch seconds)").isEqualTo(1);
            });

            HttpResponse<byte[]> bad = post(runtime.url(), "GetMetricStatistics", statisticsRequest(end, start, 60));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.headers().firstValue("x-amzn-query-error")).hasValue("InvalidParameterValue;Sender");
            JsonNode error = new CBORMapper().readTree(bad.body());
            assertThat(error.get("__type").asText()).endsWith("InvalidParameterValueException");
            assertThat(error.get("message").asText()).contains("StartTime must be less than");

            HttpResponse<byte[]> unknown = post(runtime.url(), "PutMetricAlarm", statisticsRequest(start, end, 60));
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(new CBORMapper().readTree(unknown.body()).get("message").asText())
                    .contains("GetMetricData, GetMetricStatistics, ListMetrics");
        }
    }

    /** The tag on the first Timestamp value of the answer. */
    static int timestampTag(byte[] body) throws Exception {
        try (CBORParser p = (CBORParser) CBOR.createParser(body)) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals("Timestamp")) {
                    p.nextToken();
                    return p.getCurrentTag();
                }
            }
        }
        return -1;
    }
}
