package dev.lambdaconsole.runtime.logs.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.logs.filter.FilterPattern;
import dev.lambdaconsole.runtime.logs.filter.FilterPatternException;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;

/**
 * CloudWatch Logs subscription filters with a Lambda destination: PutSubscriptionFilter,
 * DescribeSubscriptionFilters and DeleteSubscriptionFilter, kept in {@code <state>/logs/subscription-filters.json}.
 * Every batch the log store writes is matched against the filters of its groups; the matching events of each
 * log stream go to the destination function asynchronously as CloudWatch Logs sends them:
 * {@code {"awslogs":{"data": base64(gzip(DATA_MESSAGE))}}}.
 */
public final class SubscriptionFilters implements AutoCloseable {
    /** Two filters per log group, as CloudWatch Logs allows. */
    static final int PER_GROUP = 2;
    public static final String FILE = "logs/subscription-filters.json";
    private static final Logger LOG = Logger.getLogger(SubscriptionFilters.class.getName());

    /** A filter as stored and described. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(String filterName, String logGroupName, String filterPattern, String destinationArn,
                         String roleArn, String distribution, long creationTime) { }

    /** One batch handed to a destination function. */
    public record Delivered(Filter filter, String functionName, String logStream, int events, String requestId,
                            String payload) { }

    private final LambdaEngine engine;
    private final LogStore store;
    private final Path file;
    private final String accountId;
    private final Object lock = new Object();
    private List<Filter> filters;
    private final Map<String, FilterPattern> compiled = new LinkedHashMap<>();
    private final List<Consumer<Delivered>> listeners = new CopyOnWriteArrayList<>();
    private final Runnable unsubscribe;

    public SubscriptionFilters(LambdaEngine engine, LogStore store, Path stateDir, String accountId) {
        this.engine = engine;
        this.store = store;
        this.file = stateDir.resolve(FILE);
        this.accountId = accountId;
        this.filters = load(file);
        for (Filter f : filters) compiled.put(key(f.logGroupName(), f.filterName()), FilterPattern.parse(f.filterPattern()));
        this.unsubscribe = store.subscribe(this::written);
    }

    /** Calls {@code listener} after each batch handed to a function (on the log writer's thread; must not block). */
    public AutoCloseable addListener(Consumer<Delivered> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public List<Filter> filters() {
        synchronized (lock) {
            return List.copyOf(filters);
        }
    }

    public JsonNode put(JsonNode in) {
        String group = Params.group(in);
        String name = Params.required(in, "filterName");
        if (name.length() > 512) throw Params.invalid("filterName", name, "Member must have length less than or equal to 512");
        if (name.contains(":") || name.contains("*")) {
            throw Params.invalid("filterName", name, "Member must satisfy regular expression pattern: [^:*]*");
        }
        JsonNode patternNode = in.get("filterPattern");
        if (patternNode == null || patternNode.isNull()) throw Params.invalid("filterPattern", null, "Member must not be null");
        String pattern = patternNode.asText();
        if (pattern.length() > 1024) {
            throw Params.invalid("filterPattern", pattern, "Member must have length less than or equal to 1024");
        }
        String destination = Params.required(in, "destinationArn");
        String distribution = Params.string(in, "distribution");
        if (distribution != null && !distribution.equals("Random") && !distribution.equals("ByLogStream")) {
            throw Params.invalid("distribution", distribution, "Member must satisfy enum value set: [Random, ByLogStream]");
        }
        FilterPattern parsed;
        try {
            parsed = FilterPattern.parse(pattern);
        } catch (FilterPatternException e) {
            throw AwsServiceException.invalidParameter("Invalid filter pattern: " + e.getMessage());
        }
        String function = destinationFunction(destination);
        if (LogStore.groupOf(function).equals(group)) {
            throw AwsServiceException.invalidParameter("The destination function " + function + " writes to log group "
                    + group + ": subscribing a function to its own log group would invoke it for its own logs forever."
                    + " Choose another function or log group.");
        }
        requireGroup(group);
        synchronized (lock) {
            List<Filter> next = new ArrayList<>();
            Filter existing = null;
            int inGroup = 0;
            for (Filter f : filters) {
                if (f.logGroupName().equals(group) && f.filterName().equals(name)) {
                    existing = f;
                    continue;
                }
                if (f.logGroupName().equals(group)) inGroup++;
                next.add(f);
            }
            if (inGroup >= PER_GROUP) throw new AwsServiceException(400, "LimitExceededException", "Resource limit exceeded.");
            long created = existing == null ? System.currentTimeMillis() : existing.creationTime();
            next.add(new Filter(name, group, pattern, destination, Params.string(in, "roleArn"),
                    distribution == null ? "ByLogStream" : distribution, created));
            save(next);
            filters = next;
            compiled.put(key(group, name), parsed);
        }
        return Json.object();
    }

    public JsonNode describe(JsonNode in) {
        String group = Params.group(in);
        String prefix = Params.string(in, "filterNamePrefix");
        int limit = Params.limit(in, 50, 50);
        String token = Params.string(in, "nextToken");
        String after = token == null ? null : Params.untoken(token);
        requireGroup(group);
        List<Filter> matching = new ArrayList<>();
        for (Filter f : filters()) {
            if (!f.logGroupName().equals(group)) continue;
            if (prefix != null && !f.filterName().startsWith(prefix)) continue;
            if (after != null && f.filterName().compareTo(after) <= 0) continue;
            matching.add(f);
        }
        matching.sort(java.util.Comparator.comparing(Filter::filterName));
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("subscriptionFilters");
        for (Filter f : matching.subList(0, Math.min(limit, matching.size()))) {
            ObjectNode n = list.addObject();
            n.put("filterName", f.filterName());
            n.put("logGroupName", f.logGroupName());
            n.put("filterPattern", f.filterPattern());
            n.put("destinationArn", f.destinationArn());
            if (f.roleArn() != null) n.put("roleArn", f.roleArn());
            n.put("distribution", f.distribution());
            n.put("creationTime", f.creationTime());
        }
        if (matching.size() > limit) out.put("nextToken", Params.token(matching.get(limit - 1).filterName()));
        return out;
    }

    public JsonNode delete(JsonNode in) {
        String group = Params.group(in);
        String name = Params.required(in, "filterName");
        requireGroup(group);
        synchronized (lock) {
            List<Filter> next = new ArrayList<>(filters);
            boolean removed = next.removeIf(f -> f.logGroupName().equals(group) && f.filterName().equals(name));
            if (!removed) throw AwsServiceException.notFound("The specified subscription filter does not exist.");
            save(next);
            filters = next;
            compiled.remove(key(group, name));
        }
        return Json.object();
    }

    /** The function of a destination ARN; only Lambda destinations exist locally. */
    private String destinationFunction(String arn) {
        int at = arn.indexOf(":function:");
        if (!arn.startsWith("arn:") || !arn.contains(":lambda:") || at < 0) {
            throw AwsServiceException.invalidParameter("Could not deliver test message to specified destination. "
                    + "Only AWS Lambda function destinations (arn:aws:lambda:<region>:<account>:function:<name>) are"
                    + " simulated locally; got " + arn + ".");
        }
        String rest = arn.substring(at + ":function:".length());
        String name = rest.split(":")[0];
        if (rest.contains(":") && !rest.endsWith(":$LATEST")) {
            throw AwsServiceException.invalidParameter("Could not execute the lambda function. Make sure you have given"
                    + " CloudWatch Logs permission to execute your function. (Only $LATEST exists locally: " + arn + ")");
        }
        if (!engine.workspace().exists(name)) {
            throw AwsServiceException.invalidParameter("Could not execute the lambda function. Make sure you have given"
                    + " CloudWatch Logs permission to execute your function. (No function " + name + " in the workspace.)");
        }
        return name;
    }

    /** A function's group exists once the function does; other groups while they have events. */
    private void requireGroup(String group) {
        if (group.startsWith("/aws/lambda/") && engine.workspace().exists(group.substring("/aws/lambda/".length()))) {
            return;
        }
        var found = store.groups(group, null, 1);
        if (found.isEmpty() || !found.get(0).name().equals(group)) throw Params.noGroup();
    }

    /** Matches a written batch against the filters and hands each stream's matching events to the functions. */
    private void written(List<LogEvent> batch) {
        List<Filter> current;
        synchronized (lock) {
            current = filters;
        }
        if (current.isEmpty()) return;
        for (Filter f : current) {
            FilterPattern pattern;
            synchronized (lock) {
                pattern = compiled.get(key(f.logGroupName(), f.filterName()));
            }
            if (pattern == null) continue;
            Map<String, List<LogEvent>> byStream = new LinkedHashMap<>();
            for (LogEvent e : batch) {
                if (e.logGroup().equals(f.logGroupName()) && pattern.matches(e.message())) {
                    byStream.computeIfAbsent(e.logStream(), s -> new ArrayList<>()).add(e);
                }
            }
            byStream.forEach((stream, events) -> send(f, stream, events));
        }
    }

    private void send(Filter f, String stream, List<LogEvent> events) {
        ObjectNode message = Json.object();
        message.put("messageType", "DATA_MESSAGE");
        message.put("owner", accountId);
        message.put("logGroup", f.logGroupName());
        message.put("logStream", stream);
        message.putArray("subscriptionFilters").add(f.filterName());
        ArrayNode list = message.putArray("logEvents");
        for (LogEvent e : events) {
            list.addObject().put("id", LogEventsReads.id(e.id())).put("timestamp", e.timestamp()).put("message", e.message());
        }
        String data = Base64.getEncoder().encodeToString(gzip(Json.write(message).getBytes(StandardCharsets.UTF_8)));
        ObjectNode payload = Json.object();
        payload.putObject("awslogs").put("data", data);
        String json = Json.write(payload);
        String function = f.destinationArn().substring(f.destinationArn().indexOf(":function:") + 10).split(":")[0];
        String requestId;
        try {
            requestId = engine.invokeEvent(InvocationRequest.of(function, json.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Subscription filter " + f.filterName() + " of " + f.logGroupName()
                    + " could not invoke " + function + ": " + e.getMessage());
            requestId = null;
        }
        Delivered d = new Delivered(f, function, stream, events.size(), requestId, json);
        for (Consumer<Delivered> l : listeners) {
            try {
                l.accept(d);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A subscription listener failed", e);
            }
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String key(String group, String name) { return group + "\n" + name; }

    private void save(List<Filter> next) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, Json.pretty(next));
        } catch (IOException e) {
            throw new AwsServiceException(500, "ServiceUnavailableException",
                    "Cannot save the subscription filters in " + file + ": " + e.getMessage());
        }
    }

    private static List<Filter> load(Path file) {
        if (!Files.exists(file)) return new ArrayList<>();
        try {
            return new ArrayList<>(Json.MAPPER.readValue(file.toFile(), new TypeReference<List<Filter>>() { }));
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            LOG.log(Level.WARNING, "Cannot read the subscription filters in " + file + " (moved to " + aside
                    + ", none active): " + e.getMessage());
            try {
                Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // left where it is; the next put replaces it
            }
            return new ArrayList<>();
        }
    }

    @Override
    public void close() {
        unsubscribe.run();
        listeners.clear();
    }
}
