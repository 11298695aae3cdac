package dev.lambdaconsole.runtime.workspace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * A named pointer to a version, optionally sending a share of the invocations to one more version, stored with
 * Lambda's field names in {@code functions/NAME/aliases.json}.
 *
 * @param routingConfig null when every invocation goes to {@code functionVersion}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Alias(@JsonProperty("Name") String name,
                    @JsonProperty("FunctionVersion") String functionVersion,
                    @JsonProperty("Description") String description,
                    @JsonProperty("RoutingConfig") RoutingConfig routingConfig,
                    @JsonProperty("RevisionId") String revisionId) {

    /** AdditionalVersionWeights: at most one version and the share (0 to 1) of invocations it gets. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RoutingConfig(@JsonProperty("AdditionalVersionWeights") Map<String, Double> additionalVersionWeights) {
        public RoutingConfig {
            additionalVersionWeights = additionalVersionWeights == null ? Map.of() : Map.copyOf(additionalVersionWeights);
        }
    }

    /** The additional versions and their weights (empty when the alias points at one version only). */
    @JsonIgnore
    public Map<String, Double> weights() {
        return routingConfig == null ? Map.of() : routingConfig.additionalVersionWeights();
    }

    public String descriptionOrEmpty() { return description == null ? "" : description; }
}
