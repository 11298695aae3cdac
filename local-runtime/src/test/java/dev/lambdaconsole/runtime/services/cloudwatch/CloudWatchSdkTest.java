package dev.lambdaconsole.runtime.services.cloudwatch;

import dev.lambdaconsole.runtime.TestRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The SDK for Java v2's CloudWatchClient (which speaks RPC v2 CBOR to CloudWatch) against the shared endpoint: the
 * AWS/Lambda metrics of real invocations, and CloudWatch's errors as the SDK's exceptions.
 */
class CloudWatchSdkTest {
    @TempDir static Path workspace;
    static TestRuntime rt;
    static CloudWatchClient cloudWatch;
    static Instant start;
    static Instant end;

    @BeforeAll
    static void start() {
        rt = new TestRuntime(workspace);
        rt.deploy("hello", "python3.12", "lambda_function.lambda_handler", "python/hello");
        start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        for (int i = 0; i < 4; i++) assertThat(rt.invoke("hello", "{}").functionError()).isNull();
        end = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(5));
        cloudWatch = CloudWatchClient.builder().endpointOverride(URI.create(rt.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        await().atMost(Duration.ofSeconds(10)).until(() -> invocations() == 4);
    }

    @AfterAll
    static void stop() {
        if (cloudWatch != null) cloudWatch.close();
        if (rt != null) rt.close();
    }

    static double invocations() {
        GetMetricStatisticsResponse r = cloudWatch.getMetricStatistics(b -> b.namespace("AWS/Lambda")
                .metricName("Invocations").dimensions(Dimension.builder().name("FunctionName").value("hello").build())
                .startTime(start).endTime(end).period(60).statistics(Statistic.SUM));
        return r.datapoints().stream().mapToDouble(Datapoint::sum).sum();
    }

    @Test
    void getMetricStatisticsGivesTheInvocationsMadeAndTheirDurations() {
        assertThat(invocations()).isEqualTo(4.0);
        GetMetricStatisticsResponse duration = cloudWatch.getMetricStatistics(b -> b.namespace("AWS/Lambda")
                .metricName("Duration").dimensions(Dimension.builder().name("FunctionName").value("hello").build())
                .startTime(start).endTime(end).period(600).statistics(Statistic.SAMPLE_COUNT, Statistic.MAXIMUM));
        assertThat(duration.label()).isEqualTo("Duration");
        assertThat(duration.datapoints()).singleElement().satisfies(d -> {
            assertThat(d.sampleCount()).isEqualTo(4.0);
            assertThat(d.maximum()).isPositive();
            assertThat(d.unitAsString()).isEqualTo("Milliseconds");
        });
    }

    @Test
    void getMetricDataAndListMetrics() {
        GetMetricDataResponse data = cloudWatch.getMetricData(b -> b.startTime(start).endTime(end)
                .metricDataQueries(q -> q.id("calls").metricStat(s -> s.period(60).stat("Sum")
                        .metric(m -> m.namespace("AWS/Lambda").metricName("Invocations")
                                .dimensions(Dimension.builder().name("FunctionName").value("hello").build())))));
        MetricDataResult calls = data.metricDataResults().get(0);
        assertThat(calls.id()).isEqualTo("calls");
        assertThat(calls.statusCode()).isEqualTo(StatusCode.COMPLETE);
        assertThat(calls.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(4.0);
        assertThat(calls.timestamps()).hasSameSizeAs(calls.values());

        assertThat(cloudWatch.listMetrics(b -> b.namespace("AWS/Lambda").metricName("Invocations")).metrics())
                .extracting(Metric::dimensions)
                .contains(java.util.List.of(Dimension.builder().name("FunctionName").value("hello").build()));
    }

    @Test
    void badRequestsGiveCloudWatchsErrors() {
        assertThatThrownBy(() -> cloudWatch.getMetricStatistics(b -> b.namespace("AWS/Lambda").metricName("Invocations")
                .startTime(start).endTime(end).period(7).statistics(Statistic.SUM)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("Period").contains("multiple of 60");
                });
        assertThatThrownBy(() -> cloudWatch.getMetricStatistics(b -> b.namespace("AWS/Lambda").metricName("Invocations")
                .startTime(end).endTime(start).period(60).statistics(Statistic.SUM)))
                .isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("StartTime must be less than"));
    }
}
