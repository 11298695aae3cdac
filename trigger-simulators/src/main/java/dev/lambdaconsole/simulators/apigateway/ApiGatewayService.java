package dev.lambdaconsole.simulators.apigateway;

import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;

import java.util.List;

/**
 * The local API Gateway: the control plane (HTTP APIs and REST APIs, kept in the state folder) and the data plane
 * that serves each API on its local URL.
 */
public final class ApiGatewayService {
    private final ApiGatewayEndpoint control;
    private final ExecuteApi data;
    private final ApiUrls urls;

    public ApiGatewayService(ServiceContext context, SyncInvoker invoker) {
        ApiStore store = new ApiStore(context.stateDir());
        urls = new ApiUrls(context.endpointUrl(), context.region());
        control = new ApiGatewayEndpoint(new HttpApis(store, urls, context.accountId()),
                new RestApis(store, context.accountId()));
        data = new ExecuteApi(store, invoker, context.region(), context.accountId());
    }

    /** The endpoints to register: the APIs' own URLs first (they are claimed by host), then the control plane. */
    public List<ServiceEndpoint> endpoints() { return List.of(data, control); }

    public ApiUrls urls() { return urls; }
}
