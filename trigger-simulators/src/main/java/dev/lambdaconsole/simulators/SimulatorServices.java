package dev.lambdaconsole.simulators;

import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceModule;
import dev.lambdaconsole.runtime.gateway.ServiceRegistry;
import dev.lambdaconsole.runtime.services.lambda.LambdaErrors;
import dev.lambdaconsole.simulators.apigateway.ApiGatewayService;
import dev.lambdaconsole.simulators.apigateway.SyncInvoker;
import dev.lambdaconsole.simulators.dynamodb.DynamoDbStreams;
import dev.lambdaconsole.simulators.dynamodb.DynamoDbStreamsService;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import dev.lambdaconsole.simulators.functionurls.FunctionUrlService;
import dev.lambdaconsole.simulators.kinesis.KinesisEndpoint;
import dev.lambdaconsole.simulators.kinesis.KinesisService;
import dev.lambdaconsole.simulators.mappings.MappingService;
import dev.lambdaconsole.simulators.mappings.MappingsEndpoint;
import dev.lambdaconsole.simulators.push.PushDeliveries;
import dev.lambdaconsole.simulators.push.ServiceDestinations;
import dev.lambdaconsole.simulators.s3.S3Service;
import dev.lambdaconsole.simulators.sns.SnsService;
import dev.lambdaconsole.simulators.sqs.SqsAccess;
import dev.lambdaconsole.simulators.sqs.SqsService;
import dev.lambdaconsole.simulators.streams.StreamReader;
import dev.lambdaconsole.simulators.streams.StreamStore;
import dev.lambdaconsole.simulators.triggers.FunctionTriggers;

import java.util.ArrayDeque;
import java.util.Deque;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The trigger simulators as a service module of the engine, found through {@link java.util.ServiceLoader}:
 * registers the local services on the shared endpoint — EventBridge (rules, schedules), SQS (an embedded ElasticMQ),
 * Kinesis and DynamoDB Streams (one stream store), SNS and S3 (buckets as workspace folders) — and the event
 * source mappings with their pollers. Closing the handle
 * stops the pollers first, then SQS, then the stream store.
 */
public final class SimulatorServices implements ServiceModule {
    private static final Logger LOG = Logger.getLogger(SimulatorServices.class.getName());
    private volatile SqsService sqs;
    private volatile StreamStore streams;
    private volatile DynamoDbStreams dynamoDbStreams;
    private volatile MappingService mappings;
    private volatile PushDeliveries push;
    private volatile S3Service s3;
    private volatile EventBridgeService eventBridge;
    private volatile SnsService sns;
    private volatile ApiGatewayService apiGateway;
    private volatile dev.lambdaconsole.runtime.workspace.Workspace workspace;
    private volatile KinesisService kinesis;
    private volatile FunctionUrlService functionUrls;
    private volatile FunctionTriggers triggers;

    @Override
    public String name() { return "trigger simulators"; }

    /** A stream mapping's batch that reached the function: its age is the IteratorAge metric (streams only). */
    private static void iteratorAge(ServiceContext context, dev.lambdaconsole.simulators.mappings.Delivery d) {
        if (d.shardId() == null || d.requestId() == null || d.functionArn() == null) return;
        String[] arn = d.functionArn().split(":");
        if (arn.length < 7) return;
        context.engine().iteratorAge(arn[6], arn.length > 7 ? arn[7] : null, d.timeEpochMs(), d.iteratorAgeMs());
    }

    @Override
    public AutoCloseable start(ServiceContext context, ServiceRegistry registry) {
        // everything opened so far, closed in reverse order when the module stops or its start fails
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        workspace = context.workspace();
        try {
            PushDeliveries pushed = new PushDeliveries(context.engine(), context.stateDir());
            opened.push(pushed);
            push = pushed;
            if (context.logSubscriptions() != null) {
                opened.push(context.logSubscriptions().addListener(d -> pushed.observe("logs", "arn:aws:logs:"
                        + context.region() + ":" + context.accountId() + ":log-group:" + d.filter().logGroupName(),
                        d.functionName(), d.requestId(), d.payload())));
            }
            StreamStore store = StreamStore.open(context.stateDir().resolve(StreamStore.FILE));
            opened.push(store);
            streams = store;
            SqsService queues = SqsService.start(context);
            opened.push(queues);
            sqs = queues;
            EventBridgeService events = new EventBridgeService(context.stateDir(), context.region(),
                    context.accountId(), pushed, this::sqs, Clock.systemUTC());
            opened.push(events);
            SnsService topics = new SnsService(context.stateDir(), context.region(), context.accountId(), pushed,
                    this::sqs);
            opened.push(topics);
            opened.push(context.engine().async().addDestinationSender(
                    new ServiceDestinations(queues.access(), () -> sns, () -> eventBridge)));
            DynamoDbStreams tables = new DynamoDbStreams(store, context.region(), context.accountId());
            MappingService mapped = new MappingService(context, queues.access(), store).withTopics(() -> sns);
            opened.push(mapped);
            opened.push(mapped.deliveries().subscribe(d -> iteratorAge(context, d)));
            registry.register(events.endpoint());
            // the HTTP front doors claim their own host names and /_aws/ paths: before S3, which takes unsigned
            // requests that name a bucket
            SyncInvoker httpInvoker = new SyncInvoker(context.engine(), pushed);
            ApiGatewayService apis = new ApiGatewayService(context, httpInvoker);
            apis.endpoints().forEach(registry::register);
            FunctionUrlService urlConfigs = new FunctionUrlService(context, httpInvoker, apis.urls());
            urlConfigs.endpoints().forEach(registry::register);
            opened.push(urlConfigs);
            functionUrls = urlConfigs;
            apiGateway = apis;
            registry.register(queues.endpoint());
            KinesisService dataStreams = new KinesisService(store, context.region(), context.accountId());
            registry.register(new KinesisEndpoint(dataStreams));
            kinesis = dataStreams;
            registry.register(new DynamoDbStreamsService(tables, store).endpoint());
            registry.register(new MappingsEndpoint(mapped, new LambdaErrors(context.engine().settings())));
            registry.register(topics.endpoint());
            mapped.start();
            events.start();
            dynamoDbStreams = tables;
            mappings = mapped;
            eventBridge = events;
            sns = topics;
            S3Service buckets = S3Service.start(context, pushed, this::sqs, this::sns);
            opened.push(buckets);
            registry.register(buckets.endpoint());
            s3 = buckets;
            FunctionTriggers functionTriggers = new FunctionTriggers(context, this);
            opened.push(functionTriggers.start(registry));
            triggers = functionTriggers;
        } catch (RuntimeException e) {
            clear();
            closeAll(opened);
            throw e;
        }
        return () -> {
            clear();
            closeAll(opened);
        };
    }

    private void clear() {
        mappings = null;
        eventBridge = null;
        sns = null;
        s3 = null;
        sqs = null;
    }

    private static void closeAll(Deque<AutoCloseable> opened) {
        while (!opened.isEmpty()) {
            AutoCloseable c = opened.pop();
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "A simulator did not close cleanly", e);
            }
        }
    }

    /** The local SQS while this module runs (between {@link #start} and closing its handle). */
    public Optional<SqsAccess> sqs() {
        SqsService running = sqs;
        return running == null ? Optional.empty() : Optional.of(running.access());
    }

    /** Kinesis and DynamoDB streams as the event source mappings read them (after {@link #start}). */
    public StreamReader streams() { return streams; }

    /** The DynamoDB table streams: records as GetRecords and Lambda have them (after {@link #start}). */
    public DynamoDbStreams dynamoDbStreams() { return dynamoDbStreams; }

    /** Every push trigger's deliveries (S3, SNS, EventBridge, HTTP sources, log subscriptions), after {@link #start}. */
    public PushDeliveries push() { return push; }

    /** The local S3 (buckets as folders of the workspace) while this module runs. */
    public Optional<S3Service> s3() { return Optional.ofNullable(s3); }

    /** The local SNS (topics, subscriptions) while this module runs. */
    public Optional<SnsService> sns() { return Optional.ofNullable(sns); }

    /** The local EventBridge (buses, rules, schedules' next fire times) while this module runs. */
    public Optional<EventBridgeService> eventBridge() { return Optional.ofNullable(eventBridge); }

    /** API Gateway (HTTP and REST APIs) and the local URLs of APIs and Function URLs (after {@link #start}). */
    public ApiGatewayService apiGateway() { return apiGateway; }

    /** The event source mappings and their deliveries, while this module runs. */
    public Optional<MappingService> mappings() { return Optional.ofNullable(mappings); }

    /**
     * What each trigger delivered (push deliveries and mapping batches as one list), after {@link #start}; the
     * mappings' part follows the running module.
     */
    public dev.lambdaconsole.simulators.activity.TriggerActivity activity() {
        return new dev.lambdaconsole.simulators.activity.TriggerActivity(this::push,
                () -> mappings().map(MappingService::deliveries), this::onFailureDestination);
    }

    private String onFailureDestination(String function) {
        dev.lambdaconsole.runtime.workspace.Workspace w = workspace;
        if (w == null) return null;
        try {
            var config = w.eventInvokeConfig(function).destinationConfig();
            return config == null || config.onFailure() == null ? null : config.onFailure().destination();
        } catch (RuntimeException gone) {
            return null; // the function was deleted, or its configuration cannot be read
        }
    }

    /** Function URLs' configurations (create, get, update in process), after {@link #start}. */
    public Optional<FunctionUrlService> functionUrls() { return Optional.ofNullable(functionUrls); }

    /** The local Kinesis Data Streams operations, in process (after {@link #start}). */
    public KinesisService kinesis() { return kinesis; }

    /** Every function's triggers and destinations across the sources, with live change notices (after {@link #start}). */
    public FunctionTriggers triggers() { return triggers; }
}
