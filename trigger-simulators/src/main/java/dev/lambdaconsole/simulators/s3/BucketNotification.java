package dev.lambdaconsole.simulators.s3;

import java.util.List;

/**
 * One configuration of a bucket's event notifications, as the console lists it.
 *
 * @param kind   {@code lambda}, {@code queue} or {@code topic}
 * @param id     the configuration's Id
 * @param arn    the destination: function, queue or topic ARN
 * @param events event types, e.g. {@code s3:ObjectCreated:*}
 * @param prefix the key prefix rule, or null
 * @param suffix the key suffix rule, or null
 */
public record BucketNotification(String kind, String id, String arn, List<String> events, String prefix, String suffix) {
    /** S3's message when two configurations of one bucket overlap. */
    public static final String OVERLAP = "Configurations overlap. Configurations on the same bucket cannot share a "
            + "common event type.";

    public BucketNotification {
        events = List.copyOf(events);
    }

    static BucketNotification of(Notifications.Target t) {
        return new BucketNotification(t.kind(), t.id(), t.arn(), t.events(), t.prefix(), t.suffix());
    }

    /**
     * Whether a configuration with these events and key rules would overlap this one (S3 refuses both on one
     * bucket): a common event type and a key both could match. Empty prefix or suffix means none.
     */
    public boolean overlaps(List<String> otherEvents, String otherPrefix, String otherSuffix) {
        return Notifications.overlap(new Notifications.Target(kind, id, arn, events, prefix, suffix),
                new Notifications.Target("lambda", "", "", List.copyOf(otherEvents), emptyAsNull(otherPrefix),
                        emptyAsNull(otherSuffix)));
    }

    private static String emptyAsNull(String s) { return s == null || s.isEmpty() ? null : s; }
}
