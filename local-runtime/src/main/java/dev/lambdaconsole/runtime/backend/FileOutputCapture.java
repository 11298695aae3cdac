package dev.lambdaconsole.runtime.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a runtime's output from the file its stdout and stderr append to. Because the runtime client
 * flushes before it posts a response, every line of an invocation is in the file when the response
 * arrives: reading up to the end of the file then is exact, with no race between pipe readers.
 */
public final class FileOutputCapture implements AutoCloseable {
    private static final long TRUNCATE_AT = 8L * 1024 * 1024;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();
    private long offset;

    public FileOutputCapture(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    public synchronized List<String> drain(boolean includePartial) {
        List<String> lines = new ArrayList<>();
        try {
            long size = channel.size();
            while (offset < size) {
                buffer.clear();
                int n = channel.read(buffer, offset);
                if (n <= 0) break;
                offset += n;
                split(buffer.array(), n, lines);
            }
            if (includePartial && partial.size() > 0) {
                lines.add(partial.toString(StandardCharsets.UTF_8));
                partial.reset();
            }
            if (offset > TRUNCATE_AT && partial.size() == 0) {
                channel.truncate(0); // the runtime appends (O_APPEND), so its next write lands at the new end
                offset = 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private void split(byte[] bytes, int length, List<String> lines) {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, start, i - start);
                lines.add(partial.toString(StandardCharsets.UTF_8));
                partial.reset();
                start = i + 1;
            }
        }
        partial.write(bytes, start, length - start);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is deleted with the environment's folder
        }
    }
}
