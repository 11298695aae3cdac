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
        S3Events events = new S3Events(store, push, sqs, sns, S3Service::qualifiedName, context.region());
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
            context.engine().resolve(n.name(), n.qualifier()); // a version or alias ARN must name one that exists
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@code name} or {@code name:qualifier} of a function ARN: notifications to a version or alias invoke it. */
    private static String qualifiedName(String arn) {
        FunctionNames n = FunctionNames.parse(arn, null);
        return n.qualifier() == null ? n.name() : n.name() + ":" + n.qualifier();
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

    // ---- in process, for the console: the same checks and S3's errors as the REST API ----

    /** The buckets by name (ListBuckets). */
    public java.util.List<String> bucketNames() { return store.buckets(); }

    /** S3's InvalidBucketName message for {@code name}, or null when S3 takes it. */
    public static String bucketNameProblem(String name) {
        String problem = BucketNames.problem(name == null ? "" : name);
        return problem == null ? null : "The specified bucket is not valid: " + problem + ". " + BucketNames.RULE + ".";
    }

    /** CreateBucket in the default region; BucketAlreadyOwnedByYou or InvalidBucketName as S3 answers them. */
    public void createBucket(String name) { store.createBucket(name, null); }

    /** The bucket's notification configurations (NoSuchBucket if it does not exist). */
    public java.util.List<BucketNotification> notifications(String bucket) {
        return endpoint.bucketOperations().notifications(bucket).stream().map(BucketNotification::of).toList();
    }

    /** GetBucketNotificationConfiguration's XML. */
    public String notificationConfiguration(String bucket) {
        return new String(endpoint.bucketOperations().notificationXml(bucket), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** PutBucketNotificationConfiguration with the XML body S3 takes. */
    public void putNotificationConfiguration(String bucket, String xml) {
        endpoint.bucketOperations().putNotification(bucket, xml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                requestId());
    }

    /**
     * Adds a CloudFunctionConfiguration for {@code functionArn} to the bucket's configuration, keeping the existing
     * ones (as the Lambda console does: read the configuration, append, put it back); S3's errors, e.g. the
     * overlap of two configurations, as PutBucketNotificationConfiguration answers them. Returns the new
     * configuration's id.
     */
    public synchronized String addFunctionNotification(String bucket, String functionArn, java.util.List<String> events,
                                                       String prefix, String suffix) {
        String current = notificationConfiguration(bucket);
        String id = "lambda-" + java.util.UUID.randomUUID();
        StringBuilder c = new StringBuilder("<CloudFunctionConfiguration><Id>").append(id).append("</Id><CloudFunction>")
                .append(S3Xml.escape(functionArn)).append("</CloudFunction>");
        for (String e : events) c.append("<Event>").append(S3Xml.escape(e)).append("</Event>");
        boolean hasPrefix = prefix != null && !prefix.isEmpty();
        boolean hasSuffix = suffix != null && !suffix.isEmpty();
        if (hasPrefix || hasSuffix) {
            c.append("<Filter><S3Key>");
            if (hasPrefix) c.append("<FilterRule><Name>prefix</Name><Value>").append(S3Xml.escape(prefix)).append("</Value></FilterRule>");
            if (hasSuffix) c.append("<FilterRule><Name>suffix</Name><Value>").append(S3Xml.escape(suffix)).append("</Value></FilterRule>");
            c.append("</S3Key></Filter>");
        }
        c.append("</CloudFunctionConfiguration>");
        int end = current.lastIndexOf("</NotificationConfiguration>");
        String xml = end < 0 ? "<NotificationConfiguration>" + c + "</NotificationConfiguration>"
                : current.substring(0, end) + c + current.substring(end);
        putNotificationConfiguration(bucket, xml);
        return id;
    }

    /** The buckets in process (the console): the same store, rules, errors and notifications as the REST API. */
    public LocalBuckets buckets() { return new LocalBuckets(store, events::emit); }

    // ---- for the console (in process) ----

    /** One entry of a bucket's notification configuration: kind lambda, queue or topic; prefix/suffix may be null. */
    public record NotificationEntry(String bucket, String kind, String id, String destinationArn, List<String> events,
                                     String prefix, String suffix) { }

    /** Every bucket's notification entries, bucket by bucket in name order. */
    public List<NotificationEntry> notifications() {
        List<NotificationEntry> out = new ArrayList<>();
        for (String bucket : store.buckets()) {
            for (Notifications.Target t : Notifications.targets(store.config(bucket))) {
                out.add(new NotificationEntry(bucket, t.kind(), t.id(), t.arn(), List.copyOf(t.events()), t.prefix(),
                        t.suffix()));
            }
        }
        return out;
    }

    /**
     * Removes the entry {@code id} from a bucket's notification configuration and keeps the others (as a
     * PutNotificationEntryConfiguration without it would). Throws NoSuchBucket for a missing bucket; false when
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
