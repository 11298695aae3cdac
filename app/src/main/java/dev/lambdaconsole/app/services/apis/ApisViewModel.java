package dev.lambdaconsole.app.services.apis;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.JsonText;
import dev.lambdaconsole.app.services.ServiceErrors;
import dev.lambdaconsole.runtime.util.AtomicFiles;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.apigateway.ApiGatewayService;
import dev.lambdaconsole.simulators.apigateway.LocalApi;
import dev.lambdaconsole.simulators.functionurls.FunctionUrlService;
import dev.lambdaconsole.simulators.functionurls.LocalFunctionUrl;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The APIs of the local API Gateway (each stage's routes with their invoke URLs) and the functions' URLs, and a
 * request sender (method, URL, headers, body → status, headers, body, duration) with a history of the session's
 * requests, newest first, kept in the console's state folder.
 */
public final class ApisViewModel {
    /** An invoke URL: an API's route on a stage, or a function's URL. */
    public record EndpointRow(String kind, String name, String stage, String route, String url, String pathStyleUrl) {
        /** The method to prefill: the route's, GET for ANY and $default. */
        public String method() {
            int space = route.indexOf(' ');
            String m = space < 0 ? "ANY" : route.substring(0, space);
            return m.equals("ANY") ? "GET" : m;
        }
    }

    public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    static final String HISTORY_FILE = "request-history.json";
    static final int HISTORY_SIZE = 50;
    /** Headers HttpClient sets itself and refuses. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");
    private static final Logger LOG = Logger.getLogger(ApisViewModel.class.getName());

    private record Loaded(List<EndpointRow> endpoints) { }

    private final Supplier<ApiGatewayService> apis;
    private final Supplier<FunctionUrlService> functionUrls;
    private final TaskRunner tasks;
    private final Path historyFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObservableList<EndpointRow> endpoints = FXCollections.observableArrayList();
    private final ObservableList<HeaderRow> headers = FXCollections.observableArrayList();
    private final ObservableList<SentRequest> history = FXCollections.observableArrayList();
    private final StringProperty method = new SimpleStringProperty("GET");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper urlError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headersError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sentTo = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper responseHeaders = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper responseBody = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** {@code stateDir}: the console's state folder (the history file), or null to keep it in memory only. */
    public ApisViewModel(Supplier<ApiGatewayService> apis, Supplier<FunctionUrlService> functionUrls, Path stateDir,
                         TaskRunner tasks) {
        this.apis = apis;
        this.functionUrls = functionUrls;
        this.tasks = tasks;
        this.historyFile = stateDir == null ? null : stateDir.resolve(HISTORY_FILE);
        url.addListener((o, was, now) -> urlError.set(urlProblem(now)));
        headers.addListener((javafx.collections.ListChangeListener<HeaderRow>) c -> {
            while (c.next()) {
                for (HeaderRow r : c.getAddedSubList()) {
                    r.nameProperty().addListener((o, was, now) -> headersError.set(headersProblem(headers)));
                }
            }
            headersError.set(headersProblem(headers));
        });
    }

    public ObservableList<EndpointRow> endpoints() { return endpoints; }
    public ObservableList<HeaderRow> headers() { return headers; }
    /** The session's requests, newest first (and those of earlier sessions, when kept). */
    public ObservableList<SentRequest> history() { return history; }
    public StringProperty methodProperty() { return method; }
    /** The URL as a browser or curl would use it. */
    public StringProperty urlProperty() { return url; }
    public StringProperty bodyProperty() { return body; }
    public ReadOnlyStringProperty urlError() { return urlError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty headersError() { return headersError.getReadOnlyProperty(); }
    /** Where the console sent the request (and the URL for a browser or curl). */
    public ReadOnlyStringProperty sentTo() { return sentTo.getReadOnlyProperty(); }
    /** e.g. "200 · 35 ms", or why no answer came. */
    public ReadOnlyStringProperty status() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty responseHeaders() { return responseHeaders.getReadOnlyProperty(); }
    /** The response body, pretty when JSON. */
    public ReadOnlyStringProperty responseBody() { return responseBody.getReadOnlyProperty(); }
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }

    static String urlProblem(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return "";
        if (t.contains("{") || t.contains("}")) return "replace the path variable {…} with a value";
        try {
            URI u = new URI(t);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) return "the URL starts with http:// or https://";
            if (u.getHost() == null) return "the URL needs a host, e.g. http://127.0.0.1:9001/";
            return "";
        } catch (java.net.URISyntaxException e) {
            return "not a URL: " + e.getReason() + " at character " + (e.getIndex() + 1);
        }
    }

    static String headersProblem(List<HeaderRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            String name = rows.get(i).name();
            if (name.isEmpty()) continue;
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) return "header " + (i + 1) + ": '" + name + "' is not a header name";
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                return "header " + (i + 1) + ": " + name + " is set by the client itself";
            }
        }
        return "";
    }

    /** Reloads the APIs and Function URLs, and (the first time) the history kept from earlier sessions. */
    public void refresh() {
        tasks.run(this::load).onSuccess(l -> endpoints.setAll(l.endpoints()))
                .onFailure(e -> message.set(ServiceErrors.message(e)));
    }

    private Loaded load() {
        List<EndpointRow> rows = new ArrayList<>();
        ApiGatewayService gateway = apis.get();
        if (gateway != null) {
            for (LocalApi api : gateway.apis()) {
                String kind = api.kind() + " API";
                for (String stage : api.stages()) {
                    for (String route : api.routes()) {
                        rows.add(new EndpointRow(kind, api.name() + " (" + api.id() + ")", stage, route,
                                api.invokeUrl(stage, route.startsWith("$default") ? "ANY /" : route, false),
                                api.invokeUrl(stage, route.startsWith("$default") ? "ANY /" : route, true)));
                    }
                }
            }
        }
        FunctionUrlService urls = functionUrls.get();
        if (urls != null) {
            for (LocalFunctionUrl u : urls.urls()) {
                rows.add(new EndpointRow("Function URL", u.functionName(), "", "ANY / (" + u.authType() + ")",
                        u.url(), u.pathStyleUrl()));
            }
        }
        return new Loaded(rows);
    }

    /** Loads the kept history (background). */
    public void loadHistory() {
        if (historyFile == null) return;
        tasks.run(() -> {
            if (!Files.exists(historyFile)) return List.<SentRequest>of();
            return Json.MAPPER.readValue(historyFile.toFile(), new TypeReference<List<SentRequest>>() { });
        }).onSuccess(kept -> {
            if (history.isEmpty()) history.setAll(kept);
        }).onFailure(e -> message.set("The request history in " + historyFile + " could not be read: "
                + ServiceErrors.message(e)));
    }

    /** Prefills the request from an endpoint: its method and browser URL. */
    public void use(EndpointRow row) {
        if (row == null) return;
        method.set(row.method());
        url.set(row.url());
    }

    public HeaderRow addHeader() {
        HeaderRow row = new HeaderRow("", "");
        headers.add(row);
        return row;
    }

    public void removeHeader(HeaderRow row) { headers.remove(row); }

    /** Re-opens a request of the history: its fields and its response. */
    public void open(SentRequest r) {
        if (r == null) return;
        method.set(r.method());
        url.set(r.url());
        body.set(r.body());
        headers.setAll(r.headers().stream().map(h -> new HeaderRow(h.name(), h.value())).toList());
        showResponse(r);
    }

    private void showResponse(SentRequest r) {
        sentTo.set(r.sentTo().equals(r.url()) ? "Sent to " + r.url()
                : "Sent to " + r.sentTo() + " (a browser or curl uses " + r.url() + ")");
        status.set(r.status() == 0 ? r.error() : r.status() + " · " + r.durationMs() + " ms");
        StringBuilder h = new StringBuilder();
        for (SentRequest.Header x : r.responseHeaders()) h.append(x.name()).append(": ").append(x.value()).append('\n');
        responseHeaders.set(h.toString().strip());
        responseBody.set(pretty(r.responseBody()));
    }

    static String pretty(String text) {
        if (text == null || text.isBlank()) return text == null ? "" : text;
        String t = text.strip();
        if (!t.startsWith("{") && !t.startsWith("[")) return text;
        return JsonText.parse(t).filter(JsonNode::isContainerNode).map(JsonText::pretty).orElse(text);
    }

    /** Sends the request in the background; the response and a history entry follow. */
    public void send() {
        String u = url.get() == null ? "" : url.get().trim();
        urlError.set(u.isEmpty() ? "type a URL, or click a route above" : urlProblem(u));
        headersError.set(headersProblem(headers));
        if (!urlError.get().isEmpty() || !headersError.get().isEmpty()) {
            status.set("Not sent: fix the fields marked above");
            return;
        }
        String m = method.get();
        String b = body.get() == null ? "" : body.get();
        List<SentRequest.Header> hs = headers.stream().filter(h -> !h.name().isEmpty())
                .map(h -> new SentRequest.Header(h.name(), h.value())).toList();
        status.set("Sending…");
        tasks.run(() -> exchange(m, u, hs, b)).onSuccess(r -> {
            showResponse(r);
            history.add(0, r);
            if (history.size() > HISTORY_SIZE) history.remove(HISTORY_SIZE, history.size());
            List<SentRequest> kept = List.copyOf(history);
            if (historyFile != null) tasks.run(() -> save(kept));
        }).onFailure(e -> status.set(ServiceErrors.message(e)));
    }

    private SentRequest exchange(String m, String u, List<SentRequest.Header> hs, String b) {
        String target = LocalUrls.sendable(u);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(60));
        for (SentRequest.Header h : hs) request.header(h.name(), h.value());
        boolean noBody = b.isEmpty() && (m.equals("GET") || m.equals("HEAD") || m.equals("DELETE") || m.equals("OPTIONS"));
        request.method(m, noBody ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(b));
        long start = System.nanoTime();
        long now = System.currentTimeMillis();
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long ms = Math.round((System.nanoTime() - start) / 1e6);
            List<SentRequest.Header> back = new ArrayList<>();
            new TreeMap<>(r.headers().map()).forEach((name, values) -> values.forEach(v -> back.add(new SentRequest.Header(name, v))));
            return new SentRequest(now, m, u, target, hs, b, r.statusCode(), back,
                    new String(r.body(), StandardCharsets.UTF_8), ms, "");
        } catch (IOException e) {
            long ms = Math.round((System.nanoTime() - start) / 1e6);
            return new SentRequest(now, m, u, target, hs, b, 0, List.of(), "", ms, "No answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Void save(List<SentRequest> kept) {
        try {
            AtomicFiles.write(historyFile, Json.pretty(kept));
        } catch (IOException e) {
            LOG.warning("Cannot keep the request history in " + historyFile + ": " + e.getMessage());
        }
        return null;
    }
}
