package dev.lambdaconsole.runtime.logs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Told, inside the writer's transaction, of the invocation records a batch has just inserted (e.g. the metrics
 * roll-up, which so counts each record exactly once). Runs in a savepoint of its own: a hook that fails loses only
 * its own changes, never the batch.
 *
 * @see SqliteLogStore#addInvocationHook(InvocationHook)
 */
public interface InvocationHook {
    void written(Connection writer, List<InvocationRecord> records) throws SQLException;
}
