package dev.lambdaconsole.simulators.s3;

import dev.lambdaconsole.runtime.gateway.ServiceRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request to S3 with its bucket and key told from the host (virtual-host style: {@code <bucket>.localhost},
 * {@code <bucket>.s3.localhost}, {@code <bucket>.s3.<region>.amazonaws.com}) or else from the path (path style:
 * {@code /<bucket>/<key>}).
 *
 * @param bucket null for the service ({@code GET /}: ListBuckets)
 * @param key    null for a bucket's operations
 */
record S3Request(ServiceRequest http, String bucket, String key, boolean virtualHost) {

    static S3Request of(ServiceRequest http) {
        String path = http.path();
        String hostBucket = hostBucket(http.host());
        if (hostBucket != null) {
            String key = path.length() > 1 ? decode(path.substring(1)) : null;
            return new S3Request(http, hostBucket, key, true);
        }
        String rest = path.startsWith("/") ? path.substring(1) : path;
        if (rest.isEmpty()) return new S3Request(http, null, null, false);
        int slash = rest.indexOf('/');
        String bucket = decode(slash < 0 ? rest : rest.substring(0, slash));
        String key = slash < 0 || slash == rest.length() - 1 ? null : decode(rest.substring(slash + 1));
        return new S3Request(http, bucket, key, false);
    }

    /** The bucket a virtual-host style host names, or null for a path-style host (an IP, localhost, s3.…). */
    static String hostBucket(String host) {
        if (host == null || host.isEmpty() || host.equals("localhost") || host.startsWith("[")
                || host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".localhost")) {
            String p = h.substring(0, h.length() - ".localhost".length());
            if (p.equals("s3") || p.startsWith("s3.")) return null;
            if (p.endsWith(".s3")) p = p.substring(0, p.length() - 3);
            return p.isEmpty() ? null : p;
        }
        if (h.endsWith(".amazonaws.com") || h.endsWith(".amazonaws.com.cn")) {
            if (h.startsWith("s3.") || h.startsWith("s3-")) return null;
            int at = h.indexOf(".s3.");
            int dash = h.indexOf(".s3-");
            if (at < 0 || (dash >= 0 && dash < at)) at = dash;
            return at > 0 ? h.substring(0, at) : null;
        }
        return null;
    }

    /** Percent-decoding of a path ({@code +} stays a plus). */
    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    String header(String name) { return http.header(name); }

    String query(String name) { return http.query(name); }

    boolean has(String subresource) { return http.queryParameters().containsKey(subresource); }

    String method() { return http.method(); }

    /** S3's request id: 16 upper-case hex digits. */
    String requestId() {
        return http.requestId().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }

    /** The caller as S3's records name it: {@code AWS:<access key id>}, or anonymous. */
    String principal() {
        String auth = http.header("Authorization");
        String credential = null;
        if (auth != null && auth.contains("Credential=")) {
            credential = auth.substring(auth.indexOf("Credential=") + "Credential=".length());
        } else if (http.query("X-Amz-Credential") != null) {
            credential = http.query("X-Amz-Credential");
        }
        if (credential == null) return "ANONYMOUS_PRINCIPAL";
        int slash = credential.indexOf('/');
        return "AWS:" + (slash < 0 ? credential : credential.substring(0, slash));
    }
}
