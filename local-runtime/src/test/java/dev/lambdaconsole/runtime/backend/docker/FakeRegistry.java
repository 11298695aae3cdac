package dev.lambdaconsole.runtime.backend.docker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read side of a Docker registry (the distribution v2 API) on 127.0.0.1: the version check, manifests by
 * tag or digest, blobs. The engine pulls from a 127.0.0.0/8 registry over plain HTTP. It can answer the first
 * manifest requests with 503, and stall layer downloads part way, to try retries and the pull watchdog.
 */
final class FakeRegistry implements AutoCloseable {
    static final String MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
    private static final Pattern MANIFEST = Pattern.compile("^/v2/(.+)/manifests/([^/]+)$");
    private static final Pattern BLOB = Pattern.compile("^/v2/(.+)/blobs/(sha256:[0-9a-f]{64})$");
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
    private final Map<String, Blob> blobs = new ConcurrentHashMap<>();
    /** Every request, e.g. "GET /v2/lambda/python/manifests/3.12". */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** How many manifest requests still get 503 Service Unavailable. */
    final AtomicInteger unavailableManifests = new AtomicInteger();
    /** Layer downloads stop after this many bytes (then trickle a byte now and then); -1: never. */
    volatile long stallLayersAfter = -1;
    /** Counted down when the client of a stalled download went away. */
    final CountDownLatch stalledClientLeft = new CountDownLatch(1);

    /** A blob: bytes in memory (configs) or a file (layers). */
    record Blob(String digest, long size, byte[] bytes, Path file) { }

    FakeRegistry() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                try {
                    answer(request, response);
                    callback.succeeded();
                } catch (Throwable e) {
                    callback.failed(e);
                }
                return true;
            }
        });
        server.start();
    }

    /** Host and port, the registry part of an image name. */
    String host() { return "127.0.0.1:" + connector.getLocalPort(); }

    /**
     * Serves {@code image} as {@code name:tag}. {@code copy}: its exact config and raw layers (the engine has the
     * image and downloads no layer); otherwise a new image (a unique label in its config) with freshly gzipped
     * layers, whose digests the engine has never seen, so it downloads them.
     */
    void serve(String name, String tag, SavedImage image, boolean copy, Path dir) throws IOException {
        byte[] config = image.configBytes();
        List<String> diffIds = image.diffIds();
        if (!copy) {
            ObjectNode json = image.config();
            json.with("config").with("Labels").put("dev.lambdaconsole.test-copy", Long.toString(System.nanoTime()));
            config = Json.bytes(json);
        }
        Blob configBlob = add(new Blob(digest(config), config.length, config, null));
        ObjectNode manifest = Json.object().put("schemaVersion", 2).put("mediaType", MANIFEST_TYPE);
        manifest.set("config", descriptor("application/vnd.docker.container.image.v1+json", configBlob));
        ArrayNode layers = manifest.putArray("layers");
        for (int i = 0; i < image.layers().size(); i++) {
            Path layer = image.layers().get(i);
            Blob blob = copy ? new Blob(diffIds.get(i), Files.size(layer), null, layer)
                    : UniqueGzip.of(layer, dir.resolve(name.replace('/', '-') + "-" + tag + "-" + i + ".tar.gz"));
            layers.add(descriptor("application/vnd.docker.image.rootfs.diff.tar.gzip", add(blob)));
        }
        byte[] bytes = Json.bytes(manifest);
        manifests.put(name + "/" + tag, bytes);
        manifests.put(name + "/" + digest(bytes), bytes);
    }

    private Blob add(Blob blob) {
        blobs.put(blob.digest(), blob);
        return blob;
    }

    private static ObjectNode descriptor(String mediaType, Blob blob) {
        return Json.object().put("mediaType", mediaType).put("size", blob.size()).put("digest", blob.digest());
    }

    private void answer(Request request, Response response) throws IOException, InterruptedException {
        String path = request.getHttpURI().getPath();
        boolean head = "HEAD".equals(request.getMethod());
        requests.add(request.getMethod() + " " + path);
        response.getHeaders().put("Docker-Distribution-API-Version", "registry/2.0");
        Matcher manifest = MANIFEST.matcher(path);
        Matcher blob = BLOB.matcher(path);
        if (path.equals("/v2/") || path.equals("/v2")) {
            send(response, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8), head);
        } else if (manifest.matches() && unavailableManifests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(response, 503, "application/json", error("UNAVAILABLE", "try again later"), head);
        } else if (manifest.matches() && manifests.containsKey(manifest.group(1) + "/" + manifest.group(2))) {
            byte[] bytes = manifests.get(manifest.group(1) + "/" + manifest.group(2));
            response.getHeaders().put("Docker-Content-Digest", digest(bytes));
            send(response, 200, MANIFEST_TYPE, bytes, head);
        } else if (blob.matches() && blobs.containsKey(blob.group(2))) {
            Blob b = blobs.get(blob.group(2));
            response.getHeaders().put("Docker-Content-Digest", b.digest());
            if (b.bytes() != null) {
                send(response, 200, "application/octet-stream", b.bytes(), head);
            } else {
                sendFile(response, b, head);
            }
        } else {
            send(response, 404, "application/json", error(manifest.matches() ? "MANIFEST_UNKNOWN" : "BLOB_UNKNOWN",
                    "not here: " + path), head);
        }
    }

    private static byte[] error(String code, String message) {
        ObjectNode body = Json.object();
        body.putArray("errors").addObject().put("code", code).put("message", message);
        return Json.bytes(body);
    }

    private static void send(Response response, int status, String type, byte[] body, boolean head) throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            if (!head) out.write(body);
        }
    }

    private void sendFile(Response response, Blob blob, boolean head) throws IOException, InterruptedException {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, blob.size());
        try (OutputStream out = Content.Sink.asOutputStream(response); InputStream in = Files.newInputStream(blob.file())) {
            if (head) return;
            long limit = stallLayersAfter;
            byte[] buffer = new byte[1 << 16];
            long sent = 0;
            for (int n; (n = in.read(buffer, 0, (int) (limit < 0 ? buffer.length
                    : Math.min(buffer.length, Math.max(0, limit - sent))))) > 0; ) {
                out.write(buffer, 0, n);
                sent += n;
            }
            if (limit >= 0 && sent >= limit) trickle(in, out);
        }
    }

    /** A stalled download: a byte every 300 ms (too little for the engine to report) until the client leaves. */
    private void trickle(InputStream in, OutputStream out) throws IOException, InterruptedException {
        try {
            out.flush();
            for (int i = 0; i < 400 && server.isRunning(); i++) {
                Thread.sleep(300);
                out.write(in.read());
                out.flush();
            }
        } catch (IOException clientLeft) {
            stalledClientLeft.countDown();
            throw clientLeft;
        }
    }

    static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** A layer gzipped with a header unique to the call (its mtime field), so its digest is new to the engine. */
    static final class UniqueGzip {
        private UniqueGzip() { }

        static Blob of(Path tar, Path target) throws IOException {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            int stamp = (int) System.nanoTime();
            try (OutputStream file = Files.newOutputStream(target);
                 OutputStream digesting = new java.security.DigestOutputStream(file, sha);
                 OutputStream stamped = new HeaderStamp(digesting, stamp);
                 OutputStream gzip = new java.util.zip.GZIPOutputStream(stamped, 1 << 16) {
                     { def.setLevel(java.util.zip.Deflater.NO_COMPRESSION); }
                 }) {
                Files.copy(tar, gzip);
            }
            return new Blob("sha256:" + HexFormat.of().formatHex(sha.digest()), Files.size(target), null, target);
        }
    }

    /** Writes {@code stamp} over bytes 4..7 of the stream (the gzip header's mtime, which no checksum covers). */
    private static final class HeaderStamp extends java.io.FilterOutputStream {
        private final int stamp;
        private long position;

        HeaderStamp(OutputStream out, int stamp) {
            super(out);
            this.stamp = stamp;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(position >= 4 && position < 8 ? (stamp >>> (8 * (position - 4))) & 0xff : b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (position >= 8) {
                out.write(b, off, len);
                position += len;
            } else {
                for (int i = 0; i < len; i++) write(b[off + i]);
            }
        }
    }
}
