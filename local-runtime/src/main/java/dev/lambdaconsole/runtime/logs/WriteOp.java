package dev.lambdaconsole.runtime.logs;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** What the log store's writer thread takes from its queue: rows to write, a group to delete, a flush or stop. */
sealed interface WriteOp {
    record Events(List<LogEvent> events) implements WriteOp { }

    record Invocation(InvocationRecord record) implements WriteOp { }

    record AsyncRow(String function, String condition, String json, long at) implements WriteOp { }

    /** Work of another part of the engine (the metrics roll-up) in the writer's transaction. */
    record Work(StoreWork work) implements WriteOp { }

    /** Written in a batch of its own: ids and stream counts of the events around it stay right. */
    record DeleteGroup(String function) implements WriteOp { }

    /** Counted down once everything queued before it is written (or dropped) and indexed. */
    record Flush(CountDownLatch done) implements WriteOp { }

    record Stop() implements WriteOp { }

    /** Ends the writer's wait for more work to join a batch. */
    default boolean endsBatch() {
        return this instanceof Flush || this instanceof Stop;
    }
}
