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
        store = new FunctionUrlStore(context.stateDir());
        this.urls = urls;
        control = new FunctionUrlsEndpoint(store, context.engine(), urls);
        data = new FunctionUrlServer(store, invoker, context.accountId());
    }

    /** The URLs first (claimed by host or /_aws/ path), then the configuration API. */
    public List<ServiceEndpoint> endpoints() { return List.of(data, control); }

    /** Every function's URL, by function name (for the console). */
    public List<LocalFunctionUrl> urls() {
        return store.read(all -> {
            List<LocalFunctionUrl> out = new java.util.ArrayList<>();
            all.forEach(c -> {
                String id = c.path("UrlId").asText();
                out.add(new LocalFunctionUrl(c.path("FunctionName").asText(), urls.functionUrl(id),
                        urls.functionUrlPathStyle(id), c.path("AuthType").asText("NONE")));
            });
            out.sort(java.util.Comparator.comparing(LocalFunctionUrl::functionName));
            return out;
        });
    }
}
