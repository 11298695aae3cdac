package dev.lambdaconsole.simulators.s3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.push.PushDeliveries;
import dev.lambdaconsole.simulators.sns.SnsService;
import dev.lambdaconsole.simulators.sqs.SqsAccess;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * S3's event notifications: each write or delete matched against its bucket's configurations, and the record
 * (event version 2.1) sent to each matching function through the asynchronous invoke (as S3 does) or to each
 * matching queue, in order, on one thread of its own (the request that caused it does not wait).
 */
final class S3Events implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(S3Events.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One change of an object; {@code size} and {@code etag} are left out of ObjectRemoved records. */
    record Change(String bucket, String eventName, String key, long size, String etag, String sequencer,
                  String sourceIp, String requestId, String principal) { }

    private final BucketStore store;
    private final PushDeliveries push;
    private final Supplier<Optional<SqsAccess>> sqs;
    private final Supplier<Optional<SnsService>> sns;
    private final Function<String, String> functionName;
    private final String region;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "s3-notifications");
        t.setDaemon(true);
        return t;
    });

    S3Events(BucketStore store, PushDeliveries push, Supplier<Optional<SqsAccess>> sqs,
             Supplier<Optional<SnsService>> sns, Function<String, String> functionName, String region) {
        this.sns = sns;
        this.store = store;
        this.push = push;
        this.sqs = sqs;
        this.functionName = functionName;
        this.region = region;
    }

    void emit(Change change) {
        long when = System.currentTimeMillis();
        thread.execute(() -> {
            try {
                deliver(change, when);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not deliver the S3 event " + change, e);
            }
        });
    }

    private void deliver(Change c, long when) {
        if (!store.exists(c.bucket())) return;
        var config = store.config(c.bucket());
        String encoded = encodeKey(c.key());
        for (Notifications.Target t : Notifications.targets(config)) {
            if (!t.matches("s3:" + c.eventName(), c.key(), encoded)) continue;
            ObjectNode event = Json.object();
            event.putArray("Records").add(record(c, t.id(), when, config.path("region").asText(region)));
            byte[] bytes = Json.bytes(event);
            if (t.kind().equals("lambda")) {
                push.invokeAsync("s3", "arn:aws:s3:::" + c.bucket(), functionName.apply(t.arn()), bytes);
            } else if (t.kind().equals("topic")) {
                sns.get().ifPresentOrElse(topics -> {
                    try {
                        topics.publish(t.arn(), new String(bytes, StandardCharsets.UTF_8));
                    } catch (RuntimeException e) {
                        LOG.warning("The topic " + t.arn() + " of bucket " + c.bucket() + " is gone: " + e.getMessage());
                    }
                }, () -> LOG.warning("No local SNS for the topic " + t.arn() + " of bucket " + c.bucket()));
            } else {
                sqs.get().flatMap(q -> q.queue(t.arn())).ifPresentOrElse(
                        q -> send(q.url(), new String(bytes, StandardCharsets.UTF_8)),
                        () -> LOG.warning("The queue " + t.arn() + " of bucket " + c.bucket() + " is gone"));
            }
        }
    }

    /** S3's test message to a queue that was just configured. */
    void testEvent(String bucket, String queueArn, String requestId) {
        thread.execute(() -> sqs.get().flatMap(q -> q.queue(queueArn)).ifPresent(q -> {
            ObjectNode m = Json.object().put("Service", "Amazon S3").put("Event", "s3:TestEvent")
                    .put("Time", TIME.format(Instant.now())).put("Bucket", bucket).put("RequestId", requestId)
                    .put("HostId", hostId());
            send(q.url(), Json.write(m));
        }));
    }

    private void send(String url, String body) {
        sqs.get().ifPresent(q -> q.call("SendMessage", Json.object().put("QueueUrl", url).put("MessageBody", body)));
    }

    ObjectNode record(Change c, String configurationId, long when, String bucketRegion) {
        ObjectNode r = Json.object();
        r.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", bucketRegion)
                .put("eventTime", TIME.format(Instant.ofEpochMilli(when))).put("eventName", c.eventName());
        r.putObject("userIdentity").put("principalId", c.principal());
        r.putObject("requestParameters").put("sourceIPAddress", c.sourceIp());
        r.putObject("responseElements").put("x-amz-request-id", c.requestId()).put("x-amz-id-2", hostId());
        ObjectNode s3 = r.putObject("s3");
        s3.put("s3SchemaVersion", "1.0").put("configurationId", configurationId);
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", c.bucket());
        bucket.putObject("ownerIdentity").put("principalId", OWNER_ID);
        bucket.put("arn", "arn:aws:s3:::" + c.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(c.key()));
        if (c.eventName().startsWith("ObjectCreated")) object.put("size", c.size()).put("eTag", c.etag());
        object.put("sequencer", c.sequencer());
        return r;
    }

    /** The bucket owner's canonical-style id in records (one local account). */
    static final String OWNER_ID = "A3LOCALCONSOLE0OWNER";

    /** Keys as S3 writes them in records: form-encoded (space {@code +}), slashes kept. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    static String hostId() {
        byte[] b = new byte[48];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
