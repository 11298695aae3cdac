package dev.lambdaconsole.simulators;

import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceModule;
import dev.lambdaconsole.runtime.gateway.ServiceRegistry;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import dev.lambdaconsole.simulators.sqs.SqsAccess;
import dev.lambdaconsole.simulators.sqs.SqsService;

import java.util.Optional;

/**
 * The trigger simulators as a service module of the engine, found through {@link java.util.ServiceLoader}:
 * registers the local services on the shared endpoint (EventBridge; SQS, backed by an embedded ElasticMQ that the
 * returned handle stops). The running SQS is reachable through {@link #sqs()} for the code that polls it.
 */
public final class SimulatorServices implements ServiceModule {
    private volatile SqsService sqs;

    @Override
    public String name() { return "trigger simulators"; }

    @Override
    public AutoCloseable start(ServiceContext context, ServiceRegistry registry) {
        registry.register(new EventBridgeService().endpoint());
        SqsService started = SqsService.start(context);
        try {
            registry.register(started.endpoint());
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        sqs = started;
        return () -> {
            sqs = null;
            started.close();
        };
    }

    /** The local SQS while this module runs (between {@link #start} and closing its handle). */
    public Optional<SqsAccess> sqs() {
        SqsService running = sqs;
        return running == null ? Optional.empty() : Optional.of(running.access());
    }
}
