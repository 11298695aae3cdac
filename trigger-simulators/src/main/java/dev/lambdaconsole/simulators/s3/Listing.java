package dev.lambdaconsole.simulators.s3;

import dev.lambdaconsole.runtime.gateway.ServiceResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** ListObjectsV2 and ListObjects (v1): prefix, delimiter → CommonPrefixes, max-keys, pages, encoding-type=url. */
final class Listing {
    private final BucketStore store;

    Listing(BucketStore store) {
        this.store = store;
    }

    private record Page(List<ObjectMeta> contents, List<String> prefixes, boolean truncated, String last) { }

    private Page page(String bucket, String prefix, String delimiter, String after, int max) {
        List<ObjectMeta> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        boolean truncated = false;
        for (String key : store.keys(bucket, prefix)) {
            if (after != null && BucketStore.compareUtf8(key, after) <= 0) continue;
            String common = null;
            if (delimiter != null && !delimiter.isEmpty()) {
                int d = key.indexOf(delimiter, prefix.length());
                if (d >= 0) common = key.substring(0, d + delimiter.length());
            }
            if (common != null && !prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(common)) continue;
            if (common != null && after != null && after.startsWith(common)) continue;
            if (contents.size() + prefixes.size() >= max) {
                truncated = true;
                break;
            }
            if (common != null) {
                prefixes.add(common);
                last = common;
            } else {
                ObjectMeta meta = store.head(bucket, key);
                if (meta == null) continue;
                contents.add(meta);
                last = key;
            }
        }
        return new Page(contents, prefixes, truncated, last);
    }

    private static int maxKeys(S3Request r) {
        String v = r.query("max-keys");
        if (v == null) return 1000;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) throw new NumberFormatException();
            return Math.min(n, 1000);
        } catch (NumberFormatException e) {
            throw S3Exception.invalidArgument("Provided max-keys not an integer or within integer range", "max-keys", v);
        }
    }

    ServiceResponse v2(S3Request r) {
        store.requireBucket(r.bucket());
        String prefix = r.query("prefix") == null ? "" : r.query("prefix");
        String delimiter = r.query("delimiter");
        String token = r.query("continuation-token");
        String startAfter = r.query("start-after");
        boolean url = encoding(r);
        int max = maxKeys(r);
        String after = startAfter;
        if (token != null) {
            try {
                after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw S3Exception.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
            }
        }
        Page p = page(r.bucket(), prefix, delimiter, after, max);
        S3Xml x = S3Xml.root("ListBucketResult").el("Name", r.bucket()).el("Prefix", enc(prefix, url))
                .el("KeyCount", p.contents().size() + p.prefixes().size()).el("MaxKeys", max)
                .el("Delimiter", delimiter == null ? null : enc(delimiter, url)).el("IsTruncated", p.truncated())
                .el("ContinuationToken", token).el("StartAfter", startAfter == null ? null : enc(startAfter, url));
        if (p.truncated()) {
            x.el("NextContinuationToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(p.last().getBytes(StandardCharsets.UTF_8)));
        }
        if (url) x.el("EncodingType", "url");
        contents(x, p, url, false);
        return ServiceResponse.of(200, "application/xml", x.end("ListBucketResult"));
    }

    ServiceResponse v1(S3Request r) {
        store.requireBucket(r.bucket());
        String prefix = r.query("prefix") == null ? "" : r.query("prefix");
        String delimiter = r.query("delimiter");
        String marker = r.query("marker");
        boolean url = encoding(r);
        int max = maxKeys(r);
        Page p = page(r.bucket(), prefix, delimiter, marker == null || marker.isEmpty() ? null : marker, max);
        S3Xml x = S3Xml.root("ListBucketResult").el("Name", r.bucket()).el("Prefix", enc(prefix, url))
                .el("Marker", marker == null ? "" : enc(marker, url)).el("MaxKeys", max)
                .el("Delimiter", delimiter == null ? null : enc(delimiter, url)).el("IsTruncated", p.truncated());
        if (p.truncated() && delimiter != null) x.el("NextMarker", enc(p.last(), url));
        if (url) x.el("EncodingType", "url");
        contents(x, p, url, true);
        return ServiceResponse.of(200, "application/xml", x.end("ListBucketResult"));
    }

    private static void contents(S3Xml x, Page p, boolean url, boolean owner) {
        for (ObjectMeta m : p.contents()) {
            x.open("Contents").el("Key", enc(m.key(), url)).el("LastModified", S3Xml.time(m.lastModified()))
                    .el("ETag", m.quotedEtag());
            for (String alg : m.checksums().keySet()) x.el("ChecksumAlgorithm", alg);
            if (m.checksumType() != null && !m.checksums().isEmpty()) x.el("ChecksumType", m.checksumType());
            x.el("Size", m.size()).el("StorageClass", "STANDARD");
            if (owner) x.open("Owner").el("ID", BucketOperations.OWNER_ID).el("DisplayName", "local").close("Owner");
            x.close("Contents");
        }
        for (String prefix : p.prefixes()) x.open("CommonPrefixes").el("Prefix", enc(prefix, url)).close("CommonPrefixes");
    }

    private static boolean encoding(S3Request r) {
        String e = r.query("encoding-type");
        if (e == null) return false;
        if (!e.equals("url")) throw S3Exception.invalidArgument("Invalid Encoding Method specified in Request",
                "encoding-type", e);
        return true;
    }

    static String enc(String s, boolean url) { return url ? S3Events.encodeKey(s) : s; }
}
