package dev.lambdaconsole.simulators.sns;

import java.util.LinkedHashMap;
import java.util.Map;

/** A confirmed subscription of a function ({@code lambda}) or a queue ({@code sqs}) to a topic. */
record Subscription(String arn, String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
    Subscription {
        attributes = new LinkedHashMap<>(attributes);
    }

    boolean raw() { return "true".equalsIgnoreCase(attributes.get("RawMessageDelivery")); }

    Subscription withAttribute(String name, String value) {
        Map<String, String> a = new LinkedHashMap<>(attributes);
        if (value == null || value.isEmpty()) a.remove(name);
        else a.put(name, value);
        return new Subscription(arn, topicArn, protocol, endpoint, a);
    }
}
