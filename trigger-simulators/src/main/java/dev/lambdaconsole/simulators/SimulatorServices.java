package dev.lambdaconsole.simulators;

import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceModule;
import dev.lambdaconsole.runtime.gateway.ServiceRegistry;
import dev.lambdaconsole.runtime.services.lambda.LambdaErrors;
import dev.lambdaconsole.simulators.dynamodb.DynamoDbStreams;
import dev.lambdaconsole.simulators.dynamodb.DynamoDbStreamsService;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import dev.lambdaconsole.simulators.kinesis.KinesisEndpoint;
import dev.lambdaconsole.simulators.kinesis.KinesisService;
import dev.lambdaconsole.simulators.mappings.MappingService;
import dev.lambdaconsole.simulators.mappings.MappingsEndpoint;
import dev.lambdaconsole.simulators.push.PushDeliveries;
import dev.lambdaconsole.simulators.sns.SnsService;
import dev.lambdaconsole.simulators.sqs.SqsAccess;
import dev.lambdaconsole.simulators.sqs.SqsService;
import dev.lambdaconsole.simulators.streams.StreamReader;
import dev.lambdaconsole.simulators.streams.StreamStore;

import java.time.Clock;
import java.util.Optional;

/**
 * The trigger simulators as a service module of the engine, found through {@link java.util.ServiceLoader}:
 * registers the local services on the shared endpoint — EventBridge (rules, schedules), SQS (an embedded ElasticMQ),
 * Kinesis and DynamoDB Streams (one stream store), SNS — and the event source mappings with their pollers. Closing the handle
 * stops the pollers first, then SQS, then the stream store.
 */
public final class SimulatorServices implements ServiceModule {
    private volatile SqsService sqs;
    private volatile StreamStore streams;
    private volatile DynamoDbStreams dynamoDbStreams;
    private volatile MappingService mappings;
    private volatile PushDeliveries push;
    private volatile EventBridgeService eventBridge;
    private volatile SnsService sns;

    @Override
    public String name() { return "trigger simulators"; }

    @Override
    public AutoCloseable start(ServiceContext context, ServiceRegistry registry) {
        PushDeliveries pushed = new PushDeliveries(context.engine(), context.stateDir());
        push = pushed;
        EventBridgeService events = new EventBridgeService(context.stateDir(), context.region(), context.accountId(),
                pushed, this::sqs, Clock.systemUTC());
        SnsService topics = new SnsService(context.stateDir(), context.region(), context.accountId(), pushed, this::sqs);
        registry.register(events.endpoint());
        StreamStore store = StreamStore.open(context.stateDir().resolve(StreamStore.FILE));
        SqsService queues;
        try {
            queues = SqsService.start(context);
        } catch (RuntimeException e) {
            events.close();
            topics.close();
            store.close();
            throw e;
        }
        DynamoDbStreams tables = new DynamoDbStreams(store, context.region(), context.accountId());
        MappingService mapped = new MappingService(context, queues.access(), store);
        try {
            registry.register(queues.endpoint());
            registry.register(new KinesisEndpoint(new KinesisService(store, context.region(), context.accountId())));
            registry.register(new DynamoDbStreamsService(tables, store).endpoint());
            registry.register(new MappingsEndpoint(mapped, new LambdaErrors(context.engine().settings())));
            registry.register(topics.endpoint());
            mapped.start();
            events.start();
        } catch (RuntimeException e) {
            events.close();
            topics.close();
            mapped.close();
            queues.close();
            store.close();
            throw e;
        }
        sqs = queues;
        streams = store;
        dynamoDbStreams = tables;
        mappings = mapped;
        eventBridge = events;
        sns = topics;
        return () -> {
            mappings = null;
            eventBridge = null;
            sns = null;
            events.close();
            topics.close();
            sqs = null;
            mapped.close();
            pushed.close();
            queues.close();
            store.close();
        };
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

    /** The local SNS (topics, subscriptions) while this module runs. */
    public Optional<SnsService> sns() { return Optional.ofNullable(sns); }

    /** The local EventBridge (buses, rules, schedules' next fire times) while this module runs. */
    public Optional<EventBridgeService> eventBridge() { return Optional.ofNullable(eventBridge); }

    /** The event source mappings and their deliveries, while this module runs. */
    public Optional<MappingService> mappings() { return Optional.ofNullable(mappings); }
}
