package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A function's answer to a batch when the mapping has ReportBatchItemFailures: which items failed, or that the
 * answer is invalid (then the whole batch failed, as in Lambda).
 *
 * <p>Success: {@code null}, an empty answer, {@code ""}, {@code []}, {@code {}}, or {@code batchItemFailures}
 * null or empty. Invalid: not JSON, an object with other keys and no {@code batchItemFailures}, a list that is not
 * a list of objects, an {@code itemIdentifier} that is absent, null, empty, or not one of the batch's.
 */
record BatchResponse(Set<String> failed, String invalidReason) {
    static final BatchResponse ALL_OK = new BatchResponse(Set.of(), null);

    boolean invalid() { return invalidReason != null; }

    static BatchResponse parse(byte[] payload, Set<String> identifiers) {
        String text = payload == null ? "" : new String(payload, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) return ALL_OK;
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return new BatchResponse(Set.of(), "the function's response is not JSON");
        }
        if (answer == null || answer.isNull()) return ALL_OK;
        if (answer.isTextual() && answer.asText().isEmpty()) return ALL_OK;
        if (answer.isArray() && answer.isEmpty()) return ALL_OK;
        if (!answer.isObject()) return new BatchResponse(Set.of(), "the response is not an object with batchItemFailures");
        JsonNode list = answer.get("batchItemFailures");
        if (list == null) {
            return answer.isEmpty() || onlyState(answer) ? ALL_OK
                    : new BatchResponse(Set.of(), "the response has no batchItemFailures key");
        }
        if (list.isNull()) return ALL_OK;
        if (!list.isArray()) return new BatchResponse(Set.of(), "batchItemFailures is not a list");
        Set<String> failed = new LinkedHashSet<>();
        for (JsonNode item : list) {
            JsonNode id = item.get("itemIdentifier");
            if (id == null || id.isNull() || !id.isTextual() || id.asText().isEmpty()) {
                return new BatchResponse(Set.of(), "an itemIdentifier is missing, null or empty");
            }
            if (!identifiers.contains(id.asText())) {
                return new BatchResponse(Set.of(), "itemIdentifier " + id.asText() + " is not in the batch");
            }
            failed.add(id.asText());
        }
        return new BatchResponse(failed, null);
    }

    /** Tumbling-window answers carry {@code state}; without failures that is a success. */
    private static boolean onlyState(JsonNode answer) {
        return answer.size() == 1 && answer.has("state");
    }
}
