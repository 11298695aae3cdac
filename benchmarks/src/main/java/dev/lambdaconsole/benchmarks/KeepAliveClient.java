package dev.lambdaconsole.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one keep-alive socket with TCP_NODELAY, so that a benchmark measures the
 * server rather than a client library. Returns the status and whether X-Amz-Function-Error was set.
 */
final class KeepAliveClient implements AutoCloseable {
    record Reply(int status, boolean functionError, String body) { }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] postHead;
    private final byte[] getHead;

    KeepAliveClient(URI uri, byte[] body) throws IOException {
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
        String common = " " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n";
        postHead = concat(("POST" + common + "Content-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
        getHead = ("GET" + common + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    Reply post() throws IOException { return exchange(postHead); }
    Reply get() throws IOException { return exchange(getHead); }

    private Reply exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        int length = 0;
        boolean functionError = false;
        String header;
        while (!(header = line()).isEmpty()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Integer.parseInt(header.substring(15).trim());
            if (lower.startsWith("x-amz-function-error:")) functionError = true;
        }
        byte[] body = in.readNBytes(length);
        return new Reply(Integer.parseInt(status.substring(9, 12)), functionError, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) throw new IOException("connection closed");
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException { socket.close(); }
}
