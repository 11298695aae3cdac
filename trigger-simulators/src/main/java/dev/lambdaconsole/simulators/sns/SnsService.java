package dev.lambdaconsole.simulators.sns;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.simulators.patterns.SnsFilterPolicy;
import dev.lambdaconsole.simulators.push.PushDeliveries;
import dev.lambdaconsole.simulators.sqs.SqsAccess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The local SNS: topics (standard and FIFO) and their subscriptions (functions and queues), kept in
 * {@code <state>/sns/topics.json}; published messages are matched against each subscription's filter policy and
 * delivered in the background, in publish order.
 */
public final class SnsService implements AutoCloseable {
    static final int PAGE = 100;
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");
    static final Set<String> TOPIC_ATTRIBUTES = Set.of("DisplayName", "Policy", "DeliveryPolicy", "FifoTopic",
            "ContentBasedDeduplication", "KmsMasterKeyId", "SignatureVersion", "TracingConfig", "ArchivePolicy",
            "FifoThroughputScope", "DataProtectionPolicy", "HTTPSuccessFeedbackRoleArn", "HTTPFailureFeedbackRoleArn",
            "HTTPSuccessFeedbackSampleRate", "LambdaSuccessFeedbackRoleArn", "LambdaFailureFeedbackRoleArn",
            "LambdaSuccessFeedbackSampleRate", "SQSSuccessFeedbackRoleArn", "SQSFailureFeedbackRoleArn",
            "SQSSuccessFeedbackSampleRate");
    static final Set<String> SUBSCRIPTION_ATTRIBUTES = Set.of("DeliveryPolicy", "FilterPolicy", "FilterPolicyScope",
            "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy");

    private final String region;
    private final String accountId;
    private final SnsStore store;
    private final Map<String, Topic> topics;
    private final Map<String, Subscription> subscriptions;
    private final SnsDelivery delivery;
    private final SnsPublisher publisher;
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sns-delivery");
        t.setDaemon(true);
        return t;
    });

    public SnsService(Path stateDir, String region, String accountId, PushDeliveries push,
                      Supplier<Optional<SqsAccess>> sqs) {
        this.region = region;
        this.accountId = accountId;
        this.store = new SnsStore(stateDir);
        SnsStore.State state = store.load();
        this.topics = SnsStore.byArn(state.topics(), Topic::arn);
        this.subscriptions = SnsStore.byArn(state.subscriptions(), Subscription::arn);
        this.delivery = new SnsDelivery(push, sqs, region);
        this.publisher = new SnsPublisher(this);
    }

    /** The service on the shared endpoint (Query protocol, signing name "sns"). */
    public SnsEndpoint endpoint() { return new SnsEndpoint(this); }

    String region() { return region; }

    SnsDelivery delivery() { return delivery; }

    /** Answers one action: the reply's XML. */
    synchronized String call(String action, QueryArgs a, String requestId) {
        SnsXml x = new SnsXml();
        boolean result = true;
        switch (action) {
            case "CreateTopic" -> x.element("TopicArn", createTopic(a));
            case "DeleteTopic" -> { deleteTopic(a); result = false; }
            case "ListTopics" -> listTopics(a, x);
            case "GetTopicAttributes" -> x.map("Attributes", topicAttributes(topic(a.get("TopicArn"))));
            case "SetTopicAttributes" -> { setTopicAttribute(a); result = false; }
            case "Subscribe" -> x.element("SubscriptionArn", subscribe(a));
            case "Unsubscribe" -> { unsubscribe(a); result = false; }
            case "ListSubscriptions" -> listSubscriptions(new ArrayList<>(subscriptions.values()), a, x);
            case "ListSubscriptionsByTopic" -> {
                Topic t = topic(a.get("TopicArn"));
                listSubscriptions(subscriptions.values().stream().filter(s -> s.topicArn().equals(t.arn())).toList(), a, x);
            }
            case "GetSubscriptionAttributes" ->
                    x.map("Attributes", subscriptionAttributes(subscription(a.get("SubscriptionArn"))));
            case "SetSubscriptionAttributes" -> { setSubscriptionAttribute(a); result = false; }
            case "Publish" -> publisher.publish(a, x);
            case "PublishBatch" -> publisher.publishBatch(a, x);
            case "TagResource" -> tag(a);
            case "UntagResource" -> untag(a);
            case "ListTagsForResource" -> {
                x.open("Tags");
                resource(a.get("ResourceArn")).tags().forEach((k, v) ->
                        x.open("member").element("Key", k).element("Value", v).close("member"));
                x.close("Tags");
            }
            default -> throw new AwsServiceException(400, "InvalidAction", "The action " + action
                    + " is not valid for this web service. This local SNS implements: " + String.join(", ",
                    new java.util.TreeSet<>(SnsEndpoint.ACTIONS)) + ".");
        }
        return x.reply(action, requestId, result);
    }

    // --- topics

    private String createTopic(QueryArgs a) {
        String name = a.get("Name");
        if (name == null) throw SnsErrors.invalid("Topic Name");
        Map<String, String> attributes = a.map("Attributes", "key", "value");
        for (String key : attributes.keySet()) {
            if (!TOPIC_ATTRIBUTES.contains(key)) throw SnsErrors.invalid("AttributeName");
        }
        boolean fifo = "true".equalsIgnoreCase(attributes.get("FifoTopic"));
        if (fifo != name.endsWith(".fifo") || !(fifo ? FIFO_NAME : TOPIC_NAME).matcher(name).matches()) {
            if (fifo || name.endsWith(".fifo")) {
                throw SnsErrors.invalid("Fifo Topic names must end with .fifo and must be made up of only uppercase "
                        + "and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and "
                        + "256 characters long.");
            }
            throw SnsErrors.invalid("Topic Name");
        }
        if (!fifo) attributes.remove("FifoTopic");
        if (attributes.containsKey("ContentBasedDeduplication") && !fifo) {
            throw SnsErrors.invalid("ContentBasedDeduplication: Content-based deduplication can only be set for FIFO topics");
        }
        Map<String, String> tags = tags(a);
        String arn = "arn:aws:sns:" + region + ":" + accountId + ":" + name;
        Topic existing = topics.get(arn);
        if (existing != null) {
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                if (!e.getValue().equals(existing.attributes().get(e.getKey()))) {
                    throw SnsErrors.invalid("Attributes Reason: Topic already exists with different attributes");
                }
            }
            for (Map.Entry<String, String> e : tags.entrySet()) {
                if (!e.getValue().equals(existing.tags().get(e.getKey()))) {
                    throw SnsErrors.invalid("Tags Reason: Topic already exists with different tags");
                }
            }
            return arn;
        }
        topics.put(arn, new Topic(arn, name, attributes, tags));
        save();
        return arn;
    }

    private void deleteTopic(QueryArgs a) {
        String arn = topicArn(a.get("TopicArn"), "TopicArn");
        if (topics.remove(arn) != null) {
            subscriptions.values().removeIf(s -> s.topicArn().equals(arn));
            save();
        }
    }

    private void listTopics(QueryArgs a, SnsXml x) {
        List<Topic> all = new ArrayList<>(topics.values());
        int from = start(a.get("NextToken"), all.stream().map(Topic::arn).toList());
        x.open("Topics");
        for (int i = from; i < Math.min(all.size(), from + PAGE); i++) {
            x.open("member").element("TopicArn", all.get(i).arn()).close("member");
        }
        x.close("Topics");
        if (from + PAGE < all.size()) x.element("NextToken", token(all.get(from + PAGE).arn()));
    }

    Map<String, String> topicAttributes(Topic t) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Policy", t.attributes().getOrDefault("Policy", defaultPolicy(t.arn())));
        out.put("Owner", accountId);
        out.put("SubscriptionsPending", "0");
        out.put("TopicArn", t.arn());
        out.put("EffectiveDeliveryPolicy", t.attributes().getOrDefault("DeliveryPolicy",
                "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,\"maxDelayTarget\":20,"
                        + "\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,"
                        + "\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false,"
                        + "\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}"));
        out.put("SubscriptionsConfirmed", String.valueOf(subscriptions.values().stream()
                .filter(s -> s.topicArn().equals(t.arn())).count()));
        out.put("DisplayName", t.attributes().getOrDefault("DisplayName", ""));
        out.put("SubscriptionsDeleted", "0");
        if (t.fifo()) {
            out.put("FifoTopic", "true");
            out.put("ContentBasedDeduplication", String.valueOf(t.contentBasedDeduplication()));
        }
        t.attributes().forEach(out::putIfAbsent);
        return out;
    }

    private String defaultPolicy(String arn) {
        return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":\"__default_statement_ID\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"SNS:GetTopicAttributes\","
                + "\"SNS:SetTopicAttributes\",\"SNS:AddPermission\",\"SNS:RemovePermission\",\"SNS:DeleteTopic\","
                + "\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\",\"SNS:Publish\"],\"Resource\":\"" + arn + "\","
                + "\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\"" + accountId + "\"}}}]}";
    }

    private void setTopicAttribute(QueryArgs a) {
        Topic t = topic(a.get("TopicArn"));
        String name = a.get("AttributeName");
        String value = a.get("AttributeValue");
        if (name == null || !TOPIC_ATTRIBUTES.contains(name) || name.equals("FifoTopic")) {
            throw SnsErrors.invalid("AttributeName");
        }
        if (name.equals("ContentBasedDeduplication")) {
            if (!t.fifo()) throw SnsErrors.invalid("ContentBasedDeduplication: Content-based deduplication can only be set for FIFO topics");
            if (!"true".equals(value) && !"false".equals(value)) throw SnsErrors.invalid("ContentBasedDeduplication");
        }
        topics.put(t.arn(), t.withAttribute(name, value));
        save();
    }

    /** A topic named by an ARN that must exist. */
    Topic topic(String raw) {
        Topic t = topics.get(topicArn(raw, "TopicArn"));
        if (t == null) throw SnsErrors.topicNotFound();
        return t;
    }

    /** A well-formed topic ARN (of any region), else {@code Invalid parameter: <member>}. */
    static String topicArn(String raw, String member) {
        if (raw == null || raw.isEmpty()) throw SnsErrors.invalid(member);
        String[] p = raw.split(":", -1);
        if (p.length != 6 || !p[0].equals("arn") || !p[2].equals("sns") || p[3].isEmpty() || !p[4].matches("\\d{12}")
                || !(TOPIC_NAME.matcher(p[5]).matches() || FIFO_NAME.matcher(p[5]).matches())) {
            throw SnsErrors.invalid(member);
        }
        return raw;
    }

    // --- subscriptions

    private String subscribe(QueryArgs a) {
        Topic t = topic(a.get("TopicArn"));
        String protocol = a.get("Protocol");
        if (protocol == null || protocol.isEmpty()) throw SnsErrors.invalid("Protocol");
        String endpoint = a.get("Endpoint");
        switch (protocol) {
            case "lambda" -> {
                if (endpoint == null || !endpoint.matches("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?")) {
                    throw SnsErrors.invalid("Lambda endpoint ARN");
                }
            }
            case "sqs" -> {
                if (endpoint == null || !endpoint.matches("arn:aws[a-z-]*:sqs:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,80}(\\.fifo)?")) {
                    throw SnsErrors.invalid("SQS endpoint ARN");
                }
            }
            case "http", "https", "email", "email-json", "sms", "application", "firehose" ->
                    throw SnsErrors.invalid("Protocol Reason: the local SNS delivers to lambda and sqs subscriptions only "
                            + "(got " + protocol + ")");
            default -> throw SnsErrors.invalid("Invalid protocol type: " + protocol);
        }
        Map<String, String> attributes = a.map("Attributes", "key", "value");
        for (Map.Entry<String, String> e : attributes.entrySet()) checkSubscriptionAttribute(protocol, e.getKey(), e.getValue());
        checkFilter(attributes);
        for (Subscription s : subscriptions.values()) {
            if (s.topicArn().equals(t.arn()) && s.protocol().equals(protocol) && s.endpoint().equals(endpoint)) {
                for (Map.Entry<String, String> e : attributes.entrySet()) {
                    if (!e.getValue().equals(s.attributes().get(e.getKey()))) {
                        throw SnsErrors.invalid("Attributes Reason: Subscription already exists with different attributes");
                    }
                }
                return s.arn();
            }
        }
        String arn = t.arn() + ":" + UUID.randomUUID();
        subscriptions.put(arn, new Subscription(arn, t.arn(), protocol, endpoint, attributes));
        save();
        return arn;
    }

    private static void checkSubscriptionAttribute(String protocol, String name, String value) {
        if (!SUBSCRIPTION_ATTRIBUTES.contains(name)) throw SnsErrors.invalid("AttributeName");
        switch (name) {
            case "RawMessageDelivery" -> {
                if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
                    throw SnsErrors.invalid("RawMessageDelivery: Invalid value [" + value + "]. Must be true or false.");
                }
                if (protocol.equals("lambda") && "true".equalsIgnoreCase(value)) {
                    throw SnsErrors.invalid("Attributes Reason: Delivery protocol [lambda] does not support raw message delivery.");
                }
            }
            case "FilterPolicyScope" -> SnsFilterPolicy.Scope.fromWire(value);
            default -> { }
        }
    }

    /** The policy and its scope together must compile (a scope change re-checks the policy). */
    private static SnsFilterPolicy checkFilter(Map<String, String> attributes) {
        String policy = attributes.get("FilterPolicy");
        if (policy == null || policy.isBlank()) return null;
        return SnsFilterPolicy.parse(policy, SnsFilterPolicy.Scope.fromWire(attributes.get("FilterPolicyScope")));
    }

    private void unsubscribe(QueryArgs a) {
        String arn = a.get("SubscriptionArn");
        subscriptionArn(arn);
        if (subscriptions.remove(arn) == null) throw SnsErrors.notFound("Subscription does not exist");
        save();
    }

    private void listSubscriptions(List<Subscription> all, QueryArgs a, SnsXml x) {
        int from = start(a.get("NextToken"), all.stream().map(Subscription::arn).toList());
        x.open("Subscriptions");
        for (int i = from; i < Math.min(all.size(), from + PAGE); i++) {
            Subscription s = all.get(i);
            x.open("member").element("SubscriptionArn", s.arn()).element("Owner", accountId)
                    .element("Protocol", s.protocol()).element("Endpoint", s.endpoint())
                    .element("TopicArn", s.topicArn()).close("member");
        }
        x.close("Subscriptions");
        if (from + PAGE < all.size()) x.element("NextToken", token(all.get(from + PAGE).arn()));
    }

    private Subscription subscription(String arn) {
        subscriptionArn(arn);
        Subscription s = subscriptions.get(arn);
        if (s == null) throw SnsErrors.notFound("Subscription does not exist");
        return s;
    }

    private static void subscriptionArn(String arn) {
        if (arn == null || !arn.matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]+:[0-9a-f-]{36}")) {
            throw SnsErrors.invalid("SubscriptionArn");
        }
    }

    private Map<String, String> subscriptionAttributes(Subscription s) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("ConfirmationWasAuthenticated", "true");
        out.put("PendingConfirmation", "false");
        out.put("Owner", accountId);
        out.put("RawMessageDelivery", String.valueOf(s.raw()));
        out.put("SubscriptionArn", s.arn());
        out.put("TopicArn", s.topicArn());
        out.put("Endpoint", s.endpoint());
        out.put("Protocol", s.protocol());
        out.put("SubscriptionPrincipal", "arn:aws:iam::" + accountId + ":user/local");
        if (s.attributes().containsKey("FilterPolicy")) {
            out.put("FilterPolicyScope", s.attributes().getOrDefault("FilterPolicyScope", "MessageAttributes"));
        }
        s.attributes().forEach((k, v) -> { if (!k.equals("RawMessageDelivery")) out.put(k, v); });
        return out;
    }

    private void setSubscriptionAttribute(QueryArgs a) {
        Subscription s = subscription(a.get("SubscriptionArn"));
        String name = a.get("AttributeName");
        String value = a.get("AttributeValue");
        if (name == null) throw SnsErrors.invalid("AttributeName");
        checkSubscriptionAttribute(s.protocol(), name, value == null ? "" : value);
        Subscription changed = s.withAttribute(name, value);
        checkFilter(changed.attributes());
        subscriptions.put(s.arn(), changed);
        save();
    }

    // --- tags

    private Topic resource(String arn) {
        if (arn == null) throw SnsErrors.invalid("ResourceArn");
        Topic t = topics.get(arn);
        if (t == null) throw new AwsServiceException(404, "ResourceNotFound", "Resource does not exist");
        return t;
    }

    private static Map<String, String> tags(QueryArgs a) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (QueryArgs m : a.members("Tags")) {
            if (m.get("Key") == null) throw SnsErrors.invalid("Tags Reason: a tag needs a Key");
            tags.put(m.get("Key"), m.get("Value") == null ? "" : m.get("Value"));
        }
        return tags;
    }

    private void tag(QueryArgs a) {
        Topic t = resource(a.get("ResourceArn"));
        Map<String, String> tags = new LinkedHashMap<>(t.tags());
        tags.putAll(tags(a));
        if (tags.size() > 50) throw new AwsServiceException(400, "TagLimitExceeded",
                "Could not complete request: tag quota of per resource exceeded");
        topics.put(t.arn(), t.withTags(tags));
        save();
    }

    private void untag(QueryArgs a) {
        Topic t = resource(a.get("ResourceArn"));
        Map<String, String> tags = new LinkedHashMap<>(t.tags());
        a.memberValues("TagKeys").forEach(tags::remove);
        topics.put(t.arn(), t.withTags(tags));
        save();
    }

    // --- publishing (SnsPublisher validates; this fans out)

    /** Queues the deliveries of {@code m} to the topic's subscriptions whose filter policy it passes. */
    void fanOut(Topic t, SnsMessage m) {
        List<Subscription> targets = new ArrayList<>();
        for (Subscription s : subscriptions.values()) {
            if (!s.topicArn().equals(t.arn())) continue;
            SnsFilterPolicy filter = checkFilter(s.attributes());
            if (filter != null && !filter.matches(m.messageFor(s.protocol()), attributesAsNotification(m))) continue;
            targets.add(s);
        }
        if (targets.isEmpty()) return;
        deliveries.execute(() -> targets.forEach(s -> delivery.deliver(s, m)));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode attributesAsNotification(SnsMessage m) {
        com.fasterxml.jackson.databind.node.ObjectNode out = dev.lambdaconsole.runtime.util.Json.object();
        m.attributes().forEach((k, v) -> out.putObject(k).put("Type", v.type()).put("Value", v.value()));
        return out;
    }

    /**
     * Publishes {@code message} to a topic in process (asynchronous invocation destinations, the console), as
     * Publish does; a FIFO topic gets one group and a fresh deduplication id. Returns the message id; throws
     * NotFound for a missing topic.
     */
    public synchronized String publish(String topicArn, String message) {
        Topic t = topic(topicArn);
        java.util.Map<String, String> args = new java.util.HashMap<>();
        args.put("TopicArn", topicArn);
        args.put("Message", message);
        if (t.fifo()) {
            args.put("MessageGroupId", "lambda");
            args.put("MessageDeduplicationId", java.util.UUID.randomUUID().toString());
        }
        return publisher.message(t, new QueryArgs(args)).messageId();
    }

    /** The subscriptions of a topic (for the console). */
    public synchronized List<String> subscriptionArns(String topicArn) {
        return subscriptions.values().stream().filter(s -> s.topicArn().equals(topicArn)).map(Subscription::arn).toList();
    }

    /** The topics' ARNs, in creation order (for the console). */
    public synchronized List<String> topicArns() { return List.copyOf(topics.keySet()); }

    private void save() { store.save(topics, subscriptions); }

    private static int start(String token, List<String> arns) {
        if (token == null || token.isEmpty()) return 0;
        String arn;
        try {
            arn = new String(java.util.Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SnsErrors.invalid("NextToken");
        }
        int i = arns.indexOf(arn);
        if (i < 0) throw SnsErrors.invalid("NextToken");
        return i;
    }

    private static String token(String arn) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(arn.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void close() { deliveries.shutdown(); }

    // ---- for the console (in process) ----

    /** A subscription as ListSubscriptions shows it, with its attributes (FilterPolicy, …). */
    public record SubscriptionView(String subscriptionArn, String topicArn, String protocol, String endpoint,
                                   Map<String, String> attributes) { }

    /** Every subscription, in creation order. */
    public synchronized List<SubscriptionView> subscriptions() {
        return subscriptions.values().stream().map(s -> new SubscriptionView(s.arn(), s.topicArn(), s.protocol(),
                s.endpoint(), Map.copyOf(s.attributes()))).toList();
    }

    // --- in process, for the console (the same checks and errors as the Query API)

    /** A topic as the console lists it: the attributes are GetTopicAttributes'. */
    public record TopicInfo(String arn, String name, boolean fifo, Map<String, String> attributes) { }

    /** A subscription as the console lists it: the attributes are GetSubscriptionAttributes'. */
    public record SubscriptionInfo(String arn, String protocol, String endpoint, boolean rawDelivery,
                                   String filterPolicy, Map<String, String> attributes) { }

    /** One message attribute of Publish: {@code type} String, Number, Binary (value in base64) or String.Array. */
    public record MessageAttribute(String name, String type, String value) { }

    /** A message to publish; null or empty fields are left out of the request. */
    public record PublishRequest(String topicArn, String message, String subject, List<MessageAttribute> attributes,
                                 String groupId, String deduplicationId, boolean jsonStructure) { }

    /** Publish's answer, and the subscriptions whose filter policy the message passed (its deliveries queued). */
    public record Published(String messageId, String sequenceNumber, List<SubscriptionInfo> deliveredTo) { }

    /** ListTopics, every page, in creation order. */
    public synchronized List<TopicInfo> listTopics() {
        List<TopicInfo> out = new ArrayList<>();
        for (Topic t : topics.values()) out.add(new TopicInfo(t.arn(), t.name(), t.fifo(), topicAttributes(t)));
        return out;
    }

    /** CreateTopic with {@code attributes} (e.g. FifoTopic=true); returns the ARN. */
    public synchronized String createTopic(String name, Map<String, String> attributes) {
        Map<String, String> args = new LinkedHashMap<>();
        if (name != null) args.put("Name", name);
        int i = 1;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            args.put("Attributes.entry." + i + ".key", e.getKey());
            args.put("Attributes.entry." + i + ".value", e.getValue());
            i++;
        }
        return createTopic(new QueryArgs(args));
    }

    /** ListSubscriptionsByTopic with each one's attributes; NotFound for a missing topic. */
    public synchronized List<SubscriptionInfo> listSubscriptions(String topicArn) {
        Topic t = topic(topicArn);
        return subscriptions.values().stream().filter(s -> s.topicArn().equals(t.arn())).map(this::info).toList();
    }

    private SubscriptionInfo info(Subscription s) {
        return new SubscriptionInfo(s.arn(), s.protocol(), s.endpoint(), s.raw(), s.attributes().get("FilterPolicy"),
                subscriptionAttributes(s));
    }

    /** Subscribe (lambda or sqs) with {@code attributes} (RawMessageDelivery, FilterPolicy…); returns the ARN. */
    public synchronized String subscribe(String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
        Map<String, String> args = new LinkedHashMap<>();
        if (topicArn != null) args.put("TopicArn", topicArn);
        if (protocol != null) args.put("Protocol", protocol);
        if (endpoint != null) args.put("Endpoint", endpoint);
        int i = 1;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            args.put("Attributes.entry." + i + ".key", e.getKey());
            args.put("Attributes.entry." + i + ".value", e.getValue());
            i++;
        }
        return subscribe(new QueryArgs(args));
    }

    /** Unsubscribe: NotFound for a subscription that does not exist. */
    public synchronized void unsubscribe(String subscriptionArn) {
        unsubscribe(new QueryArgs(Map.of("SubscriptionArn", subscriptionArn == null ? "" : subscriptionArn)));
    }

    /** Publish, checked as the Query API checks it; the deliveries run in the background as they do for it. */
    public synchronized Published publish(PublishRequest r) {
        Map<String, String> args = new LinkedHashMap<>();
        put(args, "TopicArn", r.topicArn());
        put(args, "Message", r.message());
        put(args, "Subject", r.subject());
        put(args, "MessageGroupId", r.groupId());
        put(args, "MessageDeduplicationId", r.deduplicationId());
        if (r.jsonStructure()) args.put("MessageStructure", "json");
        int i = 1;
        for (MessageAttribute a : r.attributes()) {
            String at = "MessageAttributes.entry." + i++ + ".";
            args.put(at + "Name", a.name());
            args.put(at + "Value.DataType", a.type());
            args.put(at + "Value." + (a.type() != null && a.type().startsWith("Binary") ? "BinaryValue" : "StringValue"),
                    a.value());
        }
        Topic t = topic(r.topicArn());
        SnsMessage m = publisher.message(t, new QueryArgs(args));
        List<SubscriptionInfo> to = new ArrayList<>();
        for (Subscription s : subscriptions.values()) {
            if (!s.topicArn().equals(t.arn())) continue;
            SnsFilterPolicy filter = checkFilter(s.attributes());
            if (filter != null && !filter.matches(m.messageFor(s.protocol()), attributesAsNotification(m))) continue;
            to.add(info(s));
        }
        return new Published(m.messageId(), m.sequenceNumber(), to);
    }

    private static void put(Map<String, String> args, String name, String value) {
        if (value != null && !value.isEmpty()) args.put(name, value);
    }

    /** CreateTopic in process: the topic's ARN (an existing topic of that name answers its ARN, as SNS does). */
    public synchronized String createTopic(String name) {
        return createTopic(name, name != null && name.endsWith(".fifo") ? Map.of("FifoTopic", "true") : Map.of());
    }

    /** A subscription's attributes as GetSubscriptionAttributes answers them. */
    public synchronized java.util.Map<String, String> subscriptionAttributes(String subscriptionArn) {
        return subscriptionAttributes(subscription(subscriptionArn));
    }
}
