package dev.lambdaconsole.simulators;

import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceModule;
import dev.lambdaconsole.runtime.gateway.ServiceRegistry;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;

/**
 * The trigger simulators as a service module of the engine, found through {@link java.util.ServiceLoader}:
 * registers the local services on the shared endpoint. Nothing runs in the background yet, so closing is a no-op.
 */
public final class SimulatorServices implements ServiceModule {
    @Override
    public String name() { return "trigger simulators"; }

    @Override
    public AutoCloseable start(ServiceContext context, ServiceRegistry registry) {
        registry.register(new EventBridgeService().endpoint());
        return () -> { };
    }
}
