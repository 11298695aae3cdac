package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The local API Gateway: the control plane (HTTP APIs and REST APIs, kept in the state folder) and the data plane
 * that serves each API on its local URL.
 */
public final class ApiGatewayService {
    private final ApiGatewayEndpoint control;
    private final ExecuteApi data;
    private final ApiUrls urls;
    private final ApiStore store;

    public ApiGatewayService(ServiceContext context, SyncInvoker invoker) {
        store = new ApiStore(context.stateDir());
        urls = new ApiUrls(context.endpointUrl(), context.region());
        control = new ApiGatewayEndpoint(new HttpApis(store, urls, context.accountId()),
                new RestApis(store, context.accountId()));
        data = new ExecuteApi(store, invoker, context.region(), context.accountId());
    }

    /** The endpoints to register: the APIs' own URLs first (they are claimed by host), then the control plane. */
    public List<ServiceEndpoint> endpoints() { return List.of(data, control); }

    public ApiUrls urls() { return urls; }

    /** Every HTTP API, then every REST API, in creation order, with their stages and routes (for the console). */
    public List<LocalApi> apis() {
        return store.read(root -> {
            List<LocalApi> out = new ArrayList<>();
            for (JsonNode api : root.get("http")) {
                String id = api.get("api").get("apiId").asText();
                List<String> stages = new ArrayList<>();
                api.path("stages").fieldNames().forEachRemaining(stages::add);
                List<String> routes = new ArrayList<>();
                for (JsonNode r : api.path("routes")) routes.add(r.path("routeKey").asText());
                out.add(new LocalApi(id, api.get("api").path("name").asText(), "HTTP", urls.apiEndpoint(id),
                        urls.apiPathStyle(id), stages, routes));
            }
            for (JsonNode api : root.get("rest")) {
                String id = api.get("api").get("id").asText();
                List<String> stages = new ArrayList<>();
                api.path("stages").fieldNames().forEachRemaining(stages::add);
                List<String> routes = new ArrayList<>();
                for (JsonNode r : api.path("resources")) {
                    r.path("resourceMethods").fieldNames().forEachRemaining(m -> routes.add(m + " " + r.path("path").asText()));
                }
                routes.sort(java.util.Comparator.comparing((String r) -> r.substring(r.indexOf(' ') + 1))
                        .thenComparing(r -> r));
                out.add(new LocalApi(id, api.get("api").path("name").asText(), "REST", urls.apiEndpoint(id),
                        urls.apiPathStyle(id), stages, routes));
            }
            return out;
        });
    }
}
