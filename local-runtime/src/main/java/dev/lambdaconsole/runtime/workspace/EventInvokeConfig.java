package dev.lambdaconsole.runtime.workspace;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lambdaconsole.runtime.model.ValidationException;

/** Asynchronous invocation settings, in the shape of PutFunctionEventInvokeConfig. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventInvokeConfig(
        @JsonProperty("MaximumRetryAttempts") Integer maximumRetryAttempts,
        @JsonProperty("MaximumEventAgeInSeconds") Integer maximumEventAgeInSeconds,
        @JsonProperty("DestinationConfig") DestinationConfig destinationConfig,
        @JsonProperty("LastModified") Double lastModified) {

    public static final EventInvokeConfig DEFAULT = new EventInvokeConfig(2, 21600, null, null);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DestinationConfig(@JsonProperty("OnSuccess") Destination onSuccess,
                                    @JsonProperty("OnFailure") Destination onFailure) { }

    public record Destination(@JsonProperty("Destination") String destination) { }

    public int retriesOrDefault() { return maximumRetryAttempts == null ? 2 : maximumRetryAttempts; }
    public int maxAgeOrDefault() { return maximumEventAgeInSeconds == null ? 21600 : maximumEventAgeInSeconds; }

    public void validate() {
        if (maximumRetryAttempts != null && (maximumRetryAttempts < 0 || maximumRetryAttempts > 2)) {
            throw new ValidationException("MaximumRetryAttempts", "must be between 0 and 2", maximumRetryAttempts);
        }
        if (maximumEventAgeInSeconds != null && (maximumEventAgeInSeconds < 60 || maximumEventAgeInSeconds > 21600)) {
            throw new ValidationException("MaximumEventAgeInSeconds", "must be between 60 and 21600 seconds",
                    maximumEventAgeInSeconds);
        }
    }
}
