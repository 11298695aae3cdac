package dev.lambdaconsole.simulators.mappings;

/** The background work of one enabled mapping. */
interface Poller extends AutoCloseable {
    void start();

    /** Stops polling; returns once no batch is in flight (or after a bounded wait). */
    @Override
    void close();
}
