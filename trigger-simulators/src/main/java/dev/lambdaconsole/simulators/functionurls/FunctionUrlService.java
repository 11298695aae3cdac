package dev.lambdaconsole.simulators.functionurls;

import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.simulators.apigateway.ApiUrls;
import dev.lambdaconsole.simulators.apigateway.SyncInvoker;

import java.util.List;

/** Function URLs: their configuration API and the URLs themselves, kept in the state folder. */
public final class FunctionUrlService {
    private final FunctionUrlsEndpoint control;
    private final FunctionUrlServer data;

    public FunctionUrlService(ServiceContext context, SyncInvoker invoker, ApiUrls urls) {
        FunctionUrlStore store = new FunctionUrlStore(context.stateDir());
        control = new FunctionUrlsEndpoint(store, context.engine(), urls);
        data = new FunctionUrlServer(store, invoker, context.accountId());
    }

    /** The URLs first (claimed by host or /_aws/ path), then the configuration API. */
    public List<ServiceEndpoint> endpoints() { return List.of(data, control); }
}
