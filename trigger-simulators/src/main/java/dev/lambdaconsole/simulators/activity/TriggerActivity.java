package dev.lambdaconsole.simulators.activity;

import dev.lambdaconsole.simulators.mappings.Deliveries;
import dev.lambdaconsole.simulators.mappings.Delivery;
import dev.lambdaconsole.simulators.push.PushDeliveries;
import dev.lambdaconsole.simulators.push.PushDelivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one trigger (a function and a source ARN) delivered: the push deliveries of S3, SNS, EventBridge, schedules,
 * API Gateway, Function URLs and log subscriptions, and the batches of the event source mappings (SQS, Kinesis,
 * DynamoDB Streams), read as {@link ActivityEntry} rows, newest first, and live.
 *
 * <p>A push delivery changes state (queued, then success or retries exhausted); each state reaches listeners as an
 * entry with the same {@link ActivityEntry#key()}, which replaces the earlier one. A mapping's batches are never
 * updated: a retry is a new entry with a higher attempt count (for SQS, the messages' receive count).
 */
public final class TriggerActivity implements ActivityFeed {
    private final Supplier<PushDeliveries> push;
    private final Supplier<Optional<Deliveries>> mappings;
    private final Function<String, String> onFailureDestination;

    /**
     * @param onFailureDestination a function's asynchronous on-failure destination ARN, or null (none, or the
     *                             function is gone)
     */
    public TriggerActivity(Supplier<PushDeliveries> push, Supplier<Optional<Deliveries>> mappings,
                           Function<String, String> onFailureDestination) {
        this.push = push;
        this.mappings = mappings;
        this.onFailureDestination = onFailureDestination;
    }

    @Override
    public List<ActivityEntry> recent(String functionName, String sourceArn, int limit) {
        List<ActivityEntry> out = new ArrayList<>();
        Map<String, String> destinations = new HashMap<>();
        Function<String, String> cached = f -> destinations.computeIfAbsent(f, onFailureDestination);
        PushDeliveries p = push.get();
        if (p != null) {
            for (PushDelivery d : p.recent(d -> matches(d, functionName, sourceArn))) out.add(ActivityEntries.of(d, cached));
        }
        mappings.get().ifPresent(m -> {
            for (Delivery d : m.recent(null)) if (matches(d, functionName, sourceArn)) out.add(ActivityEntries.of(d));
        });
        out.sort(Comparator.comparingLong(ActivityEntry::timeEpochMs).reversed());
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    /** {@inheritDoc} The recording thread is a poller, an HTTP request or the asynchronous queue. */
    @Override
    public AutoCloseable subscribe(String functionName, String sourceArn, Consumer<ActivityEntry> listener) {
        List<AutoCloseable> subscriptions = new ArrayList<>();
        PushDeliveries p = push.get();
        if (p != null) {
            subscriptions.add(p.subscribe(d -> {
                if (matches(d, functionName, sourceArn)) listener.accept(ActivityEntries.of(d, onFailureDestination));
            }));
        }
        mappings.get().ifPresent(m -> subscriptions.add(m.subscribe(d -> {
            if (matches(d, functionName, sourceArn)) listener.accept(ActivityEntries.of(d));
        })));
        return () -> {
            for (AutoCloseable s : subscriptions) s.close();
        };
    }

    private static boolean matches(PushDelivery d, String functionName, String sourceArn) {
        return Objects.equals(sourceArn, d.sourceArn())
                && Objects.equals(functionName, ActivityEntries.functionName(d.functionName()));
    }

    private static boolean matches(Delivery d, String functionName, String sourceArn) {
        return Objects.equals(sourceArn, d.eventSourceArn())
                && Objects.equals(functionName, ActivityEntries.functionName(d.functionArn()));
    }
}
