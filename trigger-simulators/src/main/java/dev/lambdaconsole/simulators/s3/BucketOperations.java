package dev.lambdaconsole.simulators.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import org.w3c.dom.Element;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation, Get/PutBucketNotificationConfiguration,
 * GetBucketVersioning and DeleteObjects.
 */
final class BucketOperations {
    static final String OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";

    private final BucketStore store;
    private final ObjectOperations objects;
    private final S3Events events;
    private final Predicate<String> functionExists;
    private final Predicate<String> queueExists;
    private final Predicate<String> topicExists;

    BucketOperations(BucketStore store, ObjectOperations objects, S3Events events, Predicate<String> functionExists,
                     Predicate<String> queueExists, Predicate<String> topicExists) {
        this.topicExists = topicExists;
        this.store = store;
        this.objects = objects;
        this.events = events;
        this.functionExists = functionExists;
        this.queueExists = queueExists;
    }

    ServiceResponse listBuckets(S3Request r) {
        String prefix = r.query("prefix");
        S3Xml x = S3Xml.root("ListAllMyBucketsResult").open("Owner").el("ID", OWNER_ID).el("DisplayName", "local")
                .close("Owner").open("Buckets");
        for (String b : store.buckets()) {
            if (prefix != null && !b.startsWith(prefix)) continue;
            ObjectNode c = store.config(b);
            x.open("Bucket").el("Name", b).el("CreationDate", S3Xml.time(c.path("created").asLong()))
                    .el("BucketRegion", c.path("region").asText()).close("Bucket");
        }
        x.close("Buckets");
        if (prefix != null) x.el("Prefix", prefix);
        return ServiceResponse.of(200, "application/xml", x.end("ListAllMyBucketsResult"));
    }

    ServiceResponse create(S3Request r) {
        String region = null;
        if (r.http().body().length > 0) {
            Element root = S3Xml.parse(r.http().body());
            region = S3Xml.text(root, "LocationConstraint");
        }
        store.createBucket(r.bucket(), region);
        return ServiceResponse.empty(200).withHeader("Location", "/" + r.bucket());
    }

    ServiceResponse head(S3Request r) {
        store.requireBucket(r.bucket());
        return ServiceResponse.empty(200).withHeader("x-amz-bucket-region", store.config(r.bucket()).path("region").asText())
                .withHeader("x-amz-access-point-alias", "false");
    }

    ServiceResponse delete(S3Request r) {
        store.deleteBucket(r.bucket());
        return ServiceResponse.empty(204);
    }

    ServiceResponse location(S3Request r) {
        store.requireBucket(r.bucket());
        String region = store.config(r.bucket()).path("region").asText();
        S3Xml x = S3Xml.root("LocationConstraint");
        byte[] body = new String(x.end("LocationConstraint"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("></LocationConstraint>", ">" + (region.equals("us-east-1") ? "" : S3Xml.escape(region))
                        + "</LocationConstraint>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ServiceResponse.of(200, "application/xml", body);
    }

    ServiceResponse versioning(S3Request r) {
        store.requireBucket(r.bucket());
        return ServiceResponse.of(200, "application/xml", S3Xml.root("VersioningConfiguration").end("VersioningConfiguration"));
    }

    ServiceResponse getNotification(S3Request r) {
        store.requireBucket(r.bucket());
        return ServiceResponse.of(200, "application/xml", Notifications.xml(store.config(r.bucket())));
    }

    ServiceResponse putNotification(S3Request r) {
        store.requireBucket(r.bucket());
        ObjectNode parsed = Notifications.parse(r.http().body(), functionExists, queueExists, topicExists);
        synchronized (store) {
            ObjectNode config = store.config(r.bucket());
            config.set("notification", parsed);
            store.saveConfig(r.bucket(), config);
        }
        for (var t : parsed.path("targets")) {
            if (t.path("kind").asText().equals("queue")) events.testEvent(r.bucket(), t.path("arn").asText(), r.requestId());
        }
        return ServiceResponse.empty(200);
    }

    ServiceResponse deleteObjects(S3Request r) throws IOException {
        store.requireBucket(r.bucket());
        // Content-MD5 / the checksum of the request, as S3 requires and checks
        Element root = S3Xml.parse(Payload.read(r.http()).data());
        boolean quiet = "true".equalsIgnoreCase(String.valueOf(S3Xml.text(root, "Quiet")).trim());
        List<Element> items = S3Xml.children(root, "Object");
        if (items.size() > 1000) throw S3Exception.malformedXml();
        S3Xml x = S3Xml.root("DeleteResult");
        for (Element o : items) {
            String key = S3Xml.text(o, "Key");
            if (key == null) throw S3Exception.malformedXml();
            try {
                ObjectOperations.requireKey(key);
                ObjectMeta removed = store.delete(r.bucket(), key);
                if (removed != null) objects.removed(r, removed);
                if (!quiet) x.open("Deleted").el("Key", key).close("Deleted");
            } catch (S3Exception e) {
                x.open("Error").el("Key", key).el("Code", e.code()).el("Message", e.getMessage()).close("Error");
            }
        }
        return ServiceResponse.of(200, "application/xml", x.end("DeleteResult"));
    }

    /** PutBucketNotificationConfiguration in process: the same checks, errors and test events as the REST call. */
    void putNotification(String bucket, byte[] xml, String requestId) {
        store.requireBucket(bucket);
        ObjectNode parsed = Notifications.parse(xml, functionExists, queueExists, topicExists);
        synchronized (store) {
            ObjectNode config = store.config(bucket);
            config.set("notification", parsed);
            store.saveConfig(bucket, config);
        }
        for (var t : parsed.path("targets")) {
            if (t.path("kind").asText().equals("queue")) events.testEvent(bucket, t.path("arn").asText(), requestId);
        }
    }

    /** The bucket's configurations as kept (GetBucketNotificationConfiguration in process). */
    List<Notifications.Target> notifications(String bucket) {
        store.requireBucket(bucket);
        return Notifications.targets(store.config(bucket));
    }

    /** The configuration's XML as GetBucketNotificationConfiguration returns it. */
    byte[] notificationXml(String bucket) {
        store.requireBucket(bucket);
        return Notifications.xml(store.config(bucket));
    }
}
