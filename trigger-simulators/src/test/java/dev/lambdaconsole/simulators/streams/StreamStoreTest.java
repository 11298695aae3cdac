package dev.lambdaconsole.simulators.streams;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StreamStoreTest {
    static final String ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/orders";
    @TempDir Path dir;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    StreamStore open(Clock clock) {
        return new StreamStore(dir.resolve("streams.db"), clock, Duration.ofMillis(50));
    }

    static StreamStore.NewStream kinesis(int shards) {
        return new StreamStore.NewStream(ARN, "orders", StreamInfo.Kind.KINESIS, shards, "PROVISIONED", null, null);
    }

    static StreamStore.Append put(String key, String data) {
        return new StreamStore.Append(StreamStore.hashKey(key), key, data.getBytes(StandardCharsets.UTF_8), null, null, null);
    }

    @Test
    void shardsSplitTheHashSpaceEvenlyAsKinesisDoes() {
        try (StreamStore store = open(Clock.systemUTC())) {
            assertThat(store.create(kinesis(4))).isTrue();
            assertThat(store.create(kinesis(4))).as("a second stream of the same ARN").isFalse();
            List<Stream.Shard> shards = store.stream(ARN).orElseThrow().shards();
            assertThat(shards).extracting(Stream.Shard::id).containsExactly("shardId-000000000000", "shardId-000000000001",
                    "shardId-000000000002", "shardId-000000000003");
            assertThat(shards.get(1).startingHashKey()).isEqualTo(new BigInteger("85070591730234615865843651857942052864"));
            assertThat(shards.get(0).endingHashKey()).isEqualTo(new BigInteger("85070591730234615865843651857942052863"));
            assertThat(shards.get(3).endingHashKey()).isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
            assertThat(store.describe(ARN)).get().extracting(StreamInfo::shardIds).asList().hasSize(4);
        }
    }

    @Test
    void aRecordGoesToTheShardOwningTheMd5OfItsPartitionKey() {
        try (StreamStore store = open(Clock.systemUTC())) {
            store.create(kinesis(4));
            Stream stream = store.stream(ARN).orElseThrow();
            for (String key : List.of("a", "b", "customer-17", "zz")) {
                StreamRecord r = store.append(ARN, List.of(put(key, "x"))).get(0);
                BigInteger md5 = new BigInteger(1, md5(key));
                assertThat(stream.shard(r.shardId()).owns(md5)).as(key).isTrue();
            }
            // an explicit hash key in the last quarter lands in the last shard
            StreamRecord explicit = store.append(ARN, List.of(new StreamStore.Append(
                    BigInteger.ONE.shiftLeft(128).subtract(BigInteger.TEN), "k", new byte[] {1}, null, null, null))).get(0);
            assertThat(explicit.shardId()).isEqualTo("shardId-000000000003");
        }
    }

    static byte[] md5(String s) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void recordsOfAShardComeInOrderWithFixedLengthIncreasingSequenceNumbers() {
        try (StreamStore store = open(Clock.systemUTC())) {
            store.create(kinesis(1));
            List<StreamStore.Append> batch = new ArrayList<>();
            for (int i = 0; i < 12; i++) batch.add(put("k" + i, "r" + i));
            store.append(ARN, batch);
            store.append(ARN, List.of(put("late", "r12")));
            List<StreamRecord> all = store.read(ARN, "shardId-000000000000", null, 100);
            assertThat(all).extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
                    .containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12");
            for (int i = 1; i < all.size(); i++) {
                String a = all.get(i - 1).sequenceNumber();
                String b = all.get(i).sequenceNumber();
                assertThat(b).hasSize(StreamStore.SEQUENCE_DIGITS).isGreaterThan(a);
                assertThat(new BigInteger(b)).isGreaterThan(new BigInteger(a));
            }
            assertThat(store.stream(ARN).orElseThrow().shards().get(0).startingSequenceNumber()).isLessThan(
                    all.get(0).sequenceNumber());
            // paging with afterSequence and limit
            assertThat(store.read(ARN, "shardId-000000000000", all.get(4).sequenceNumber(), 3))
                    .extracting(StreamRecord::sequenceNumber)
                    .containsExactly(all.get(5).sequenceNumber(), all.get(6).sequenceNumber(), all.get(7).sequenceNumber());
            assertThat(store.lastSequence(ARN, "shardId-000000000000")).isEqualTo(all.get(12).sequenceNumber());
            assertThat(StreamStore.previous(all.get(3).sequenceNumber())).isLessThan(all.get(3).sequenceNumber())
                    .isGreaterThanOrEqualTo(all.get(2).sequenceNumber());
        }
    }

    @Test
    void recordsOlderThanTheRetentionAreNotReturnedAndAreTrimmed() {
        TestClock clock = new TestClock();
        try (StreamStore store = open(clock)) {
            store.create(kinesis(1));
            store.append(ARN, List.of(put("a", "old")));
            clock.now = clock.now.plus(Duration.ofHours(23));
            store.append(ARN, List.of(put("a", "newer")));
            String shard = "shardId-000000000000";
            assertThat(store.read(ARN, shard, null, 10)).hasSize(2);
            clock.now = clock.now.plus(Duration.ofHours(2)); // the first is 25 h old, the second 2 h
            assertThat(store.read(ARN, shard, null, 10)).extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
                    .containsExactly("newer");
            assertThat(store.sequenceBefore(ARN, shard, clock.now.minus(Duration.ofHours(30)))).isNull();
            assertThat(store.setRetention(ARN, 48)).isTrue();
            assertThat(store.read(ARN, shard, null, 10)).as("a longer retention shows what is not yet trimmed").hasSize(2);
            store.setRetention(ARN, 24);
            store.append(ARN, List.of(put("a", "third"))); // trims
            store.setRetention(ARN, 48);
            assertThat(store.read(ARN, shard, null, 10)).extracting(r -> new String(r.data(), StandardCharsets.UTF_8))
                    .containsExactly("newer", "third");
        }
    }

    @Test
    void sequenceBeforeATimeIsTheLastRecordThatArrivedEarlier() {
        TestClock clock = new TestClock();
        try (StreamStore store = open(clock)) {
            store.create(kinesis(1));
            String shard = "shardId-000000000000";
            StreamRecord first = store.append(ARN, List.of(put("a", "1"))).get(0);
            clock.now = clock.now.plusSeconds(10);
            StreamRecord second = store.append(ARN, List.of(put("a", "2"))).get(0);
            assertThat(second.arrival()).isEqualTo(clock.now);
            assertThat(store.sequenceBefore(ARN, shard, clock.now.minusSeconds(15))).isNull();
            assertThat(store.sequenceBefore(ARN, shard, clock.now.minusSeconds(5))).isEqualTo(first.sequenceNumber());
            assertThat(store.sequenceBefore(ARN, shard, clock.now)).isEqualTo(first.sequenceNumber());
            assertThat(store.sequenceBefore(ARN, shard, clock.now.plusSeconds(1))).isEqualTo(second.sequenceNumber());
            assertThat(store.lastArrival(ARN, shard)).contains(clock.now);
        }
    }

    @Test
    void streamsAndRecordsSurviveReopening() {
        String seq;
        try (StreamStore store = open(Clock.systemUTC())) {
            store.create(kinesis(2));
            seq = store.append(ARN, List.of(put("a", "kept"))).get(0).sequenceNumber();
        }
        try (StreamStore store = open(Clock.systemUTC())) {
            Stream s = store.stream(ARN).orElseThrow();
            assertThat(s.shards()).hasSize(2);
            String shard = s.shardFor(StreamStore.hashKey("a")).id();
            assertThat(store.read(ARN, shard, null, 10)).extracting(StreamRecord::sequenceNumber).containsExactly(seq);
            String next = store.append(ARN, List.of(put("a", "more"))).get(0).sequenceNumber();
            assertThat(next).isGreaterThan(seq);
            assertThat(store.delete(ARN)).isTrue();
            assertThat(store.stream(ARN)).isEmpty();
            assertThatThrownBy(() -> store.append(ARN, List.of(put("a", "x"))))
                    .isInstanceOf(StreamStore.UnknownStreamException.class);
        }
    }

    @Test
    void listenersHearAppendsOfThisStoreOnceAndOfAnotherConnectionWithinASecond() throws Exception {
        try (StreamStore store = open(Clock.systemUTC()); StreamStore other = open(Clock.systemUTC())) {
            store.create(kinesis(1));
            String otherArn = ARN + "-2";
            store.create(new StreamStore.NewStream(otherArn, "orders-2", StreamInfo.Kind.KINESIS, 1, "PROVISIONED", null, null));
            AtomicInteger heard = new AtomicInteger();
            AtomicInteger heardOther = new AtomicInteger();
            try (AutoCloseable l = store.onAppend(ARN, heard::incrementAndGet);
                 AutoCloseable l2 = store.onAppend(otherArn, heardOther::incrementAndGet)) {
                store.append(ARN, List.of(put("a", "1")));
                assertThat(heard).as("at once, after the commit").hasValue(1);
                Thread.sleep(300); // several watcher rounds: our own append is not heard again
                assertThat(heard).hasValue(1);
                other.append(ARN, List.of(put("a", "2"), put("b", "3")));
                await().atMost(Duration.ofSeconds(1)).until(() -> heard.get() == 2);
                assertThat(heardOther).as("another stream's listener").hasValue(0);
            }
            other.append(ARN, List.of(put("a", "4")));
            Thread.sleep(300);
            assertThat(heard).as("a closed listener hears nothing").hasValue(2);
        }
    }
}
