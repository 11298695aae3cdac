package dev.lambdaconsole.runtime.runtimeapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A minimal HTTP/1.1 client on one keep-alive socket, able to send chunked bodies with trailers. */
final class RawHttp implements AutoCloseable {
    record Reply(int status, Map<String, String> headers, String body) { }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(String address) throws IOException {
        String[] hp = address.split(":");
        socket = new Socket(hp[0], Integer.parseInt(hp[1]));
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    Reply send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) req.append("Content-Length: ").append(body.length).append("\r\n");
        req.append("\r\n");
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) out.write(body);
        out.flush();
        return read();
    }

    /** A chunked POST whose trailers follow the last chunk. */
    Reply sendChunked(String path, Map<String, String> headers, String chunk, Map<String, String> trailers) throws IOException {
        StringBuilder req = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n");
        headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        req.append("Trailer: ").append(String.join(", ", trailers.keySet())).append("\r\n\r\n");
        byte[] data = chunk.getBytes(StandardCharsets.UTF_8);
        req.append(Integer.toHexString(data.length)).append("\r\n").append(chunk).append("\r\n0\r\n");
        trailers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        req.append("\r\n");
        out.write(req.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read();
    }

    private Reply read() throws IOException {
        String status = line();
        Map<String, String> headers = new LinkedHashMap<>();
        String l;
        while (!(l = line()).isEmpty()) {
            int c = l.indexOf(':');
            headers.put(l.substring(0, c).trim().toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(line().trim(), 16)) > 0) {
                b.write(in.readNBytes(size));
                line();
            }
            line();
            body = b.toByteArray();
        } else {
            body = new byte[0];
        }
        return new Reply(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException { socket.close(); }
}
