package dev.lambdaconsole.runtime.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the Lambda API: FunctionConfiguration, GetFunction, and request bodies into configs. */
final class FunctionViews {
    private final EngineSettings settings;

    FunctionViews(EngineSettings settings) { this.settings = settings; }

    /** GetFunctionConfiguration's shape of $LATEST (unqualified ARN), with Lambda's defaults filled in. */
    ObjectNode configuration(FunctionConfig c) {
        return configuration(c, "$LATEST", null);
    }

    /**
     * The configuration of one version: {@code version} is {@code $LATEST} or a number; {@code arnQualifier} the
     * qualifier the ARN shows (the version, or the alias it was asked through), null for the unqualified ARN.
     */
    ObjectNode configuration(FunctionConfig c, String version, String arnQualifier) {
        ObjectNode n = Json.object();
        n.put("FunctionName", c.functionName());
        n.put("FunctionArn", settings.functionArn(c.functionName()) + (arnQualifier == null ? "" : ":" + arnQualifier));
        if (c.runtime() != null) n.put("Runtime", c.runtime());
        n.put("Role", c.role() == null ? "arn:aws:iam::" + settings.accountId() + ":role/lambda-role" : c.role());
        if (c.handler() != null) n.put("Handler", c.handler());
        n.put("CodeSize", c.codeSize() == null ? 0 : c.codeSize());
        n.put("Description", c.description() == null ? "" : c.description());
        n.put("Timeout", c.timeoutOrDefault());
        n.put("MemorySize", c.memoryOrDefault());
        if (c.lastModified() != null) n.put("LastModified", c.lastModified());
        if (c.codeSha256() != null) n.put("CodeSha256", c.codeSha256());
        n.put("Version", version);
        if (!c.variables().isEmpty()) {
            n.putObject("Environment").set("Variables", Json.MAPPER.valueToTree(c.variables()));
        }
        n.putObject("TracingConfig").put("Mode", "PassThrough");
        if (c.revisionId() != null) n.put("RevisionId", c.revisionId());
        if (!c.layersOrEmpty().isEmpty()) {
            ArrayNode layers = n.putArray("Layers");
            c.layersOrEmpty().forEach(l -> layers.addObject().put("Arn", l.arn()).put("CodeSize",
                    l.codeSize() == null ? 0 : l.codeSize()));
        }
        n.put("State", "Active");
        n.put("LastUpdateStatus", "Successful");
        n.put("PackageType", c.packageTypeOrDefault());
        n.putArray("Architectures").add(c.architectureOrDefault());
        n.putObject("EphemeralStorage").put("Size", c.ephemeralOrDefault());
        n.putObject("SnapStart").put("ApplyOn", "None").put("OptimizationStatus", "Off");
        n.putObject("LoggingConfig").put("LogFormat", "Text").put("LogGroup", LogStore.groupOf(c.functionName()));
        return n;
    }

    /** GetFunction: configuration, code location (a download link of this endpoint), tags, concurrency. */
    ObjectNode function(FunctionConfig c, String baseUrl) {
        return function(c, "$LATEST", null, null, baseUrl);
    }

    /**
     * GetFunction of one version ({@code arnQualifier} as in {@link #configuration(FunctionConfig, String, String)});
     * tags and reserved concurrency are the function's ({@code latest}), null to take them from {@code c}.
     */
    ObjectNode function(FunctionConfig c, String version, String arnQualifier, FunctionConfig latest, String baseUrl) {
        FunctionConfig owner = latest == null ? c : latest;
        ObjectNode n = Json.object();
        n.set("Configuration", configuration(c, version, arnQualifier));
        ObjectNode code = n.putObject("Code");
        if ("Image".equals(c.packageType())) {
            code.put("RepositoryType", "ECR");
            code.put("ImageUri", c.imageUri());
        } else {
            code.put("RepositoryType", "S3");
            code.put("Location", baseUrl + "/_console/code/" + c.functionName()
                    + ("$LATEST".equals(version) ? "" : "/" + version) + ".zip");
        }
        if (owner.tags() != null && !owner.tags().isEmpty()) n.set("Tags", Json.MAPPER.valueToTree(owner.tags()));
        if (owner.reservedConcurrentExecutions() != null) {
            n.putObject("Concurrency").put("ReservedConcurrentExecutions", owner.reservedConcurrentExecutions());
        }
        return n;
    }

    /** Applies the fields of a CreateFunction or UpdateFunctionConfiguration body. */
    FunctionConfig.Builder apply(FunctionConfig.Builder b, JsonNode body) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "Runtime" -> b.runtime(text(v));
                case "Handler" -> b.handler(text(v));
                case "Description" -> b.description(text(v));
                case "Role" -> b.role(text(v));
                case "MemorySize" -> b.memorySize(integer(v, "MemorySize"));
                case "Timeout" -> b.timeout(integer(v, "Timeout"));
                case "Environment" -> {
                    Map<String, String> vars = new LinkedHashMap<>();
                    JsonNode vs = v.path("Variables");
                    vs.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
                    b.variables(vars);
                }
                case "Architectures" -> {
                    List<String> archs = new ArrayList<>();
                    v.forEach(a -> archs.add(a.asText()));
                    b.architectures(archs);
                }
                case "EphemeralStorage" -> b.ephemeralStorage(integer(v.path("Size"), "EphemeralStorage.Size"));
                case "Layers" -> {
                    List<FunctionConfig.Layer> layers = new ArrayList<>();
                    v.forEach(l -> layers.add(new FunctionConfig.Layer(l.isTextual() ? l.asText() : l.path("Arn").asText(), null)));
                    b.layers(layers);
                }
                case "PackageType" -> b.packageType(text(v));
                case "Tags" -> {
                    Map<String, String> tags = new LinkedHashMap<>();
                    v.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
                    b.tags(tags);
                }
                default -> { } // other fields (VpcConfig, TracingConfig, ...) have no local meaning
            }
        }
        return b;
    }

    private static String text(JsonNode v) { return v.isNull() ? null : v.asText(); }

    private static Integer integer(JsonNode v, String field) {
        if (v.isNull() || v.isMissingNode()) return null;
        if (!v.canConvertToInt()) throw ApiError.invalid(field + " must be a whole number (got " + v + ")");
        return v.asInt();
    }
}
