package dev.lambdaconsole.simulators.activity;

import java.util.List;
import java.util.function.Consumer;

/** The deliveries of one trigger (a function and a source ARN), as {@link TriggerActivity} gives them. */
public interface ActivityFeed {
    /** The newest {@code limit} deliveries of the trigger, newest first. */
    List<ActivityEntry> recent(String functionName, String sourceArn, int limit);

    /**
     * Calls {@code listener} with each new delivery of the trigger and each new state of one (same
     * {@link ActivityEntry#key()}), on the recording thread: it must not block. Closing stops it.
     */
    AutoCloseable subscribe(String functionName, String sourceArn, Consumer<ActivityEntry> listener);
}
