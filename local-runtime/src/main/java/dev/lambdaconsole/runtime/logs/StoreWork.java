package dev.lambdaconsole.runtime.logs;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work for the log store's one writer, run on its thread inside the transaction of the batch it joins (so the file
 * has one writer): e.g. the metrics roll-up. It runs in a savepoint of its own: if it fails, only its changes are
 * rolled back (and logged), never the events and records of the batch.
 *
 * @see SqliteLogStore#submit(StoreWork)
 */
public interface StoreWork {
    void run(Connection writer) throws SQLException;

    /** Called on the writer's thread once the batch that ran this work is committed. */
    default void committed() { }
}
