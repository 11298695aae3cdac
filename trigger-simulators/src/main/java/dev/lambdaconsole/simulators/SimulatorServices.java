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
import dev.lambdaconsole.simulators.sqs.SqsAccess;
import dev.lambdaconsole.simulators.sqs.SqsService;
import dev.lambdaconsole.simulators.streams.StreamReader;
import dev.lambdaconsole.simulators.streams.StreamStore;

import java.util.Optional;

/**
 * The trigger simulators as a service module of the engine, found through {@link java.util.ServiceLoader}:
 * registers the local services on the shared endpoint — EventBridge, SQS (an embedded ElasticMQ), Kinesis and
 * DynamoDB Streams (one stream store) — and the event source mappings with their pollers. Closing the handle
 * stops the pollers first, then SQS, then the stream store.
 */
public final class SimulatorServices implements ServiceModule {
    private volatile SqsService sqs;
    private volatile StreamStore streams;
    private volatile DynamoDbStreams dynamoDbStreams;
    private volatile MappingService mappings;
    private volatile PushDeliveries push;
    private volatile ApiGatewayService apiGateway;

    @Override
    public String name() { return "trigger simulators"; }

    @Override
    public AutoCloseable start(ServiceContext context, ServiceRegistry registry) {
        PushDeliveries pushed = new PushDeliveries(context.engine(), context.stateDir());
        push = pushed;
        registry.register(new EventBridgeService().endpoint());
        SyncInvoker httpInvoker = new SyncInvoker(context.engine(), pushed);
        ApiGatewayService apis = new ApiGatewayService(context, httpInvoker);
        apis.endpoints().forEach(registry::register);
        new FunctionUrlService(context, httpInvoker, apis.urls()).endpoints().forEach(registry::register);
        apiGateway = apis;
        StreamStore store = StreamStore.open(context.stateDir().resolve(StreamStore.FILE));
        SqsService queues;
        try {
            queues = SqsService.start(context);
        } catch (RuntimeException e) {
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
            mapped.start();
        } catch (RuntimeException e) {
            mapped.close();
            queues.close();
            store.close();
            throw e;
        }
        sqs = queues;
        streams = store;
        dynamoDbStreams = tables;
        mappings = mapped;
        return () -> {
            mappings = null;
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

    /** API Gateway (HTTP and REST APIs) and the local URLs of APIs and Function URLs (after {@link #start}). */
    public ApiGatewayService apiGateway() { return apiGateway; }

    /** The event source mappings and their deliveries, while this module runs. */
    public Optional<MappingService> mappings() { return Optional.ofNullable(mappings); }
}
