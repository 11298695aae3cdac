package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.runtime.logs.LogEvent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How log events read as text: in the viewer's rows and in copied or exported lines. */
public final class LogLines {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private LogLines() { }

    public static String timestamp(long epochMs) {
        return TIME.format(Instant.ofEpochMilli(epochMs));
    }

    /** One copied or exported line: local timestamp, a tab, the message as written. */
    public static String line(LogEvent e) {
        return timestamp(e.timestamp()) + "\t" + e.message();
    }

    /** The message on one row: tabs as spaces, line breaks as a visible mark, so that every row is one line. */
    public static String oneLine(String message) {
        if (message.indexOf('\t') < 0 && message.indexOf('\n') < 0 && message.indexOf('\r') < 0) return message;
        return message.replace("\r\n", " ⏎ ").replace('\r', ' ').replace("\n", " ⏎ ").replace("\t", "  ");
    }
}
