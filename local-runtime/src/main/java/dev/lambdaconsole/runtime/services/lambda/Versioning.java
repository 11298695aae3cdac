package dev.lambdaconsole.runtime.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.Alias;
import dev.lambdaconsole.runtime.workspace.FunctionVersion;
import dev.lambdaconsole.runtime.workspace.QualifiedTarget;
import dev.lambdaconsole.runtime.workspace.Workspace;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PublishVersion, ListVersionsByFunction and the alias operations (Create, Get, List, Update, DeleteAlias), and the
 * qualified reads of GetFunction and GetFunctionConfiguration: a version shows its own configuration and ARN, an
 * alias its target version's configuration under the alias's ARN.
 */
final class Versioning {
    /** Lambda returns at most 50 versions or aliases a page, whatever MaxItems asks for. */
    static final int PAGE = 50;

    private final Workspace workspace;
    private final EngineSettings settings;
    private final FunctionViews views;

    Versioning(Workspace workspace, EngineSettings settings, FunctionViews views) {
        this.workspace = workspace;
        this.settings = settings;
        this.views = views;
    }

    /** The version a qualified read shows, and the qualifier its ARN carries (null: unqualified $LATEST). */
    record Shown(FunctionVersion version, String arnQualifier) { }

    Shown shown(FunctionNames n) {
        if (n.qualifier() == null) return new Shown(workspace.version(n.name(), FunctionVersion.LATEST), null);
        QualifiedTarget target = workspace.resolve(n.name(), n.qualifier());
        return new Shown(workspace.version(n.name(), target.version()), n.qualifier());
    }

    ObjectNode configuration(FunctionNames n) {
        Shown s = shown(n);
        return views.configuration(s.version().config(), s.version().version(), s.arnQualifier());
    }

    ObjectNode function(FunctionNames n, String baseUrl) {
        Shown s = shown(n);
        FunctionConfig latest = s.version().latest() ? null : workspace.read(n.name());
        return views.function(s.version().config(), s.version().version(), s.arnQualifier(), latest, baseUrl);
    }

    void publish(Exchange x, FunctionNames n, JsonNode body) {
        requireUnqualified(n);
        FunctionVersion v = workspace.publishVersion(n.name(), text(body, "Description"), text(body, "CodeSha256"),
                text(body, "RevisionId"));
        x.json(201, views.configuration(v.config(), v.version(), v.version()));
    }

    void listVersions(Exchange x, FunctionNames n) {
        requireUnqualified(n);
        List<FunctionVersion> all = new ArrayList<>();
        all.add(workspace.version(n.name(), FunctionVersion.LATEST));
        all.addAll(workspace.versions(n.name()));
        int from = markerIndex(x, all.stream().map(FunctionVersion::version).toList());
        int size = pageSize(x);
        ObjectNode out = Json.object();
        ArrayNode versions = out.putArray("Versions");
        for (int i = from; i < Math.min(all.size(), from + size); i++) {
            FunctionVersion v = all.get(i);
            versions.add(views.configuration(v.config(), v.version(), v.version()));
        }
        if (from + size < all.size()) out.put("NextMarker", all.get(from + size).version());
        x.json(200, out);
    }

    void createAlias(Exchange x, FunctionNames n, JsonNode body) {
        requireUnqualified(n);
        Alias a = workspace.createAlias(n.name(), text(body, "Name"), text(body, "FunctionVersion"),
                text(body, "Description"), weights(body));
        x.json(201, alias(n.name(), a));
    }

    void listAliases(Exchange x, FunctionNames n) {
        requireUnqualified(n);
        String version = x.query("FunctionVersion");
        List<Alias> all = workspace.aliases(n.name()).stream()
                .filter(a -> version == null || a.functionVersion().equals(version)).toList();
        int from = markerIndex(x, all.stream().map(Alias::name).toList());
        int size = pageSize(x);
        ObjectNode out = Json.object();
        ArrayNode aliases = out.putArray("Aliases");
        for (int i = from; i < Math.min(all.size(), from + size); i++) aliases.add(alias(n.name(), all.get(i)));
        if (from + size < all.size()) out.put("NextMarker", all.get(from + size).name());
        x.json(200, out);
    }

    void alias(Exchange x, String method, FunctionNames n, String name, byte[] body) {
        requireUnqualified(n);
        switch (method) {
            case "GET" -> x.json(200, alias(n.name(), workspace.alias(n.name(), name)));
            case "PUT" -> {
                JsonNode json = LambdaEndpoint.parse(body);
                Alias a = workspace.updateAlias(n.name(), name, text(json, "FunctionVersion"), text(json, "Description"),
                        weights(json), text(json, "RevisionId"));
                x.json(200, alias(n.name(), a));
            }
            case "DELETE" -> {
                workspace.deleteAlias(n.name(), name);
                x.empty(204);
            }
            default -> throw new ApiError(405, "InvalidRequestContentException", "Method not allowed: " + method);
        }
    }

    /** An alias as the API shows it: AliasArn first, Description "" when none, RoutingConfig only when set. */
    ObjectNode alias(String function, Alias a) {
        ObjectNode out = Json.object();
        out.put("AliasArn", settings.functionArn(function) + ":" + a.name());
        out.put("Name", a.name());
        out.put("FunctionVersion", a.functionVersion());
        out.put("Description", a.descriptionOrEmpty());
        if (!a.weights().isEmpty()) {
            out.putObject("RoutingConfig").set("AdditionalVersionWeights", Json.MAPPER.valueToTree(a.weights()));
        }
        out.put("RevisionId", a.revisionId());
        return out;
    }

    /** RoutingConfig.AdditionalVersionWeights: null when absent, empty to clear. */
    private static Map<String, Double> weights(JsonNode body) {
        JsonNode routing = body.path("RoutingConfig");
        if (routing.isMissingNode() || routing.isNull()) return null;
        JsonNode w = routing.path("AdditionalVersionWeights");
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw new ApiError(400, "ValidationException", "1 validation error detected: Value '" + e.getValue()
                        + "' at 'routingConfig.additionalVersionWeights." + e.getKey()
                        + "' failed to satisfy constraint: Member must be a number between 0.0 and 1.0");
            }
            weights.put(e.getKey(), e.getValue().asDouble());
        }
        return weights;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Versions and aliases are listed and changed on the function itself, not on one of its qualifiers. */
    private void requireUnqualified(FunctionNames n) {
        if (n.qualifier() != null) {
            throw ApiError.invalid("The function name must not have a qualifier here (got " + n.name() + ":"
                    + n.qualifier() + "); pass the unqualified name or ARN");
        }
    }

    private static int pageSize(Exchange x) {
        String max = x.query("MaxItems");
        if (max == null) return PAGE;
        int value;
        try {
            value = Integer.parseInt(max);
        } catch (NumberFormatException e) {
            throw new ApiError(400, "ValidationException", "1 validation error detected: Value '" + max
                    + "' at 'maxItems' failed to satisfy constraint: Member must be a whole number");
        }
        if (value < 1 || value > 10000) {
            throw new ApiError(400, "ValidationException", "1 validation error detected: Value '" + value
                    + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000");
        }
        return Math.min(value, PAGE);
    }

    /** Where a page starts: the item the Marker names (a version or alias name), else the first. */
    private static int markerIndex(Exchange x, List<String> keys) {
        String marker = x.query("Marker");
        if (marker == null || marker.isEmpty()) return 0;
        int at = keys.indexOf(marker);
        if (at < 0) throw ApiError.invalid("Marker " + marker + " is not from a previous page of this list");
        return at;
    }
}
