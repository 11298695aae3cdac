package dev.lambdaconsole.app.triggers.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.functionurls.FunctionUrlService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A Function URL: auth type, CORS and invoke mode, created with CreateFunctionUrlConfig. A function has at most one
 * URL: when it has one, the form says so, shows it and offers to update its configuration instead.
 * CORS lists are typed comma-separated and checked with the Lambda API's constraints.
 */
public final class FunctionUrlFormViewModel {
    static final Set<String> METHODS = Set.of("*", "GET", "PUT", "HEAD", "POST", "PATCH", "DELETE");
    private final String function;
    private final Supplier<Optional<FunctionUrlService>> urls;
    private final TaskRunner tasks;
    private final StringProperty authType = new SimpleStringProperty("NONE");
    private final StringProperty invokeMode = new SimpleStringProperty("BUFFERED");
    private final BooleanProperty cors = new SimpleBooleanProperty(false);
    private final StringProperty allowOrigins = new SimpleStringProperty("*");
    private final StringProperty allowMethods = new SimpleStringProperty("*");
    private final StringProperty allowHeaders = new SimpleStringProperty("");
    private final StringProperty exposeHeaders = new SimpleStringProperty("");
    private final StringProperty maxAge = new SimpleStringProperty("0");
    private final BooleanProperty allowCredentials = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper originsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper methodsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headersError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exposeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maxAgeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exists = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper fieldsValid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);

    public FunctionUrlFormViewModel(String function, Supplier<Optional<FunctionUrlService>> urls, TaskRunner tasks) {
        this.function = function;
        this.urls = urls;
        this.tasks = tasks;
        for (StringProperty p : List.of(authType, invokeMode, allowOrigins, allowMethods, allowHeaders, exposeHeaders, maxAge)) {
            p.addListener((o, was, now) -> check());
        }
        cors.addListener((o, was, now) -> check());
        allowCredentials.addListener((o, was, now) -> check());
        exists.addListener((o, was, now) -> check());
        check();
    }

    /** NONE or AWS_IAM. */
    public StringProperty authTypeProperty() { return authType; }
    /** BUFFERED or RESPONSE_STREAM. */
    public StringProperty invokeModeProperty() { return invokeMode; }
    /** Whether the URL answers cross-origin requests (Configure CORS). */
    public BooleanProperty corsProperty() { return cors; }
    public StringProperty allowOriginsProperty() { return allowOrigins; }
    public StringProperty allowMethodsProperty() { return allowMethods; }
    public StringProperty allowHeadersProperty() { return allowHeaders; }
    public StringProperty exposeHeadersProperty() { return exposeHeaders; }
    /** Seconds, 0-86400. */
    public StringProperty maxAgeProperty() { return maxAge; }
    public BooleanProperty allowCredentialsProperty() { return allowCredentials; }
    public ReadOnlyStringProperty originsError() { return originsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty methodsError() { return methodsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty headersError() { return headersError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty exposeError() { return exposeError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty maxAgeError() { return maxAgeError.getReadOnlyProperty(); }
    /** The function's URL once it has one, else "". */
    public ReadOnlyStringProperty url() { return url.getReadOnlyProperty(); }
    /** Whether the function already has a URL (Add is refused; Update is offered). */
    public ReadOnlyBooleanProperty existsProperty() { return exists.getReadOnlyProperty(); }
    /** The outcome of loading or updating, as the service words it. */
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
    /** Whether the fields satisfy their rules (Update needs only this). */
    public ReadOnlyBooleanProperty fieldsValidProperty() { return fieldsValid.getReadOnlyProperty(); }
    /** Whether Add may create the URL: the fields are valid and the function has none yet. */
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    private FunctionUrlService service() {
        return urls.get().orElseThrow(() -> new IllegalStateException("The local Function URLs are not running"));
    }

    /** Reads the function's URL configuration, if it has one, into the form. */
    public void load() {
        tasks.run(() -> service().functionUrlConfig(function)).onSuccess(config -> {
            if (config.isPresent()) {
                show(config.get());
                message.set("This function already has a Function URL; a function has one. Change its "
                        + "configuration with Update.");
            }
        }).onFailure(e -> message.set(e.getMessage()));
    }

    private void show(JsonNode c) {
        authType.set(c.path("AuthType").asText("NONE"));
        invokeMode.set(c.path("InvokeMode").asText("BUFFERED"));
        JsonNode k = c.get("Cors");
        cors.set(k != null && k.isObject());
        if (k != null && k.isObject()) {
            allowOrigins.set(join(k.get("AllowOrigins")));
            allowMethods.set(join(k.get("AllowMethods")));
            allowHeaders.set(join(k.get("AllowHeaders")));
            exposeHeaders.set(join(k.get("ExposeHeaders")));
            maxAge.set(String.valueOf(k.path("MaxAge").asInt(0)));
            allowCredentials.set(k.path("AllowCredentials").asBoolean(false));
        }
        url.set(c.path("FunctionUrl").asText(""));
        exists.set(true);
    }

    private static String join(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(n -> out.add(n.asText()));
        return String.join(", ", out);
    }

    static List<String> items(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    /** AWS's rule for a list member: at most {@code maxItems} items of at most {@code maxLength} characters. */
    static String listRule(String member, List<String> items, int maxItems, int maxLength) {
        if (items.size() > maxItems) {
            return "1 validation error detected: Value at 'cors." + member + "' failed to satisfy constraint: Member "
                    + "must have length less than or equal to " + maxItems;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).length() > maxLength) {
                return "1 validation error detected: Value '" + items.get(i) + "' at 'cors." + member + "." + (i + 1)
                        + ".member' failed to satisfy constraint: Member must have length less than or equal to " + maxLength;
            }
        }
        return "";
    }

    private void check() {
        boolean on = cors.get();
        List<String> origins = items(allowOrigins.get());
        List<String> methods = items(allowMethods.get());
        originsError.set(on ? listRule("allowOrigins", origins, 100, 253) : "");
        String m = on ? listRule("allowMethods", methods, 6, 6) : "";
        if (on && m.isEmpty()) {
            for (String method : methods) {
                if (!METHODS.contains(method.toUpperCase(java.util.Locale.ROOT))) {
                    m = "Invalid method '" + method + "': allowed methods are GET, PUT, HEAD, POST, PATCH, DELETE and *";
                    break;
                }
            }
        }
        methodsError.set(m);
        headersError.set(on ? listRule("allowHeaders", items(allowHeaders.get()), 100, 1024) : "");
        exposeError.set(on ? listRule("exposeHeaders", items(exposeHeaders.get()), 100, 1024) : "");
        maxAgeError.set(on ? maxAgeRule(maxAge.get()) : "");
        boolean ok = originsError.get().isEmpty() && methodsError.get().isEmpty() && headersError.get().isEmpty()
                && exposeError.get().isEmpty() && maxAgeError.get().isEmpty();
        fieldsValid.set(ok);
        valid.set(ok && !exists.get());
    }

    static String maxAgeRule(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return "";
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return "Max age is a whole number of seconds (0-86400)";
        }
        if (v < 0) {
            return "1 validation error detected: Value '" + v + "' at 'cors.maxAge' failed to satisfy constraint: Member "
                    + "must have value greater than or equal to 0";
        }
        if (v > 86400) {
            return "1 validation error detected: Value '" + v + "' at 'cors.maxAge' failed to satisfy constraint: Member "
                    + "must have value less than or equal to 86400";
        }
        return "";
    }

    /** The request body of Create/UpdateFunctionUrlConfig from the form. */
    ObjectNode body() {
        ObjectNode body = Json.object().put("AuthType", authType.get()).put("InvokeMode", invokeMode.get());
        if (cors.get()) {
            ObjectNode c = body.putObject("Cors");
            array(c, "AllowOrigins", items(allowOrigins.get()));
            array(c, "AllowMethods", items(allowMethods.get()).stream().map(s -> s.toUpperCase(java.util.Locale.ROOT)).toList());
            array(c, "AllowHeaders", items(allowHeaders.get()));
            array(c, "ExposeHeaders", items(exposeHeaders.get()));
            if (!maxAge.get().isBlank()) c.put("MaxAge", Integer.parseInt(maxAge.get().trim()));
            c.put("AllowCredentials", allowCredentials.get());
        }
        return body;
    }

    private static void array(ObjectNode o, String name, List<String> items) {
        if (items.isEmpty()) return;
        ArrayNode a = o.putArray(name);
        items.forEach(a::add);
    }

    /** CreateFunctionUrlConfig; succeeds with a summary naming the URL, which {@link #url()} then shows. */
    public TaskRunner.Task<String> add() {
        ObjectNode body = body();
        java.util.concurrent.atomic.AtomicReference<JsonNode> created = new java.util.concurrent.atomic.AtomicReference<>();
        TaskRunner.Task<String> task = tasks.run(() -> {
            JsonNode c = service().createFunctionUrlConfig(function, body);
            created.set(c);
            return "Function URL " + c.path("FunctionUrl").asText() + " (auth " + c.path("AuthType").asText() + ", "
                    + c.path("InvokeMode").asText("BUFFERED") + ")";
        });
        task.onSuccess(summary -> {
            url.set(created.get().path("FunctionUrl").asText(""));
            exists.set(true);
            message.set("");
        }).onFailure(e -> {
            if (e.getMessage() != null && e.getMessage().contains("FunctionUrlConfig exists")) {
                exists.set(true);
                message.set(e.getMessage() + " Change its configuration with Update.");
            }
        });
        return task;
    }

    /** UpdateFunctionUrlConfig with the form's values (when the function has a URL). */
    public void update() {
        ObjectNode body = body();
        tasks.run(() -> service().updateFunctionUrlConfig(function, body)).onSuccess(updated -> {
            url.set(updated.path("FunctionUrl").asText(""));
            message.set("Updated: auth " + updated.path("AuthType").asText() + ", "
                    + updated.path("InvokeMode").asText("BUFFERED") + (updated.has("Cors") ? ", CORS configured" : ""));
        }).onFailure(e -> message.set("Not updated: " + e.getMessage()));
    }
}
