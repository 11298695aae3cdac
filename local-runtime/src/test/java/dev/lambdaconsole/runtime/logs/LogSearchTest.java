package dev.lambdaconsole.runtime.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Substring search through the trigram index, keyset and offset paging, counts, and the version 2 migration. */
class LogSearchTest {
    @TempDir Path dir;
    static final String G = LogStore.groupOf("fn");

    private static List<String> messages(List<LogEvent> events) {
        return events.stream().map(LogEvent::message).toList();
    }

    private static LogEvent event(int i, String message) {
        return LogEvent.of(G, i % 2 == 0 ? "even" : "odd", 1_000 + i, "r" + i, message);
    }

    private static final List<String> TEXTS = List.of(
            "Payment FAILED for order 7",
            "payment failed: card declined",
            "he said \"stop\" twice",
            "100% done",
            "100 percent",
            "file_name.txt written",
            "filename.txt written",
            "back\\slash path",
            "ünïcode ärger",
            "x");

    private SqliteLogStore storeWithTexts(Path file) {
        return storeWithTexts(new SqliteLogStore(file));
    }

    private SqliteLogStore storeWithTexts(SqliteLogStore store) {
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) events.add(event(i, TEXTS.get(i)));
        store.append(events);
        store.append(List.of(LogEvent.of(LogStore.groupOf("other"), "s", 5, "o", "payment failed elsewhere")));
        store.flush();
        return store;
    }

    private static List<String> search(LogStore store, String text, boolean matchCase) {
        return messages(store.query(LogQuery.group(G).withContains(text).withMatchCase(matchCase)));
    }

    @Test
    void substringSearchIgnoresAsciiCaseUnlessAskedAndTakesWildcardsAndQuotesLiterally() {
        try (SqliteLogStore store = storeWithTexts(dir.resolve("logs.db"))) {
            assertThat(search(store, "payment failed", false))
                    .containsExactly("Payment FAILED for order 7", "payment failed: card declined");
            assertThat(search(store, "payment failed", true)).containsExactly("payment failed: card declined");
            assertThat(search(store, "\"stop\"", false)).containsExactly("he said \"stop\" twice");
            assertThat(search(store, "00% ", false)).containsExactly("100% done");
            assertThat(search(store, "e_n", false)).containsExactly("file_name.txt written");
            assertThat(search(store, "k\\s", false)).containsExactly("back\\slash path");
            assertThat(search(store, "ÄRGER", false)).as("non-ASCII letters keep their case, as LIKE does").isEmpty();
            assertThat(search(store, "äRGER", false)).containsExactly("ünïcode ärger");
            assertThat(search(store, "R ORD", false)).containsExactly("Payment FAILED for order 7");
            assertThat(store.count(LogQuery.group(G).withContains("PAYMENT"))).isEqualTo(2);
        }
    }

    @Test
    void oneAndTwoCharacterSearchesScanWithTheSameRules() {
        try (SqliteLogStore store = storeWithTexts(dir.resolve("logs.db"))) {
            assertThat(search(store, "%", false)).containsExactly("100% done");
            assertThat(search(store, "_", false)).containsExactly("file_name.txt written");
            assertThat(search(store, "\"", false)).containsExactly("he said \"stop\" twice");
            assertThat(search(store, "Y", false)).containsExactly("Payment FAILED for order 7",
                    "payment failed: card declined");
            assertThat(search(store, "Y", true)).isEmpty();
            assertThat(search(store, "7", false)).containsExactly("Payment FAILED for order 7");
            assertThat(search(store, "PA", false)).containsExactly("Payment FAILED for order 7",
                    "payment failed: card declined", "back\\slash path");
            assertThat(store.count(LogQuery.group(G).withContains("%"))).isEqualTo(1);
        }
    }

    @Test
    void eventsNotIndexedYetAreFoundLikeIndexedOnes() {
        // a writer that never indexes when idle: without a flush, the two new events stay out of the index
        try (SqliteLogStore store = storeWithTexts(new SqliteLogStore(dir.resolve("logs.db"), Long.MAX_VALUE))) {
            store.append(List.of(event(20, "late payment FAILED too")));
            store.append(List.of(event(21, "another")));
            org.awaitility.Awaitility.await().until(() -> store.count(LogQuery.group(G)) == TEXTS.size() + 2);
            assertThat(store.indexedTo()).isEqualTo(TEXTS.size() + 1);
            List<String> found = search(store, "payment failed", false);
            assertThat(found).containsExactly("Payment FAILED for order 7", "payment failed: card declined",
                    "late payment FAILED too");
            store.flush();
            assertThat(store.indexedTo()).isEqualTo(TEXTS.size() + 3);
            assertThat(search(store, "payment failed", false)).isEqualTo(found);
            assertThat(messages(store.query(LogQuery.group(G).withContains("payment failed").descending().withLimit(2))))
                    .containsExactly("late payment FAILED too", "payment failed: card declined");
        }
    }

    @Test
    void keysetAndOffsetPagesAreStableAndCountsMatch() {
        try (SqliteLogStore store = new SqliteLogStore(dir.resolve("logs.db"))) {
            List<LogEvent> events = new ArrayList<>();
            for (int i = 0; i < 1000; i++) events.add(event(i, "line " + i + (i % 10 == 0 ? " tenth" : "")));
            store.append(events);
            store.flush();
            LogQuery tenths = LogQuery.group(G).withContains("tenth").withLimit(30);
            assertThat(store.count(tenths)).isEqualTo(100);

            List<LogEvent> all = new ArrayList<>();
            long after = 0;
            while (true) {
                List<LogEvent> page = store.query(tenths.after(after));
                if (page.isEmpty()) break;
                all.addAll(page);
                after = page.get(page.size() - 1).id();
            }
            assertThat(all).hasSize(100).extracting(LogEvent::id).isSorted().doesNotHaveDuplicates();
            assertThat(all.get(99).message()).isEqualTo("line 990 tenth");

            assertThat(store.query(tenths.skip(95))).extracting(LogEvent::message)
                    .containsExactly("line 950 tenth", "line 960 tenth", "line 970 tenth", "line 980 tenth", "line 990 tenth");
            assertThat(store.query(tenths.descending().withLimit(2))).extracting(LogEvent::message)
                    .containsExactly("line 990 tenth", "line 980 tenth");
            long ceiling = all.get(50).id();
            assertThat(store.count(tenths.before(ceiling))).isEqualTo(50);
            assertThat(store.query(tenths.before(ceiling).descending().withLimit(1))).extracting(LogEvent::message)
                    .containsExactly("line 490 tenth");

            LogQuery odd = LogQuery.group(G).withStream("odd").withLimit(10);
            assertThat(store.count(odd)).isEqualTo(500);
            assertThat(store.count(odd.before(all.get(50).id()))).isEqualTo(250);
            assertThat(store.query(odd.skip(10))).extracting(LogEvent::message).first().isEqualTo("line 21");
            assertThat(store.count(LogQuery.group(G).withRange(1_500L, null))).isEqualTo(500);
            assertThat(store.query(LogQuery.group(G).withRange(1_500L, 1_502L))).extracting(LogEvent::message)
                    .containsExactly("line 500 tenth", "line 501", "line 502");
            assertThat(store.count(LogQuery.group(G).withRange(1_500L, null).withContains("tenth"))).isEqualTo(50);
            assertThat(store.lastEventId()).isEqualTo(events.size());
        }
    }

    @Test
    void deletingAGroupRemovesItFromTheIndexAndReusedIdsAreSearchable() throws SQLException {
        Path file = dir.resolve("logs.db");
        try (SqliteLogStore store = storeWithTexts(file)) {
            store.deleteGroup("other");
            store.deleteGroup("fn");
            store.flush();
            assertThat(store.count(LogQuery.group(G))).isZero();
            store.append(List.of(event(1, "fresh payment failed line")));
            store.flush();
            assertThat(search(store, "payment failed", false)).containsExactly("fresh payment failed line");
            assertThat(search(store, "card declined", false)).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(ftsCount(c, "declined")).as("deleted events leave the index").isZero();
            assertThat(ftsCount(c, "fresh payment")).isEqualTo(1);
            assertThat(EventQueries.ftsQuery("say \"hi\"!")).isEqualTo("\"say\" AND \" \"\"h\" AND \"i\"\"!\"");
        }
    }

    private static long ftsCount(Connection c, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM log_events_fts WHERE log_events_fts MATCH ?")) {
            ps.setString(1, EventQueries.ftsQuery(text));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aVersion2StoreKeepsItsEventsAndGetsItsIndexBuilt() throws SQLException {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            LogSchema.createVersion2(s);
            s.execute("PRAGMA user_version = 2");
            s.execute("INSERT INTO log_groups VALUES (1, '" + G + "')");
            s.execute("INSERT INTO log_streams VALUES (1, 1, 'old-stream', 10, 12, 3)");
            s.execute("INSERT INTO log_events VALUES (1, 1, 1, 10, 10, 'a', 'START RequestId: a'),"
                    + " (2, 1, 1, 11, 11, 'a', 'Needle In The Haystack'), (3, 1, 1, 12, 12, 'a', 'END RequestId: a')");
            s.execute("INSERT INTO invocations VALUES ('a', 'fn', 'old-stream', 10, 1.5, 2, 128, 30, NULL,"
                    + " 'SUCCESS', NULL, 'RequestResponse')");
        }
        try (SqliteLogStore store = new SqliteLogStore(file)) {
            store.flush();
            assertThat(search(store, "needle in", false)).containsExactly("Needle In The Haystack");
            assertThat(store.invocations("fn", 5)).extracting(InvocationRecord::requestId).containsExactly("a");
            assertThat(store.invocations("fn", 5)).extracting(InvocationRecord::executedVersion, InvocationRecord::architecture)
                    .as("a row written before versions existed reads as $LATEST").containsExactly(
                            org.assertj.core.groups.Tuple.tuple("$LATEST", "x86_64"));
            store.append(List.of(LogEvent.of(G, "old-stream", 13, "b", "new needle")));
            store.flush();
            assertThat(search(store, "needle", false)).containsExactly("Needle In The Haystack", "new needle");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertThat(single(s, "PRAGMA user_version")).isEqualTo(4);
            assertThat(single(s, "SELECT value FROM store_state WHERE key = 'fts_indexed_to'")).isEqualTo(4);
            assertThat(ftsCount(c, "needle")).as("both events are in the trigram index").isEqualTo(2);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }
}
