package dev.lambdaconsole.simulators.sns;

import java.util.LinkedHashMap;
import java.util.Map;

/** A topic: its ARN, the attributes set on it (besides the computed ones) and its tags. */
record Topic(String arn, String name, Map<String, String> attributes, Map<String, String> tags) {
    Topic {
        attributes = new LinkedHashMap<>(attributes);
        tags = new LinkedHashMap<>(tags);
    }

    boolean fifo() { return "true".equalsIgnoreCase(attributes.get("FifoTopic")); }

    boolean contentBasedDeduplication() { return "true".equalsIgnoreCase(attributes.get("ContentBasedDeduplication")); }

    Topic withAttribute(String name, String value) {
        Map<String, String> a = new LinkedHashMap<>(attributes);
        if (value == null || value.isEmpty()) a.remove(name);
        else a.put(name, value);
        return new Topic(arn, this.name, a, tags);
    }

    Topic withTags(Map<String, String> newTags) { return new Topic(arn, name, attributes, newTags); }
}
