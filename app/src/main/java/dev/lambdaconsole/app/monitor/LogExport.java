package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogQuery;
import dev.lambdaconsole.runtime.logs.LogStore;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Streams the events of a view from the store into a text file, a page at a time (never all in memory). */
final class LogExport {
    private static final int PAGE = 5_000;

    interface Progress {
        void lines(long written, double fraction);
    }

    private LogExport() { }

    /** Writes events at hand (a filter pattern or regex view) to {@code file}, through a temporary file. */
    static long write(List<LogEvent> events, Path file) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".export-", ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (LogEvent e : events) {
                    out.write(LogLines.line(e));
                    out.newLine();
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            return events.size();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes every event matching {@code filter} up to event id {@code ceiling} to {@code file} (through a
     * temporary file beside it, so a failed export leaves no half file); returns the number of lines.
     */
    static long write(LogStore store, LogQuery filter, long ceiling, long expected, Path file, Progress progress)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".export-", ".tmp");
        long written = 0;
        try {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                LogQuery page = filter.filterOnly().before(ceiling + 1).withLimit(PAGE);
                long after = 0;
                while (true) {
                    List<LogEvent> rows = store.query(page.after(after));
                    for (LogEvent e : rows) {
                        out.write(LogLines.line(e));
                        out.newLine();
                    }
                    written += rows.size();
                    if (rows.size() < PAGE) break;
                    after = rows.get(rows.size() - 1).id();
                    progress.lines(written, expected == 0 ? -1 : Math.min(1, (double) written / expected));
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            return written;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
