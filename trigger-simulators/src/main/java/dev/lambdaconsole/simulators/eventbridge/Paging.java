package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/** EventBridge's {@code Limit} (1-100, default 100) and {@code NextToken} (the next item's key, opaque). */
final class Paging {
    static final int MAX = 100;

    private Paging() { }

    static void page(List<String> keys, JsonNode input, ObjectNode out, Consumer<String> each) {
        int limit = MAX;
        if (input.hasNonNull("Limit")) {
            limit = input.get("Limit").asInt();
            if (limit < 1 || limit > MAX) {
                throw AwsServiceException.badRequest("ValidationException", "1 validation error detected: Value '" + limit
                        + "' at 'limit' failed to satisfy constraint: Member must have value "
                        + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
            }
        }
        int from = 0;
        String token = input.path("NextToken").asText(null);
        if (token != null && !token.isEmpty()) {
            String key;
            try {
                key = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalidToken();
            }
            from = keys.indexOf(key);
            if (from < 0) throw invalidToken();
        }
        int to = Math.min(keys.size(), from + limit);
        for (int i = from; i < to; i++) each.accept(keys.get(i));
        if (to < keys.size()) {
            out.put("NextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(keys.get(to).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static AwsServiceException invalidToken() {
        return AwsServiceException.badRequest("ValidationException", "The NextToken provided is invalid.");
    }
}
