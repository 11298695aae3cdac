package dev.lambdaconsole.simulators.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.util.Json;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A bucket's notification configuration as S3 takes it (the XML of PutBucketNotificationConfiguration, element
 * names of the 2006-03-01 API: {@code CloudFunctionConfiguration}/{@code CloudFunction}, {@code QueueConfiguration}/
 * {@code Queue}, {@code Event}, {@code Filter/S3Key/FilterRule}), checked as S3 checks it (event types, filter
 * rules, overlaps, destinations), kept as JSON in the bucket's settings, and matched against each event.
 */
final class Notifications {
    static final Set<String> EVENTS = Set.of("s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post",
            "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload", "s3:ObjectRemoved:*",
            "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated", "s3:ObjectRestore:*",
            "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete",
            "s3:ReducedRedundancyLostObject", "s3:Replication:*", "s3:Replication:OperationFailedReplication",
            "s3:Replication:OperationNotTracked", "s3:Replication:OperationMissedThreshold",
            "s3:Replication:OperationReplicatedAfterThreshold", "s3:LifecycleExpiration:*",
            "s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated", "s3:LifecycleTransition",
            "s3:IntelligentTiering", "s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete",
            "s3:ObjectAcl:Put");

    /** One configuration: kind lambda or queue, its id, destination ARN, events and key filter. */
    record Target(String kind, String id, String arn, List<String> events, String prefix, String suffix) {
        boolean matches(String eventName, String key, String encodedKey) {
            boolean event = events.stream().anyMatch(e -> e.equals(eventName)
                    || (e.endsWith(":*") && eventName.startsWith(e.substring(0, e.length() - 1))));
            return event && (keyMatches(key) || keyMatches(encodedKey));
        }

        private boolean keyMatches(String key) {
            return (prefix == null || key.startsWith(prefix)) && (suffix == null || key.endsWith(suffix));
        }
    }

    private Notifications() { }

    /**
     * Parses and checks a configuration. {@code functionExists} and {@code queueExists} answer for destination
     * ARNs; returns the JSON to keep.
     */
    static ObjectNode parse(byte[] body, Predicate<String> functionExists, Predicate<String> queueExists,
                            Predicate<String> topicExists) {
        Element root = S3Xml.parse(body);
        if (S3Xml.child(root, "EventBridgeConfiguration") != null) {
            throw S3Exception.notImplemented("EventBridgeConfiguration: S3 events to EventBridge are not simulated");
        }
        List<Target> targets = new ArrayList<>();
        for (Element e : S3Xml.children(root, "CloudFunctionConfiguration")) {
            targets.add(target("lambda", e, S3Xml.text(e, "CloudFunction"), "CloudFunction"));
        }
        for (Element e : S3Xml.children(root, "QueueConfiguration")) {
            targets.add(target("queue", e, S3Xml.text(e, "Queue"), "Queue"));
        }
        for (Element e : S3Xml.children(root, "TopicConfiguration")) {
            targets.add(target("topic", e, S3Xml.text(e, "Topic"), "Topic"));
        }
        for (int i = 0; i < targets.size(); i++) {
            for (int j = i + 1; j < targets.size(); j++) {
                if (overlap(targets.get(i), targets.get(j))) {
                    throw S3Exception.invalidArgument("Configurations overlap. Configurations on the same bucket "
                            + "cannot share a common event type.", "Event", null);
                }
            }
        }
        List<String> unknown = new ArrayList<>();
        for (Target t : targets) {
            boolean exists = switch (t.kind()) {
                case "lambda" -> functionExists.test(t.arn());
                case "topic" -> topicExists.test(t.arn());
                default -> queueExists.test(t.arn());
            };
            if (!exists) unknown.add(t.arn());
        }
        if (!unknown.isEmpty()) {
            S3Exception error = new S3Exception(400, "InvalidArgument",
                    "Unable to validate the following destination configurations");
            for (int i = 0; i < unknown.size(); i++) {
                String arn = unknown.get(i);
                error.with("ArgumentName" + (i + 1), arn).with("ArgumentValue" + (i + 1), arn.contains(":lambda:")
                        ? "Not authorized to invoke function [" + arn + "]." : "Permissions on the destination "
                        + (arn.contains(":sns:") ? "topic" : "queue") + " do not allow S3 to publish notifications from this bucket");
            }
            throw error;
        }
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("targets");
        for (Target t : targets) list.add(Json.MAPPER.valueToTree(t));
        return out;
    }

    private static Target target(String kind, Element e, String arn, String arnElement) {
        if (arn == null || arn.isBlank()) {
            throw S3Exception.invalidArgument("A " + arnElement + " ARN is required", arnElement, null);
        }
        String id = S3Xml.text(e, "Id");
        if (id == null || id.isBlank()) id = UUID.randomUUID().toString();
        List<String> events = new ArrayList<>();
        for (Element ev : S3Xml.children(e, "Event")) {
            String name = ev.getTextContent().trim();
            if (!EVENTS.contains(name)) {
                throw S3Exception.invalidArgument("The event is not supported for notifications", "Event", name);
            }
            events.add(name);
        }
        if (events.isEmpty()) throw S3Exception.invalidArgument("At least one event is required", "Event", null);
        String prefix = null;
        String suffix = null;
        Element key = S3Xml.child(S3Xml.child(e, "Filter"), "S3Key");
        for (Element rule : S3Xml.children(key, "FilterRule")) {
            String name = String.valueOf(S3Xml.text(rule, "Name")).trim().toLowerCase(Locale.ROOT);
            String value = S3Xml.text(rule, "Value");
            if (value == null) value = "";
            switch (name) {
                case "prefix" -> {
                    if (prefix != null) {
                        throw S3Exception.invalidArgument("Cannot specify more than one prefix rule in a filter.",
                                "FilterRule", "prefix");
                    }
                    prefix = value;
                }
                case "suffix" -> {
                    if (suffix != null) {
                        throw S3Exception.invalidArgument("Cannot specify more than one suffix rule in a filter.",
                                "FilterRule", "suffix");
                    }
                    suffix = value;
                }
                default -> throw S3Exception.invalidArgument("filter rule name must be either prefix or suffix",
                        "FilterRule", S3Xml.text(rule, "Name"));
            }
        }
        return new Target(kind, id, arn.trim(), events, prefix, suffix);
    }

    /** S3's rule: a common event type, and prefixes and suffixes that can both match one key. */
    static boolean overlap(Target a, Target b) {
        boolean events = false;
        for (String x : a.events()) for (String y : b.events()) events |= eventsOverlap(x, y);
        if (!events) return false;
        boolean prefixes = a.prefix() == null || b.prefix() == null || a.prefix().startsWith(b.prefix())
                || b.prefix().startsWith(a.prefix());
        boolean suffixes = a.suffix() == null || b.suffix() == null || a.suffix().endsWith(b.suffix())
                || b.suffix().endsWith(a.suffix());
        return prefixes && suffixes;
    }

    private static boolean eventsOverlap(String x, String y) {
        if (x.equals(y)) return true;
        String xs = x.endsWith(":*") ? x.substring(0, x.length() - 1) : null;
        String ys = y.endsWith(":*") ? y.substring(0, y.length() - 1) : null;
        return (xs != null && y.startsWith(xs)) || (ys != null && x.startsWith(ys));
    }

    static List<Target> targets(JsonNode config) {
        List<Target> out = new ArrayList<>();
        for (JsonNode t : config.path("notification").path("targets")) {
            out.add(Json.MAPPER.convertValue(t, Target.class));
        }
        return out;
    }

    /** The configuration as GetBucketNotificationConfiguration returns it. */
    static byte[] xml(JsonNode config) {
        S3Xml x = S3Xml.root("NotificationConfiguration");
        for (String kind : List.of("topic", "queue", "lambda")) {
            for (Target t : targets(config)) {
                if (!t.kind().equals(kind)) continue;
                String name = switch (kind) {
                    case "lambda" -> "CloudFunction";
                    case "topic" -> "Topic";
                    default -> "Queue";
                };
                String element = name + "Configuration";
                x.open(element).el("Id", t.id()).el(name, t.arn());
                for (String e : t.events()) x.el("Event", e);
                if (t.prefix() != null || t.suffix() != null) {
                    x.open("Filter").open("S3Key");
                    if (t.prefix() != null) x.open("FilterRule").el("Name", "Prefix").el("Value", t.prefix()).close("FilterRule");
                    if (t.suffix() != null) x.open("FilterRule").el("Name", "Suffix").el("Value", t.suffix()).close("FilterRule");
                    x.close("S3Key").close("Filter");
                }
                x.close(element);
            }
        }
        return x.end("NotificationConfiguration");
    }
}
