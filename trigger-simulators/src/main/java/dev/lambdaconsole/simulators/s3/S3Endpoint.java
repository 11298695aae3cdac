package dev.lambdaconsole.simulators.s3;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * S3's REST-XML API on the shared endpoint: signed requests by their signing name "s3"; unsigned ones (a browser
 * GET, curl) when their host is a bucket's virtual host or their path starts with an existing bucket. Each request
 * is told apart by method, bucket, key and subresource, as S3 does.
 */
final class S3Endpoint implements ServiceEndpoint {
    private static final Set<String> UNSUPPORTED_BUCKET = Set.of("acl", "cors", "encryption", "lifecycle", "logging",
            "policy", "replication", "tagging", "website", "accelerate", "analytics", "intelligent-tiering",
            "inventory", "metrics", "ownershipControls", "publicAccessBlock", "requestPayment", "object-lock",
            "versions", "policyStatus", "session");
    private static final Set<String> UNSUPPORTED_OBJECT = Set.of("acl", "legal-hold", "retention", "restore",
            "select", "torrent", "attributes", "renameObject");

    private final BucketStore store;
    private final BucketOperations buckets;
    private final ObjectOperations objects;
    private final Listing listing;
    private final MultipartUploads uploads;

    S3Endpoint(BucketStore store, BucketOperations buckets, ObjectOperations objects, Listing listing,
               MultipartUploads uploads) {
        this.store = store;
        this.buckets = buckets;
        this.objects = objects;
        this.listing = listing;
        this.uploads = uploads;
    }

    @Override public String name() { return "s3"; }

    @Override public Set<String> signingNames() { return Set.of("s3"); }

    @Override
    public boolean claimsPath(ServiceRequest request) {
        String host = request.host();
        String hostBucket = S3Request.hostBucket(host);
        if (hostBucket != null) return store.exists(hostBucket) || host.contains(".s3.") || host.startsWith("s3.");
        S3Request r = S3Request.of(request);
        return r.bucket() != null && store.exists(r.bucket());
    }

    @Override
    public CompletionStage<ServiceResponse> handle(ServiceRequest request) {
        S3Request r = S3Request.of(request);
        try {
            return CompletableFuture.completedFuture(common(r, route(r)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ServiceResponse common(S3Request r, ServiceResponse reply) {
        return reply.withHeader("x-amz-request-id", r.requestId()).withHeader("x-amz-id-2", S3Events.hostId());
    }

    private ServiceResponse route(S3Request r) throws IOException {
        String method = r.method();
        if (r.bucket() == null) {
            if (method.equals("GET")) return buckets.listBuckets(r);
            throw methodNotAllowed(method, "the service");
        }
        if (r.key() == null) {
            for (String s : UNSUPPORTED_BUCKET) {
                if (r.has(s) && !(s.equals("tagging") && method.equals("GET"))) throw S3Exception.notImplemented("?" + s);
            }
            switch (method) {
                case "GET":
                    if (r.has("location")) return buckets.location(r);
                    if (r.has("notification")) return buckets.getNotification(r);
                    if (r.has("versioning")) return buckets.versioning(r);
                    if (r.has("uploads")) return uploads.listUploads(r);
                    if (r.has("tagging")) {
                        store.requireBucket(r.bucket());
                        throw new S3Exception(404, "NoSuchTagSet", "The TagSet does not exist").with("BucketName", r.bucket());
                    }
                    if ("2".equals(r.query("list-type"))) return listing.v2(r);
                    return listing.v1(r);
                case "HEAD":
                    return buckets.head(r);
                case "PUT":
                    if (r.has("notification")) return buckets.putNotification(r);
                    if (r.has("versioning")) throw S3Exception.notImplemented("?versioning (no versions are kept)");
                    return buckets.create(r);
                case "DELETE":
                    return buckets.delete(r);
                case "POST":
                    if (r.has("delete")) return buckets.deleteObjects(r);
                    throw methodNotAllowed(method, "a bucket");
                default:
                    throw methodNotAllowed(method, "a bucket");
            }
        }
        for (String s : UNSUPPORTED_OBJECT) if (r.has(s)) throw S3Exception.notImplemented("?" + s);
        switch (method) {
            case "GET":
                if (r.has("uploadId")) return uploads.listParts(r);
                if (r.has("tagging")) {
                    objects.existing(r);
                    return ServiceResponse.of(200, "application/xml", S3Xml.root("Tagging").open("TagSet")
                            .close("TagSet").end("Tagging"));
                }
                return objects.get(r, false);
            case "HEAD":
                return objects.get(r, true);
            case "PUT":
                if (r.has("tagging")) throw S3Exception.notImplemented("?tagging (object tags are not kept)");
                if (r.has("uploadId")) return uploads.uploadPart(r);
                if (r.header("x-amz-copy-source") != null) return objects.copy(r);
                return objects.put(r);
            case "DELETE":
                if (r.has("uploadId")) return uploads.abort(r);
                if (r.has("tagging")) return ServiceResponse.empty(204);
                return objects.delete(r);
            case "POST":
                if (r.has("uploads")) return uploads.create(r);
                if (r.has("uploadId")) return uploads.complete(r);
                throw methodNotAllowed(method, "an object");
            default:
                throw methodNotAllowed(method, "an object");
        }
    }

    private static S3Exception methodNotAllowed(String method, String what) {
        return new S3Exception(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")
                .with("Method", method).with("ResourceType", what.replace("the ", "").replace("a ", "")
                        .replace("an ", "").toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public boolean expected(Throwable error) { return error instanceof java.io.UncheckedIOException; }

    @Override
    public ServiceResponse error(ServiceRequest request, Throwable error) {
        S3Request r = S3Request.of(request);
        AwsServiceException e = error instanceof AwsServiceException a ? a
                : new S3Exception(500, "InternalError", "We encountered an internal error. Please try again. ("
                + error + ")");
        if (e.status() == 304) return ServiceResponse.empty(304);
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>")
                .append(S3Xml.escape(e.code())).append("</Code><Message>").append(S3Xml.escape(e.getMessage()))
                .append("</Message>");
        if (e instanceof S3Exception s) {
            s.fields().forEach((k, v) -> body.append('<').append(k).append('>').append(S3Xml.escape(v)).append("</")
                    .append(k).append('>'));
        }
        body.append("<RequestId>").append(r.requestId()).append("</RequestId><HostId>").append(S3Events.hostId())
                .append("</HostId></Error>");
        ServiceResponse reply = request.method().equals("HEAD")
                ? new ServiceResponse(e.status(), java.util.Map.of(), null, new byte[0])
                : ServiceResponse.text(e.status(), "application/xml", body.toString());
        return common(r, reply);
    }

    /** The bucket operations, for the in-process calls of {@link S3Service}. */
    BucketOperations bucketOperations() { return buckets; }
}
