package dev.lambdaconsole.simulators.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local SQS: ElasticMQ embedded on a loopback port, on the console's endpoint as service "sqs", and in process
 * for the pollers ({@link SqsAccess}, the JSON protocol straight to ElasticMQ). Queues and messages are kept in
 * {@code <state>/sqs/queues.db} (SQLite) and survive restarts and crashes. Queue URLs point at the console's
 * endpoint ({@code http://127.0.0.1:<port>/<account>/<queue>}), ARNs name the console's region and account.
 */
public final class SqsService implements SqsAccess, AutoCloseable {
    /** The file under the module's state folder that holds queues and messages. */
    static final String DATABASE = "sqs/queues.db";

    private final ElasticMqServer server;
    private final ExecutorService threads;
    private final HttpClient http;
    private final URI elasticMq;
    private final SqsEndpoint endpoint;
    private final String region;
    private final String accountId;
    private volatile boolean closed;

    private SqsService(ElasticMqServer server, String region, String accountId) {
        this.server = server;
        this.region = region;
        this.accountId = accountId;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sqs-relay");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.elasticMq = URI.create("http://127.0.0.1:" + server.port() + "/");
        this.endpoint = new SqsEndpoint(http, elasticMq);
    }

    /** Starts the local SQS for an engine: state under {@code context.stateDir()}, URLs on its endpoint. */
    public static SqsService start(ServiceContext context) {
        String url = context.endpointUrl().get();
        if (url == null) throw new IllegalStateException("The endpoint's URL must be known before SQS starts");
        Path database = context.stateDir().resolve(DATABASE);
        return new SqsService(ElasticMqServer.start(database, URI.create(url), context.region(), context.accountId()),
                context.region(), context.accountId());
    }

    /** The service on the shared endpoint: signing name "sqs", target prefix "AmazonSQS", query forms. */
    public ServiceEndpoint endpoint() { return endpoint; }

    /** The local SQS as other simulators (the event source mappings' pollers) use it. */
    public SqsAccess access() { return this; }

    /** Where ElasticMQ listens on loopback (for diagnostics and tests; clients use the console's endpoint). */
    public URI elasticMqUrl() { return elasticMq; }

    @Override
    public JsonNode call(String operation, ObjectNode request) {
        if (closed) throw SqsErrors.unavailable(new IllegalStateException("the local SQS is stopped"));
        long wait = request.path("WaitTimeSeconds").asLong(0);
        HttpRequest post = HttpRequest.newBuilder(elasticMq).timeout(SqsEndpoint.TIMEOUT.plusSeconds(Math.max(0, wait)))
                .header("Content-Type", SqsErrors.JSON)
                .header("X-Amz-Target", SqsEndpoint.TARGET_PREFIX + "." + operation)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(request))).build();
        HttpResponse<byte[]> reply;
        try {
            reply = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw SqsErrors.unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SqsErrors.unavailable(e);
        }
        if (reply.statusCode() >= 400) throw SqsErrors.fromJson(reply.statusCode(), reply.body());
        try {
            return reply.body().length == 0 ? Json.object() : Json.MAPPER.readTree(reply.body());
        } catch (IOException e) {
            throw new AwsServiceException(500, "InternalFailure", "ElasticMQ's reply to " + operation
                    + " is not JSON: " + e.getMessage());
        }
    }

    @Override
    public Optional<QueueRef> queue(String queueArn) {
        String[] parts = queueArn == null ? new String[0] : queueArn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("sqs") || !parts[3].equals(region)
                || !parts[4].equals(accountId) || parts[5].isEmpty()) {
            return Optional.empty();
        }
        String name = parts[5];
        String url;
        try {
            url = call("GetQueueUrl", Json.object().put("QueueName", name)).path("QueueUrl").asText();
        } catch (AwsServiceException e) {
            if (e.code().equals("AWS.SimpleQueueService.NonExistentQueue")) return Optional.empty();
            throw e;
        }
        ObjectNode attributes = Json.object().put("QueueUrl", url);
        attributes.putArray("AttributeNames").add("VisibilityTimeout").add("FifoQueue");
        JsonNode found = call("GetQueueAttributes", attributes).path("Attributes");
        return Optional.of(new QueueRef(queueArn, name, url, found.path("FifoQueue").asText("false").equals("true"),
                Integer.parseInt(found.path("VisibilityTimeout").asText("30"))));
    }

    /** Stops ElasticMQ (its stored state stays). */
    @Override
    public void close() {
        closed = true;
        server.close();
        threads.shutdownNow();
    }
}
