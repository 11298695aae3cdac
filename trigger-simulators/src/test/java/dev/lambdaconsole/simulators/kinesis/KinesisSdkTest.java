package dev.lambdaconsole.simulators.kinesis;

import dev.lambdaconsole.runtime.serve.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamDescription;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK for Java v2's KinesisClient against a real `serve`, as it comes: it speaks CBOR (blobs as byte strings,
 * timestamps as tagged epoch milliseconds) unless told not to, and this test checks it did.
 */
class KinesisSdkTest {
    @TempDir static Path workspace;
    static ServeProcess serve;
    static final List<String> requestTypes = new CopyOnWriteArrayList<>();
    static final List<String> responseTypes = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    static KinesisClient client() throws Exception {
        ExecutionInterceptor contentTypes = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
                requestTypes.add(c.httpRequest().firstMatchingHeader("Content-Type").orElse(""));
            }

            @Override
            public void afterTransmission(Context.AfterTransmission c, ExecutionAttributes a) {
                responseTypes.add(c.httpResponse().firstMatchingHeader("Content-Type").orElse(""));
            }
        };
        return KinesisClient.builder().endpointOverride(URI.create(serve.url())).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(contentTypes))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"))).build();
    }

    @Test
    void theSdkSpeaksCborAndEveryOperationAnswersIt() throws Exception {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) i;
        try (KinesisClient kinesis = client()) {
            kinesis.createStream(b -> b.streamName("sdk").shardCount(3));
            StreamDescription d = kinesis.describeStream(b -> b.streamName("sdk")).streamDescription();
            assertThat(d.streamStatus()).isEqualTo(StreamStatus.ACTIVE);
            assertThat(d.shards()).hasSize(3);
            assertThat(d.retentionPeriodHours()).isEqualTo(24);
            assertThat(Duration.between(d.streamCreationTimestamp(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(2));
            assertThat(kinesis.describeStreamSummary(b -> b.streamARN(d.streamARN())).streamDescriptionSummary()
                    .openShardCount()).isEqualTo(3);
            assertThat(kinesis.listStreams(b -> { }).streamNames()).contains("sdk");
            assertThat(kinesis.listShards(b -> b.streamName("sdk")).shards()).hasSize(3);

            Instant before = Instant.now().minusSeconds(1);
            PutRecordResponse put = kinesis.putRecord(b -> b.streamName("sdk").partitionKey("p1")
                    .data(SdkBytes.fromByteArray(binary)));
            PutRecordsResponse batch = kinesis.putRecords(b -> b.streamARN(d.streamARN()).records(
                    PutRecordsRequestEntry.builder().partitionKey("p1").data(SdkBytes.fromUtf8String("second")).build(),
                    PutRecordsRequestEntry.builder().partitionKey("p1").data(SdkBytes.fromUtf8String("third")).build()));
            assertThat(batch.failedRecordCount()).isZero();
            assertThat(batch.records()).allSatisfy(r -> assertThat(r.shardId()).isEqualTo(put.shardId()));

            String it = kinesis.getShardIterator(b -> b.streamName("sdk").shardId(put.shardId())
                    .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(before)).shardIterator();
            GetRecordsResponse got = kinesis.getRecords(b -> b.shardIterator(it));
            List<Record> records = got.records();
            assertThat(records).extracting(Record::sequenceNumber).containsExactly(put.sequenceNumber(),
                    batch.records().get(0).sequenceNumber(), batch.records().get(1).sequenceNumber());
            assertThat(records.get(0).data().asByteArray()).isEqualTo(binary);
            assertThat(records.get(1).data().asUtf8String()).isEqualTo("second");
            assertThat(records.get(0).partitionKey()).isEqualTo("p1");
            assertThat(Duration.between(records.get(0).approximateArrivalTimestamp(), Instant.now()).abs())
                    .as("arrival read back as epoch milliseconds").isLessThan(Duration.ofMinutes(1));
            assertThat(got.millisBehindLatest()).isZero();
            assertThat(kinesis.getRecords(b -> b.shardIterator(got.nextShardIterator())).records()).isEmpty();

            String after = kinesis.getShardIterator(b -> b.streamName("sdk").shardId(put.shardId())
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .startingSequenceNumber(put.sequenceNumber())).shardIterator();
            assertThat(kinesis.getRecords(b -> b.shardIterator(after).limit(1)).records())
                    .extracting(r -> r.data().asUtf8String()).containsExactly("second");
            String future = kinesis.getShardIterator(b -> b.streamName("sdk").shardId(put.shardId())
                    .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(Instant.now().minusMillis(1))).shardIterator();
            assertThat(kinesis.getRecords(b -> b.shardIterator(future)).records()).isEmpty();

            kinesis.increaseStreamRetentionPeriod(b -> b.streamName("sdk").retentionPeriodHours(72));
            assertThat(kinesis.describeStreamSummary(b -> b.streamName("sdk")).streamDescriptionSummary()
                    .retentionPeriodHours()).isEqualTo(72);

            kinesis.createStream(b -> b.streamName("sdk-od").streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
            assertThat(kinesis.listShards(b -> b.streamName("sdk-od")).shards()).hasSize(4);
            kinesis.deleteStream(b -> b.streamName("sdk-od"));
        }
        assertThat(requestTypes).isNotEmpty().allSatisfy(t -> assertThat(t).isEqualTo("application/x-amz-cbor-1.1"));
        assertThat(responseTypes).isNotEmpty().allSatisfy(t -> assertThat(t).startsWith("application/x-amz-cbor-1.1"));
    }

    @Test
    void errorsComeBackAsTheSdksExceptionTypes() throws Exception {
        try (KinesisClient kinesis = client()) {
            kinesis.createStream(b -> b.streamName("sdk-errors").shardCount(1));
            assertThatThrownBy(() -> kinesis.createStream(b -> b.streamName("sdk-errors").shardCount(1)))
                    .isInstanceOf(ResourceInUseException.class).hasMessageContaining("already exists");
            assertThatThrownBy(() -> kinesis.describeStream(b -> b.streamName("none")))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("Stream none under account 000000000000 not found.")
                    .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(400));
            assertThatThrownBy(() -> kinesis.getShardIterator(b -> b.streamName("sdk-errors")
                    .shardId("shardId-000000000000").shardIteratorType(ShardIteratorType.AT_TIMESTAMP)
                    .timestamp(Instant.now().plusSeconds(3600))))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("cannot be greater than");
            String old = dev.lambdaconsole.simulators.streams.ShardIterators.encode(
                    "arn:aws:kinesis:us-east-1:000000000000:stream/sdk-errors", "shardId-000000000000", null,
                    Instant.now().minusSeconds(400));
            assertThatThrownBy(() -> kinesis.getRecords(b -> b.shardIterator(old)))
                    .isInstanceOf(ExpiredIteratorException.class);
        }
    }
}
