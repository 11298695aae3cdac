package dev.lambdaconsole.app.services.streams;

import dev.lambdaconsole.simulators.mappings.Delivery;
import dev.lambdaconsole.simulators.mappings.Mapping;
import dev.lambdaconsole.simulators.mappings.MappingService;
import dev.lambdaconsole.simulators.streams.Stream;
import dev.lambdaconsole.simulators.streams.StreamReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A shard of a Kinesis or DynamoDB stream: its hash keys, its first and latest sequence numbers, and where each
 * event source mapping reading the stream stands in it (its last batch's sequence number and iterator age).
 *
 * @param latestSequence the newest record's sequence number, "" when the shard is empty
 * @param readers        per mapping: "function: at …, iterator age … ms", "" when no mapping reads the stream
 */
public record ShardRow(String shardId, String hashKeyRange, String startingSequence, String latestSequence,
                       String readers) {

    /** The rows of a stream's shards, read now (blocking: call in the background). */
    static List<ShardRow> of(String arn, List<Stream.Shard> shards, StreamReader reader,
                             Optional<MappingService> mappings) {
        List<Mapping> readers = mappings.map(m -> m.list().stream()
                .filter(x -> arn.equals(x.eventSourceArn())).toList()).orElse(List.of());
        List<ShardRow> rows = new ArrayList<>();
        for (Stream.Shard s : shards) {
            String last = reader.lastSequence(arn, s.id());
            List<String> positions = new ArrayList<>();
            for (Mapping m : readers) {
                List<Delivery> batches = mappings.get().deliveries().recent(m.uuid()).stream()
                        .filter(d -> s.id().equals(d.shardId())).toList();
                if (batches.isEmpty()) {
                    positions.add(m.functionName() + ": no batch yet (" + m.startingPosition() + ", " + m.state() + ")");
                } else {
                    Delivery d = batches.get(batches.size() - 1);
                    positions.add(m.functionName() + ": at " + d.lastSequenceNumber() + ", iterator age "
                            + d.iteratorAgeMs() + " ms (" + d.result() + ")");
                }
            }
            rows.add(new ShardRow(s.id(), s.startingHashKey() + " – " + s.endingHashKey(), s.startingSequenceNumber(),
                    last == null ? "" : last, String.join("\n", positions)));
        }
        return rows;
    }
}
