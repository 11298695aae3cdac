package dev.lambdaconsole.runtime.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's configuration as stored in the workspace, with the field names of Lambda's
 * GetFunctionConfiguration so the file reads like what the AWS CLI prints. Immutable: change
 * it through {@link #toBuilder()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionConfig(
        @JsonProperty("FunctionName") String functionName,
        @JsonProperty("Runtime") String runtime,
        @JsonProperty("Handler") String handler,
        @JsonProperty("Description") String description,
        @JsonProperty("Role") String role,
        @JsonProperty("MemorySize") Integer memorySize,
        @JsonProperty("Timeout") Integer timeout,
        @JsonProperty("Environment") Environment environment,
        @JsonProperty("Architectures") List<String> architectures,
        @JsonProperty("EphemeralStorage") EphemeralStorage ephemeralStorage,
        @JsonProperty("Layers") List<Layer> layers,
        @JsonProperty("PackageType") String packageType,
        @JsonProperty("ImageUri") String imageUri,
        @JsonProperty("ReservedConcurrentExecutions") Integer reservedConcurrentExecutions,
        @JsonProperty("ProvisionedConcurrentExecutions") Integer provisionedConcurrentExecutions,
        @JsonProperty("Tags") Map<String, String> tags,
        @JsonProperty("CodeSize") Long codeSize,
        @JsonProperty("CodeSha256") String codeSha256,
        @JsonProperty("LastModified") String lastModified,
        @JsonProperty("RevisionId") String revisionId) {

    public static final int DEFAULT_MEMORY = 128;
    public static final int DEFAULT_TIMEOUT = 3;
    public static final int DEFAULT_EPHEMERAL = 512;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Environment(@JsonProperty("Variables") Map<String, String> variables) { }

    public record EphemeralStorage(@JsonProperty("Size") Integer size) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Layer(@JsonProperty("Arn") String arn, @JsonProperty("CodeSize") Long codeSize) { }

    public int memoryOrDefault() { return memorySize == null ? DEFAULT_MEMORY : memorySize; }
    public int timeoutOrDefault() { return timeout == null ? DEFAULT_TIMEOUT : timeout; }
    public int ephemeralOrDefault() {
        return ephemeralStorage == null || ephemeralStorage.size() == null ? DEFAULT_EPHEMERAL : ephemeralStorage.size();
    }
    public String packageTypeOrDefault() { return packageType == null ? "Zip" : packageType; }
    public String architectureOrDefault() {
        return architectures == null || architectures.isEmpty() ? "x86_64" : architectures.get(0);
    }
    public Map<String, String> variables() {
        return environment == null || environment.variables() == null ? Map.of() : environment.variables();
    }
    public List<Layer> layersOrEmpty() { return layers == null ? List.of() : layers; }

    public Builder toBuilder() { return new Builder(this); }
    public static Builder builder(String name) { return new Builder(name); }

    /** A mutable copy used to derive a changed configuration. */
    public static final class Builder {
        private String functionName, runtime, handler, description, role, packageType, imageUri,
                codeSha256, lastModified, revisionId;
        private Integer memorySize, timeout, ephemeral, reserved, provisioned;
        private Map<String, String> variables, tags;
        private List<String> architectures;
        private List<Layer> layers;
        private Long codeSize;

        private Builder(String name) { this.functionName = name; }

        private Builder(FunctionConfig c) {
            functionName = c.functionName; runtime = c.runtime; handler = c.handler; description = c.description;
            role = c.role; memorySize = c.memorySize; timeout = c.timeout;
            variables = c.environment == null ? null : c.environment.variables();
            architectures = c.architectures;
            ephemeral = c.ephemeralStorage == null ? null : c.ephemeralStorage.size();
            layers = c.layers; packageType = c.packageType; imageUri = c.imageUri;
            reserved = c.reservedConcurrentExecutions; provisioned = c.provisionedConcurrentExecutions;
            tags = c.tags; codeSize = c.codeSize; codeSha256 = c.codeSha256; lastModified = c.lastModified;
            revisionId = c.revisionId;
        }

        public Builder functionName(String v) { functionName = v; return this; }
        public Builder runtime(String v) { runtime = v; return this; }
        public Builder handler(String v) { handler = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder role(String v) { role = v; return this; }
        public Builder memorySize(Integer v) { memorySize = v; return this; }
        public Builder timeout(Integer v) { timeout = v; return this; }
        public Builder variables(Map<String, String> v) { variables = v == null ? null : new LinkedHashMap<>(v); return this; }
        public Builder architectures(List<String> v) { architectures = v == null ? null : List.copyOf(v); return this; }
        public Builder ephemeralStorage(Integer v) { ephemeral = v; return this; }
        public Builder layers(List<Layer> v) { layers = v == null ? null : List.copyOf(v); return this; }
        public Builder packageType(String v) { packageType = v; return this; }
        public Builder imageUri(String v) { imageUri = v; return this; }
        public Builder reservedConcurrentExecutions(Integer v) { reserved = v; return this; }
        public Builder provisionedConcurrentExecutions(Integer v) { provisioned = v; return this; }
        public Builder tags(Map<String, String> v) { tags = v == null ? null : new LinkedHashMap<>(v); return this; }
        public Builder codeSize(Long v) { codeSize = v; return this; }
        public Builder codeSha256(String v) { codeSha256 = v; return this; }
        public Builder lastModified(String v) { lastModified = v; return this; }
        public Builder revisionId(String v) { revisionId = v; return this; }

        public FunctionConfig build() {
            return new FunctionConfig(functionName, runtime, handler, description, role, memorySize, timeout,
                    variables == null ? null : new Environment(Collections.unmodifiableMap(new LinkedHashMap<>(variables))),
                    architectures, ephemeral == null ? null : new EphemeralStorage(ephemeral), layers,
                    packageType, imageUri, reserved, provisioned,
                    tags == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(tags)), codeSize, codeSha256, lastModified, revisionId);
        }
    }
}
