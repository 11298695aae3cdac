package dev.lambdaconsole.simulators.functionurls;

import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.simulators.apigateway.ApiUrls;
import dev.lambdaconsole.simulators.apigateway.SyncInvoker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import dev.lambdaconsole.runtime.workspace.Alias;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;

/**
 * Function URLs: their configuration API and the URLs themselves, kept in the state folder. An alias's URL goes
 * when the alias does, as in Lambda.
 */
public final class FunctionUrlService implements AutoCloseable {
    private final FunctionUrlsEndpoint control;
    private final FunctionUrlServer data;
    private final FunctionUrlStore store;
    private final ApiUrls urls;
    private final Workspace workspace;
    private final Consumer<WorkspaceChange> aliasesChanged = this::aliasesChanged;

    public FunctionUrlService(ServiceContext context, SyncInvoker invoker, ApiUrls urls) {
        FunctionUrlStore store = new FunctionUrlStore(context.stateDir());
        this.store = store;
        this.urls = urls;
        this.workspace = context.workspace();
        control = new FunctionUrlsEndpoint(store, context.engine(), urls);
        data = new FunctionUrlServer(store, invoker, context.accountId());
        workspace.addListener(aliasesChanged);
    }

    /** Removes the URLs of aliases that no longer exist. */
    private void aliasesChanged(WorkspaceChange change) {
        if (change.kind() != WorkspaceChange.Kind.ALIASES) return;
        Set<String> aliases;
        try {
            aliases = workspace.aliases(change.functionName()).stream().map(Alias::name).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            return; // the function is gone or unreadable: nothing to compare with
        }
        store.write(all -> {
            List<String> gone = new java.util.ArrayList<>();
            all.fields().forEachRemaining(e -> {
                JsonNode c = e.getValue();
                if (c.path("FunctionName").asText().equals(change.functionName()) && c.hasNonNull("Qualifier")
                        && !aliases.contains(c.get("Qualifier").asText())) {
                    gone.add(e.getKey());
                }
            });
            gone.forEach(all::remove);
            return gone.size();
        });
    }

    @Override
    public void close() { workspace.removeListener(aliasesChanged); }

    /** The URLs first (claimed by host or /_aws/ path), then the configuration API. */
    public List<ServiceEndpoint> endpoints() { return List.of(data, control); }

    // --- in process, for the console: the same operations, rules and errors as the Lambda API's

    /** CreateFunctionUrlConfig with its request body ({@code AuthType}, {@code Cors}, {@code InvokeMode}). */
    public JsonNode createFunctionUrlConfig(String function, JsonNode body) {
        return call("POST", function, body);
    }

    /** UpdateFunctionUrlConfig with its request body. */
    public JsonNode updateFunctionUrlConfig(String function, JsonNode body) {
        return call("PUT", function, body);
    }

    /** GetFunctionUrlConfig; empty when the function has no URL (the function itself must exist). */
    public Optional<JsonNode> functionUrlConfig(String function) {
        try {
            return Optional.of(call("GET", function, null));
        } catch (AwsServiceException e) {
            if (e.status() == 404 && e.code().equals("ResourceNotFoundException")
                    && e.getMessage().equals("The resource you requested does not exist.")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private JsonNode call(String method, String function, JsonNode body) {
        String path = "/2021-10-31/functions/" + URLEncoder.encode(function, StandardCharsets.UTF_8) + "/url";
        ServiceRequest request = new ServiceRequest(method, path, null, Map.of("Content-Type",
                List.of("application/json")), body == null ? new byte[0] : Json.bytes(body), UUID.randomUUID().toString());
        ServiceResponse response = control.handle(request).toCompletableFuture().join();
        if (response.body().length == 0) return Json.object();
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
