package dev.lambdaconsole.simulators.streams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.util.Json;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Kinesis data streams and DynamoDB table streams in one SQLite file ({@value #FILE} in the services' state folder,
 * WAL mode): streams, their shards, and their records, each append one transaction, so a record is either fully
 * there or not at all after a crash (kill -9 included) and a reopened store continues where it stopped.
 *
 * <p>Sequence numbers are {@value #SEQUENCE_DIGITS}-digit decimal strings: "49", the record's row id (34 digits,
 * allotted under SQLite's write lock, so it grows across every process writing the file) and the shard's index (20
 * digits). They increase per shard, and string order is numeric order. A shard's starting sequence number is below
 * all of its records. Records older than the stream's retention are not returned and are deleted on the next append.
 *
 * <p>Listeners ({@link #onAppend}) run after the commit. Appends through this store call them at once; appends by
 * another connection (the {@code dynamodb-streams put} command in another process) are seen by a watcher thread
 * that checks {@code PRAGMA data_version} every {@link #DEFAULT_WATCH_INTERVAL} (it changes only when another
 * connection commits) and then fires the listeners of the streams that got rows past the last id it saw.
 */
public final class StreamStore implements StreamReader, AutoCloseable {
    public static final String FILE = "streams.db";
    public static final int SEQUENCE_DIGITS = 56;
    public static final int DEFAULT_RETENTION_HOURS = 24;
    public static final Duration DEFAULT_WATCH_INTERVAL = Duration.ofMillis(200);
    static final BigInteger HASH_LIMIT = BigInteger.ONE.shiftLeft(128);
    private static final Logger LOG = Logger.getLogger(StreamStore.class.getName());

    private final Path file;
    private final Connection db;
    private final Clock clock;
    private final Duration watchInterval;
    private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();
    private ScheduledExecutorService watcher;
    private long seenId;
    private long dataVersion;
    /** Ids this store appended since the watcher last looked (their listeners already ran). */
    private final List<long[]> ownIds = new ArrayList<>();

    /** A stream to create. {@code mode}, {@code viewType} and {@code label} as in {@link Stream}. */
    public record NewStream(String arn, String name, StreamInfo.Kind kind, int shardCount, String mode,
                            String viewType, String label) { }

    /**
     * A record to append: its hash key picks the shard. {@code dynamodb} builds DynamoDB's {@code dynamodb} member
     * once the sequence number and arrival time are known (null for Kinesis).
     */
    public record Append(BigInteger hashKey, String partitionKey, byte[] data, String eventName,
                         DynamoDbBody dynamodb, JsonNode userIdentity) { }

    @FunctionalInterface
    public interface DynamoDbBody {
        JsonNode build(String sequenceNumber, Instant arrival);
    }

    /** The stream named in an append or a change is not (or no longer) in the store. */
    public static final class UnknownStreamException extends RuntimeException {
        public UnknownStreamException(String arn) { super("No stream " + arn); }
    }

    public static StreamStore open(Path file) {
        return new StreamStore(file, Clock.systemUTC(), DEFAULT_WATCH_INTERVAL);
    }

    /** For tests: a clock to age records, a watcher interval. */
    public StreamStore(Path file, Clock clock, Duration watchInterval) {
        this.file = file.toAbsolutePath();
        this.clock = clock;
        this.watchInterval = watchInterval;
        try {
            Files.createDirectories(this.file.getParent());
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL); // WAL + NORMAL: durable against process crashes
            config.setBusyTimeout(10_000);
            db = config.createConnection("jdbc:sqlite:" + this.file);
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS streams (arn TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,"
                        + " status TEXT NOT NULL, mode TEXT, view_type TEXT, label TEXT, retention_hours INTEGER NOT NULL,"
                        + " created_ms INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS shards (arn TEXT NOT NULL, shard_id TEXT NOT NULL, idx INTEGER NOT NULL,"
                        + " start_hash TEXT NOT NULL, end_hash TEXT NOT NULL, start_seq TEXT NOT NULL, PRIMARY KEY (arn, shard_id))");
                s.execute("CREATE TABLE IF NOT EXISTS records (id INTEGER PRIMARY KEY AUTOINCREMENT, arn TEXT NOT NULL,"
                        + " shard_id TEXT NOT NULL, seq TEXT NOT NULL, arrival_ms INTEGER NOT NULL, partition_key TEXT,"
                        + " data BLOB, event_name TEXT, dynamodb TEXT, user_identity TEXT)");
                s.execute("CREATE INDEX IF NOT EXISTS records_by_shard ON records (arn, shard_id, seq)");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot open the stream store " + this.file + ": " + e.getMessage()
                    + ". The file may be damaged (delete it to start afresh).", e);
        }
    }

    public Path file() { return file; }

    public Clock clock() { return clock; }

    // ---- streams ---------------------------------------------------------------------------------------------

    /** Creates a stream with its shards; false when one with this ARN exists. */
    public synchronized boolean create(NewStream s) {
        if (s.shardCount() < 1) throw new IllegalArgumentException("A stream needs at least one shard");
        return write(() -> {
            if (loadStream(s.arn()) != null) return false;
            try (PreparedStatement p = db.prepareStatement("INSERT INTO streams VALUES (?,?,?,?,?,?,?,?,?)")) {
                p.setString(1, s.arn());
                p.setString(2, s.name());
                p.setString(3, s.kind().name());
                p.setString(4, s.kind() == StreamInfo.Kind.KINESIS ? "ACTIVE" : "ENABLED");
                p.setString(5, s.mode());
                p.setString(6, s.viewType());
                p.setString(7, s.label());
                p.setInt(8, DEFAULT_RETENTION_HOURS);
                p.setLong(9, clock.millis());
                p.executeUpdate();
            }
            long lastId = lastId();
            BigInteger n = BigInteger.valueOf(s.shardCount());
            try (PreparedStatement p = db.prepareStatement("INSERT INTO shards VALUES (?,?,?,?,?,?)")) {
                for (int i = 0; i < s.shardCount(); i++) {
                    BigInteger start = HASH_LIMIT.multiply(BigInteger.valueOf(i)).divide(n);
                    BigInteger end = HASH_LIMIT.multiply(BigInteger.valueOf(i + 1)).divide(n).subtract(BigInteger.ONE);
                    p.setString(1, s.arn());
                    p.setString(2, shardId(s.kind(), s.arn(), i));
                    p.setInt(3, i);
                    p.setString(4, start.toString());
                    p.setString(5, end.toString());
                    p.setString(6, sequence(lastId, i));
                    p.addBatch();
                }
                p.executeBatch();
            }
            return true;
        });
    }

    /** Deletes a stream and its records; false when there was none. */
    public synchronized boolean delete(String arn) {
        return write(() -> {
            int n;
            try (PreparedStatement p = db.prepareStatement("DELETE FROM streams WHERE arn = ?")) {
                p.setString(1, arn);
                n = p.executeUpdate();
            }
            for (String table : List.of("shards", "records")) {
                try (PreparedStatement p = db.prepareStatement("DELETE FROM " + table + " WHERE arn = ?")) {
                    p.setString(1, arn);
                    p.executeUpdate();
                }
            }
            return n > 0;
        });
    }

    public synchronized Optional<Stream> stream(String arn) {
        return Optional.ofNullable(query(() -> loadStream(arn)));
    }

    /** The streams of one kind, by name. */
    public synchronized List<Stream> streams(StreamInfo.Kind kind) {
        return query(() -> {
            List<String> arns = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT arn FROM streams WHERE kind = ? ORDER BY name, created_ms")) {
                p.setString(1, kind.name());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) arns.add(r.getString(1));
                }
            }
            List<Stream> out = new ArrayList<>();
            for (String arn : arns) {
                Stream s = loadStream(arn);
                if (s != null) out.add(s);
            }
            return out;
        });
    }

    /** Sets how long the stream keeps records; false when there is no such stream. */
    public synchronized boolean setRetention(String arn, int hours) {
        return write(() -> {
            try (PreparedStatement p = db.prepareStatement("UPDATE streams SET retention_hours = ? WHERE arn = ?")) {
                p.setInt(1, hours);
                p.setString(2, arn);
                return p.executeUpdate() > 0;
            }
        });
    }

    // ---- records ---------------------------------------------------------------------------------------------

    /** Appends records in one transaction, in order, and then tells the stream's listeners. */
    public List<StreamRecord> append(String arn, List<Append> records) {
        List<StreamRecord> appended;
        synchronized (this) {
            appended = write(() -> {
                Stream stream = loadStream(arn);
                if (stream == null) throw new UnknownStreamException(arn);
                long now = clock.millis();
                try (PreparedStatement p = db.prepareStatement("DELETE FROM records WHERE arn = ? AND arrival_ms < ?")) {
                    p.setString(1, arn);
                    p.setLong(2, now - stream.retentionHours() * 3_600_000L);
                    p.executeUpdate();
                }
                long id = lastId();
                long first = id + 1;
                Map<String, Long> lastArrival = new HashMap<>();
                List<StreamRecord> out = new ArrayList<>();
                try (PreparedStatement p = db.prepareStatement("INSERT INTO records VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                    for (Append a : records) {
                        Stream.Shard shard = stream.shardFor(a.hashKey());
                        long arrivalMs = Math.max(now, lastArrival.computeIfAbsent(shard.id(), k -> newestArrival(arn, k)));
                        lastArrival.put(shard.id(), arrivalMs);
                        Instant arrival = Instant.ofEpochMilli(arrivalMs);
                        String seq = sequence(++id, shard.index());
                        JsonNode dynamodb = a.dynamodb() == null ? null : a.dynamodb().build(seq, arrival);
                        p.setLong(1, id);
                        p.setString(2, arn);
                        p.setString(3, shard.id());
                        p.setString(4, seq);
                        p.setLong(5, arrivalMs);
                        p.setString(6, a.partitionKey());
                        p.setBytes(7, a.data());
                        p.setString(8, a.eventName());
                        p.setString(9, dynamodb == null ? null : dynamodb.toString());
                        p.setString(10, a.userIdentity() == null ? null : a.userIdentity().toString());
                        p.addBatch();
                        out.add(new StreamRecord(shard.id(), seq, arrival, a.partitionKey(), a.data(), a.eventName(),
                                dynamodb, a.userIdentity()));
                    }
                    p.executeBatch();
                }
                if (watcher != null && !out.isEmpty()) ownIds.add(new long[] {first, id});
                return out;
            });
        }
        if (!appended.isEmpty()) fire(Set.of(arn));
        return appended;
    }

    @Override
    public Optional<StreamInfo> describe(String streamArn) {
        return stream(streamArn).map(Stream::info);
    }

    @Override
    public synchronized List<StreamRecord> read(String streamArn, String shardId, String afterSequence, int limit) {
        return query(() -> {
            List<StreamRecord> out = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT shard_id, seq, arrival_ms, partition_key, data, event_name,"
                    + " dynamodb, user_identity FROM records WHERE arn = ? AND shard_id = ? AND seq > ? AND arrival_ms >= ?"
                    + " ORDER BY seq LIMIT ?")) {
                p.setString(1, streamArn);
                p.setString(2, shardId);
                p.setString(3, afterSequence == null ? "" : afterSequence);
                p.setLong(4, cutoff(streamArn));
                p.setInt(5, Math.max(0, limit));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String dynamodb = r.getString(7);
                        String identity = r.getString(8);
                        out.add(new StreamRecord(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
                                r.getString(4), r.getBytes(5), r.getString(6),
                                dynamodb == null ? null : Json.MAPPER.readTree(dynamodb),
                                identity == null ? null : Json.MAPPER.readTree(identity)));
                    }
                } catch (IOException e) {
                    throw new SQLException("A stored record is not JSON: " + e.getMessage(), e);
                }
            }
            return out;
        });
    }

    @Override
    public synchronized String lastSequence(String streamArn, String shardId) {
        return query(() -> maxSequence(streamArn, shardId, Long.MAX_VALUE));
    }

    @Override
    public synchronized String sequenceBefore(String streamArn, String shardId, Instant time) {
        return query(() -> maxSequence(streamArn, shardId, time.toEpochMilli()));
    }

    /** When the shard's newest retained record arrived, if it has one. */
    public synchronized Optional<Instant> lastArrival(String streamArn, String shardId) {
        return Optional.ofNullable(query(() -> {
            try (PreparedStatement p = db.prepareStatement("SELECT MAX(arrival_ms) FROM records WHERE arn = ? AND shard_id = ?"
                    + " AND arrival_ms >= ?")) {
                p.setString(1, streamArn);
                p.setString(2, shardId);
                p.setLong(3, cutoff(streamArn));
                try (ResultSet r = p.executeQuery()) {
                    long ms = r.next() ? r.getLong(1) : 0;
                    return r.wasNull() ? null : Instant.ofEpochMilli(ms);
                }
            }
        }));
    }

    @Override
    public AutoCloseable onAppend(String streamArn, Runnable listener) {
        List<Runnable> list = listeners.computeIfAbsent(streamArn, k -> new CopyOnWriteArrayList<>());
        list.add(listener);
        startWatcher();
        return () -> list.remove(listener);
    }

    // ---- keys and sequence numbers ---------------------------------------------------------------------------

    /** Kinesis's hash key of a partition key: its MD5 as an unsigned 128-bit integer. */
    public static BigInteger hashKey(String partitionKey) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a hash key is in 0..2^128-1. */
    public static boolean validHashKey(BigInteger key) {
        return key.signum() >= 0 && key.compareTo(HASH_LIMIT) < 0;
    }

    /** Whether a string has the form of this store's sequence numbers. */
    public static boolean isSequenceNumber(String s) {
        return s != null && s.length() == SEQUENCE_DIGITS && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The sequence number just below {@code s} (so that reading after it starts at {@code s}). */
    public static String previous(String s) {
        BigInteger n = new BigInteger(s);
        if (n.signum() == 0) return null;
        String text = n.subtract(BigInteger.ONE).toString();
        return "0".repeat(SEQUENCE_DIGITS - text.length()) + text;
    }

    /**
     * Kinesis's shard ids ({@code shardId-000000000000}); DynamoDB Streams' are longer (its API requires 28 to 65
     * characters, e.g. {@code shardId-00000001414576573621-f55eea83}): the index in 20 digits and 8 hex digits of
     * the stream's ARN.
     */
    static String shardId(StreamInfo.Kind kind, String arn, int index) {
        if (kind == StreamInfo.Kind.KINESIS) return String.format("shardId-%012d", index);
        return String.format("shardId-%020d-%08x", index, arn.hashCode());
    }

    static String sequence(long id, int shardIndex) {
        return "49" + String.format("%034d%020d", id, shardIndex);
    }

    // ---- the watcher -----------------------------------------------------------------------------------------

    private synchronized void startWatcher() {
        if (watcher != null) return;
        query(() -> {
            seenId = lastId();
            dataVersion = dataVersion();
            return null;
        });
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stream-store-watcher");
            t.setDaemon(true);
            return t;
        });
        long ms = watchInterval.toMillis();
        watcher.scheduleWithFixedDelay(this::watch, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void watch() {
        Set<String> arns;
        try {
            arns = changedByOthers();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Stream store watcher", e);
            return;
        }
        if (!arns.isEmpty()) fire(arns);
    }

    /** The streams another connection appended to since the last look (row ids past {@link #seenId}, not ours). */
    private synchronized Set<String> changedByOthers() {
        if (db == null) return Set.of();
        return query(() -> {
            long max = lastId(); // read before data_version: every id up to it is ours or seen if the version held
            long version = dataVersion();
            Set<String> arns = new LinkedHashSet<>();
            if (version != dataVersion) {
                try (PreparedStatement p = db.prepareStatement("SELECT id, arn FROM records WHERE id > ? ORDER BY id")) {
                    p.setLong(1, seenId);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            long id = r.getLong(1);
                            max = Math.max(max, id);
                            if (!own(id)) arns.add(r.getString(2));
                        }
                    }
                }
                dataVersion = version;
            }
            seenId = Math.max(seenId, max);
            ownIds.removeIf(range -> range[1] <= seenId);
            return arns;
        });
    }

    private boolean own(long id) {
        for (long[] range : ownIds) if (id >= range[0] && id <= range[1]) return true;
        return false;
    }

    private void fire(Set<String> arns) {
        for (String arn : arns) {
            for (Runnable l : listeners.getOrDefault(arn, List.of())) {
                try {
                    l.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A stream listener failed", e);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) watcher.shutdownNow();
        try {
            db.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing the stream store", e);
        }
    }

    // ---- SQL helpers -----------------------------------------------------------------------------------------

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private <T> T query(Sql<T> sql) {
        try {
            return sql.run();
        } catch (SQLException e) {
            throw new IllegalStateException("The stream store " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** One write transaction, taking the write lock at its start (BEGIN IMMEDIATE) so two processes never deadlock. */
    private <T> T write(Sql<T> sql) {
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                T result = sql.run();
                s.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The stream store " + file + " failed: " + e.getMessage(), e);
        }
    }

    private Stream loadStream(String arn) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT name, kind, status, mode, view_type, label, retention_hours,"
                + " created_ms FROM streams WHERE arn = ?")) {
            p.setString(1, arn);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) return null;
                List<Stream.Shard> shards = new ArrayList<>();
                try (PreparedStatement q = db.prepareStatement("SELECT shard_id, idx, start_hash, end_hash, start_seq FROM shards"
                        + " WHERE arn = ? ORDER BY idx")) {
                    q.setString(1, arn);
                    try (ResultSet s = q.executeQuery()) {
                        while (s.next()) {
                            shards.add(new Stream.Shard(s.getString(1), s.getInt(2), new BigInteger(s.getString(3)),
                                    new BigInteger(s.getString(4)), s.getString(5)));
                        }
                    }
                }
                return new Stream(arn, r.getString(1), StreamInfo.Kind.valueOf(r.getString(2)), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(6), r.getInt(7), Instant.ofEpochMilli(r.getLong(8)),
                        List.copyOf(shards));
            }
        }
    }

    /** The oldest arrival still retained (ms); records of an unknown stream are never returned. */
    private long cutoff(String arn) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT retention_hours FROM streams WHERE arn = ?")) {
            p.setString(1, arn);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? clock.millis() - r.getInt(1) * 3_600_000L : Long.MAX_VALUE;
            }
        }
    }

    private String maxSequence(String arn, String shardId, long arrivedBeforeMs) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT MAX(seq) FROM records WHERE arn = ? AND shard_id = ?"
                + " AND arrival_ms >= ? AND arrival_ms < ?")) {
            p.setString(1, arn);
            p.setString(2, shardId);
            p.setLong(3, cutoff(arn));
            p.setLong(4, arrivedBeforeMs);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private long newestArrival(String arn, String shardId) {
        return query(() -> {
            try (PreparedStatement p = db.prepareStatement("SELECT MAX(arrival_ms) FROM records WHERE arn = ? AND shard_id = ?")) {
                p.setString(1, arn);
                p.setString(2, shardId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            }
        });
    }

    private long lastId() throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'records'")) {
            return r.next() ? r.getLong(1) : 0L;
        }
    }

    private long dataVersion() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA data_version")) {
            return r.next() ? r.getLong(1) : 0L;
        }
    }
}
