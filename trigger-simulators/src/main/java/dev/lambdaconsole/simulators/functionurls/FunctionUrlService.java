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
    private final FunctionUrlStore store;
    private final ApiUrls urls;

    public FunctionUrlService(ServiceContext context, SyncInvoker invoker, ApiUrls urls) {
        FunctionUrlStore store = new FunctionUrlStore(context.stateDir());
        this.store = store;
        this.urls = urls;
        control = new FunctionUrlsEndpoint(store, context.engine(), urls);
        data = new FunctionUrlServer(store, invoker, context.accountId());
    }

    /** The URLs first (claimed by host or /_aws/ path), then the configuration API. */
    public List<ServiceEndpoint> endpoints() { return List.of(data, control); }

    // ---- for the console (in process) ----

    /** A function's URL configuration: its local URL, AuthType and InvokeMode. */
    public record FunctionUrl(String functionName, String url, String authType, String invokeMode) { }

    /** The function's URL, if it has one. */
    public java.util.Optional<FunctionUrl> urlOf(String functionName) {
        return store.read(all -> {
            var c = all.get(functionName);
            if (c == null) return java.util.Optional.empty();
            return java.util.Optional.of(new FunctionUrl(functionName, urls.functionUrl(c.path("UrlId").asText()),
                    c.path("AuthType").asText("NONE"), c.path("InvokeMode").asText("BUFFERED")));
        });
    }

    /** DeleteFunctionUrlConfig; false when the function has no URL. */
    public boolean deleteUrl(String functionName) {
        return store.write(all -> all.remove(functionName) != null);
    }
}
