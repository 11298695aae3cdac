package dev.lambdaconsole.simulators.mappings;

import dev.lambdaconsole.runtime.services.lambda.FunctionNames;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One event source mapping as the Lambda API shows it (the members of {@code EventSourceMappingConfiguration}),
 * plus whether the user enabled it ({@code Enabled}, stored but shown only through {@code State}). The workspace
 * keeps one such file per mapping under {@code event-source-mappings/}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Mapping(
        @JsonProperty("UUID") String uuid,
        @JsonProperty("EventSourceArn") String eventSourceArn,
        @JsonProperty("EventSourceMappingArn") String eventSourceMappingArn,
        @JsonProperty("FunctionArn") String functionArn,
        @JsonProperty("StartingPosition") String startingPosition,
        @JsonProperty("StartingPositionTimestamp") Double startingPositionTimestamp,
        @JsonProperty("BatchSize") Integer batchSize,
        @JsonProperty("MaximumBatchingWindowInSeconds") Integer maximumBatchingWindowInSeconds,
        @JsonProperty("ParallelizationFactor") Integer parallelizationFactor,
        @JsonProperty("FilterCriteria") JsonNode filterCriteria,
        @JsonProperty("FunctionResponseTypes") List<String> functionResponseTypes,
        @JsonProperty("BisectBatchOnFunctionError") Boolean bisectBatchOnFunctionError,
        @JsonProperty("MaximumRetryAttempts") Integer maximumRetryAttempts,
        @JsonProperty("MaximumRecordAgeInSeconds") Integer maximumRecordAgeInSeconds,
        @JsonProperty("TumblingWindowInSeconds") Integer tumblingWindowInSeconds,
        @JsonProperty("DestinationConfig") JsonNode destinationConfig,
        @JsonProperty("ScalingConfig") JsonNode scalingConfig,
        @JsonProperty("State") String state,
        @JsonProperty("StateTransitionReason") String stateTransitionReason,
        @JsonProperty("LastModified") Double lastModified,
        @JsonProperty("LastProcessingResult") String lastProcessingResult,
        @JsonProperty("Enabled") Boolean enabled) {

    public SourceKind kind() { return SourceKind.of(eventSourceArn); }

    public boolean isEnabled() { return enabled == null || enabled; }

    public boolean reportsBatchItemFailures() {
        return functionResponseTypes != null && functionResponseTypes.contains("ReportBatchItemFailures");
    }

    /** ScalingConfig.MaximumConcurrency, or null when not set. */
    public Integer maximumConcurrency() {
        if (scalingConfig == null || !scalingConfig.hasNonNull("MaximumConcurrency")) return null;
        return scalingConfig.get("MaximumConcurrency").asInt();
    }

    /** DestinationConfig.OnFailure.Destination, or null. */
    public String onFailureDestination() {
        if (destinationConfig == null) return null;
        JsonNode d = destinationConfig.path("OnFailure").path("Destination");
        return d.isTextual() && !d.asText().isEmpty() ? d.asText() : null;
    }

    /** The function's name (the ARN's name part). */
    public String functionName() { return FunctionNames.parse(functionArn, null).name(); }

    /** The function's qualifier (version or alias), or null for $LATEST / unqualified. */
    public String qualifier() { return FunctionNames.parse(functionArn, null).qualifier(); }

    public Mapping withState(String newState, String reason) {
        return new Mapping(uuid, eventSourceArn, eventSourceMappingArn, functionArn, startingPosition,
                startingPositionTimestamp, batchSize, maximumBatchingWindowInSeconds, parallelizationFactor,
                filterCriteria, functionResponseTypes, bisectBatchOnFunctionError, maximumRetryAttempts,
                maximumRecordAgeInSeconds, tumblingWindowInSeconds, destinationConfig, scalingConfig, newState,
                reason == null ? stateTransitionReason : reason, lastModified, lastProcessingResult, enabled);
    }

    public Mapping withLastProcessingResult(String result) {
        return new Mapping(uuid, eventSourceArn, eventSourceMappingArn, functionArn, startingPosition,
                startingPositionTimestamp, batchSize, maximumBatchingWindowInSeconds, parallelizationFactor,
                filterCriteria, functionResponseTypes, bisectBatchOnFunctionError, maximumRetryAttempts,
                maximumRecordAgeInSeconds, tumblingWindowInSeconds, destinationConfig, scalingConfig, state,
                stateTransitionReason, lastModified, result, enabled);
    }
}
