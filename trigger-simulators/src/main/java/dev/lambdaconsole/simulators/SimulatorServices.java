package dev.lambdaconsole.simulators;

import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceModule;
import dev.lambdaconsole.runtime.gateway.ServiceRegistry;
import dev.lambdaconsole.simulators.dynamodb.DynamoDbStreams;
import dev.lambdaconsole.simulators.dynamodb.DynamoDbStreamsService;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import dev.lambdaconsole.simulators.kinesis.KinesisEndpoint;
import dev.lambdaconsole.simulators.kinesis.KinesisService;
import dev.lambdaconsole.simulators.streams.StreamReader;
import dev.lambdaconsole.simulators.streams.StreamStore;

/**
 * The trigger simulators as a service module of the engine, found through {@link java.util.ServiceLoader}:
 * registers the local services on the shared endpoint. Closing it closes the stream store.
 */
public final class SimulatorServices implements ServiceModule {
    private volatile StreamStore streams;
    private volatile DynamoDbStreams dynamoDbStreams;

    @Override
    public String name() { return "trigger simulators"; }

    @Override
    public AutoCloseable start(ServiceContext context, ServiceRegistry registry) {
        registry.register(new EventBridgeService().endpoint());
        StreamStore store = StreamStore.open(context.stateDir().resolve(StreamStore.FILE));
        streams = store;
        dynamoDbStreams = new DynamoDbStreams(store, context.region(), context.accountId());
        registry.register(new KinesisEndpoint(new KinesisService(store, context.region(), context.accountId())));
        registry.register(new DynamoDbStreamsService(dynamoDbStreams, store).endpoint());
        return store::close;
    }

    /** Kinesis and DynamoDB streams as the event source mappings read them (after {@link #start}). */
    public StreamReader streams() { return streams; }

    /** The DynamoDB table streams: records as GetRecords and Lambda have them (after {@link #start}). */
    public DynamoDbStreams dynamoDbStreams() { return dynamoDbStreams; }
}
