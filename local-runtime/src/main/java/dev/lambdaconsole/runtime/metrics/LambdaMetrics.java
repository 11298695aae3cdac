package dev.lambdaconsole.runtime.metrics;

import dev.lambdaconsole.runtime.invoke.EngineEvents;
import dev.lambdaconsole.runtime.logs.SqliteLogStore;
import dev.lambdaconsole.runtime.logs.StoreWork;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * CloudWatch's AWS/Lambda metrics computed from what the engine records: the invocation records of the log store
 * (Invocations, Errors, Duration, concurrency, provisioned invocations) and the engine's events (Throttles,
 * asynchronous events, delivery failures, iterator ages), rolled up per minute into the log store's file as they are
 * written, so they survive restarts and a query reads minutes, not invocations. Records of power-tuning runs
 * (invocation type {@value Rollup#POWER_TUNING}) are left out.
 *
 * <p>Register {@link #engineEvents()} with {@code LambdaEngine.addEventListener}. Queries are plain blocking calls
 * (run them off the UI thread); {@link #subscribe} tells when new points are stored.
 */
public final class LambdaMetrics implements AutoCloseable {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LambdaMetrics.class.getName());

    private final SqliteLogStore store;
    private final Rollup rollup;
    private final MetricQueries queries;
    private final Runnable unhook;
    private final Runnable unsubscribe;
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean samplesQueued = new AtomicBoolean();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final EngineEvents events = new Recorder();

    private LambdaMetrics(SqliteLogStore store, Predicate<String> reserved) throws SQLException {
        this.store = store;
        this.rollup = new Rollup(reserved);
        CountDownLatch opened = new CountDownLatch(1);
        SQLException[] failure = new SQLException[1];
        store.submit(new StoreWork() {
            @Override public void run(Connection writer) throws SQLException {
                try {
                    rollup.open(writer);
                } catch (SQLException e) {
                    failure[0] = e;
                    throw e;
                }
            }

            @Override public void committed() { opened.countDown(); }
        });
        awaitOpen(opened);
        if (failure[0] != null) throw failure[0];
        this.unhook = store.addInvocationHook(rollup);
        this.unsubscribe = store.subscribeInvocations(records -> changed());
        this.queries = new MetricQueries(store.file());
    }

    /**
     * Metrics over {@code store}: creates their tables (rolling up the invocations already stored, once) and counts
     * every invocation stored from now on. {@code reservedConcurrency}: whether a function has reserved concurrency
     * (UnreservedConcurrentExecutions leaves those out).
     */
    public static LambdaMetrics attach(SqliteLogStore store, Predicate<String> reservedConcurrency) {
        try {
            return new LambdaMetrics(store, reservedConcurrency);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep metrics in " + store.file() + ": " + e.getMessage(), e);
        }
    }

    private static void awaitOpen(CountDownLatch opened) {
        try {
            if (!opened.await(5, TimeUnit.MINUTES)) throw new IllegalStateException("The log store did not open the metrics");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while opening the metrics", e);
        }
    }

    /** The listener to register with the engine: throttles, asynchronous events and iterator ages become samples. */
    public EngineEvents engineEvents() { return events; }

    /**
     * The datapoints of {@code series} in [{@code start}, {@code end}), one per period that has samples, oldest first,
     * stamped with the period's start (the range's start rounded down to the minute, then every period).
     * {@code percentiles} (e.g. 50.0, 99.0) are computed for durations and ages.
     */
    public List<Datapoint> statistics(MetricSeries series, Instant start, Instant end, Duration period,
                                      List<Double> percentiles) {
        try {
            return queries.statistics(series, start.toEpochMilli(), end.toEpochMilli(), (int) period.toSeconds(),
                    percentiles);
        } catch (SQLException e) {
            throw new IllegalStateException("Metric query failed: " + e.getMessage(), e);
        }
    }

    /** The series with data since {@code since} (ListMetrics), account-wide ones included. */
    public List<MetricSeries> series(Instant since) {
        try {
            return queries.series(since.toEpochMilli());
        } catch (SQLException e) {
            throw new IllegalStateException("Metric query failed: " + e.getMessage(), e);
        }
    }

    /**
     * Calls {@code listener} (on the log store's writer thread: it must return at once) after new points are stored;
     * returns its removal.
     */
    public Runnable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Waits until every sample and record given so far is rolled up (tests, benchmarks). */
    public void flush() {
        store.flush();
    }

    private void changed() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "A metrics listener failed (skipped)", e);
            }
        }
    }

    private void sample(LambdaMetric metric, String function, String qualifier, long atMs, double value) {
        samples.add(new Sample(metric, function, qualifier, atMs, value));
        if (samplesQueued.compareAndSet(false, true)) {
            store.submit(new StoreWork() {
                @Override public void run(Connection writer) throws SQLException {
                    samplesQueued.set(false);
                    List<Sample> batch = new ArrayList<>();
                    for (Sample s; (s = samples.poll()) != null; ) batch.add(s);
                    rollup.samples(writer, batch);
                }

                @Override public void committed() { changed(); }
            });
        }
    }

    /** Engine events as samples (counts of 1, ages in milliseconds). */
    private final class Recorder implements EngineEvents {
        @Override public void throttled(String f, String q, long at) { sample(LambdaMetric.Throttles, f, q, at, 1); }

        @Override public void asyncReceived(String f, String q, long at) {
            sample(LambdaMetric.AsyncEventsReceived, f, q, at, 1);
        }

        @Override public void asyncAttempted(String f, String q, long at, long ageMs) {
            sample(LambdaMetric.AsyncEventAge, f, q, at, ageMs);
        }

        @Override public void asyncDropped(String f, String q, long at, String condition) {
            sample(LambdaMetric.AsyncEventsDropped, f, q, at, 1);
        }

        @Override public void destinationDeliveryFailed(String f, String q, long at, String arn) {
            sample(LambdaMetric.DestinationDeliveryFailures, f, q, at, 1);
        }

        @Override public void iteratorAge(String f, String q, long at, long ageMs) {
            sample(LambdaMetric.IteratorAge, f, q, at, ageMs);
        }
    }

    @Override
    public void close() {
        unhook.run();
        unsubscribe.run();
        try {
            queries.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
