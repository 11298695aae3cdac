package dev.lambdaconsole.simulators.s3;

import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.services.lambda.FunctionNames;
import dev.lambdaconsole.simulators.push.PushDeliveries;
import dev.lambdaconsole.simulators.sns.SnsService;
import dev.lambdaconsole.simulators.sqs.SqsAccess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The local S3: buckets as folders of the workspace ({@code <workspace>/buckets}), its REST API on the shared
 * endpoint, event notifications to functions, queues and topics, and the watcher that reports files put into the
 * folders by hand. State besides the objects: {@code <state>/s3/} (sidecars, bucket settings, uploads).
 */
public final class S3Service implements AutoCloseable {
    private final BucketStore store;
    private final S3Events events;
    private final FolderWatcher watcher;
    private final S3Endpoint endpoint;

    private S3Service(BucketStore store, S3Events events, FolderWatcher watcher, S3Endpoint endpoint) {
        this.store = store;
        this.events = events;
        this.watcher = watcher;
        this.endpoint = endpoint;
    }

    /** Starts it (the watcher scans from now on); {@code sqs} gives the local SQS for queue notifications. */
    public static S3Service start(ServiceContext context, PushDeliveries push, Supplier<Optional<SqsAccess>> sqs) {
        return start(context, push, sqs, Optional::empty);
    }

    /** {@link #start}, with the local SNS for topic notifications. */
    public static S3Service start(ServiceContext context, PushDeliveries push, Supplier<Optional<SqsAccess>> sqs,
                                  Supplier<Optional<SnsService>> sns) {
        Path root = context.workspace().root().resolve("buckets");
        Path state = context.stateDir().resolve("s3");
        BucketStore store = new BucketStore(root, state, context.region());
        S3Events events = new S3Events(store, push, sqs, sns, arn -> FunctionNames.parse(arn, null).name(), context.region());
        ObjectOperations objects = new ObjectOperations(store, events);
        BucketOperations buckets = new BucketOperations(store, objects, events,
                arn -> functionExists(context, arn), arn -> sqs.get().flatMap(q -> q.queue(arn)).isPresent(),
                arn -> sns.get().map(t -> t.topicArns().contains(arn)).orElse(false));
        S3Endpoint endpoint = new S3Endpoint(store, buckets, objects, new Listing(store),
                new MultipartUploads(store, objects, state.resolve("uploads")));
        FolderWatcher watcher = new FolderWatcher(store, new FolderWatcher.Listener() {
            @Override
            public void created(String bucket, ObjectMeta m) {
                events.emit(new S3Events.Change(bucket, "ObjectCreated:Put", m.key(), m.size(), m.etag(),
                        m.sequencer(), "127.0.0.1", requestId(), "AWS:local-folder"));
            }

            @Override
            public void removed(String bucket, ObjectMeta m) {
                events.emit(new S3Events.Change(bucket, "ObjectRemoved:Delete", m.key(), 0, null, Sequencer.next(),
                        "127.0.0.1", requestId(), "AWS:local-folder"));
            }
        });
        watcher.start();
        return new S3Service(store, events, watcher, endpoint);
    }

    private static boolean functionExists(ServiceContext context, String arn) {
        try {
            FunctionNames n = FunctionNames.parse(arn, null);
            return (n.qualifier() == null || n.qualifier().equals("$LATEST")) && context.workspace().exists(n.name());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String requestId() {
        return java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);
    }

    public ServiceEndpoint endpoint() { return endpoint; }

    /** The folder of the buckets ({@code <workspace>/buckets}). */
    public Path bucketsFolder() { return store.root(); }

    @Override
    public void close() {
        watcher.close();
        events.close();
    }

    // ---- for the console (in process) ----

    /** One entry of a bucket's notification configuration: kind lambda, queue or topic; prefix/suffix may be null. */
    public record BucketNotification(String bucket, String kind, String id, String destinationArn, List<String> events,
                                     String prefix, String suffix) { }

    /** Every bucket's notification entries, bucket by bucket in name order. */
    public List<BucketNotification> notifications() {
        List<BucketNotification> out = new ArrayList<>();
        for (String bucket : store.buckets()) {
            for (Notifications.Target t : Notifications.targets(store.config(bucket))) {
                out.add(new BucketNotification(bucket, t.kind(), t.id(), t.arn(), List.copyOf(t.events()), t.prefix(),
                        t.suffix()));
            }
        }
        return out;
    }

    /**
     * Removes the entry {@code id} from a bucket's notification configuration and keeps the others (as a
     * PutBucketNotificationConfiguration without it would). Throws NoSuchBucket for a missing bucket; false when
     * the bucket has no such entry.
     */
    public boolean removeNotification(String bucket, String id) {
        store.requireBucket(bucket);
        synchronized (store) {
            com.fasterxml.jackson.databind.node.ObjectNode config = store.config(bucket);
            com.fasterxml.jackson.databind.JsonNode targets = config.path("notification").path("targets");
            if (!(targets instanceof com.fasterxml.jackson.databind.node.ArrayNode list)) return false;
            for (int i = 0; i < list.size(); i++) {
                if (id.equals(list.get(i).path("id").asText(null))) {
                    list.remove(i);
                    store.saveConfig(bucket, config);
                    return true;
                }
            }
            return false;
        }
    }
}
