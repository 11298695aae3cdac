package dev.lambdaconsole.runtime.logs.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reading and checking request fields, with CloudWatch Logs' validation messages. */
final class Params {
    private Params() { }

    static AwsServiceException invalid(String field, Object value, String constraint) {
        return AwsServiceException.invalidParameter("1 validation error detected: Value "
                + (value == null ? "null" : "'" + value + "'") + " at '" + field + "' failed to satisfy constraint: "
                + constraint);
    }

    static String required(JsonNode in, String field) {
        String v = string(in, field);
        if (v == null) throw invalid(field, null, "Member must not be null");
        if (v.isEmpty()) throw invalid(field, v, "Member must have length greater than or equal to 1");
        return v;
    }

    /**
     * The log group of a request: {@code logGroupName}, or {@code logGroupIdentifier} (a name or an ARN, with
     * or without the trailing {@code :*}), which newer CLIs and SDKs send.
     */
    static String group(JsonNode in) {
        String name = string(in, "logGroupName");
        String id = string(in, "logGroupIdentifier");
        if (name != null && id != null) {
            throw AwsServiceException.invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (id == null) return required(in, "logGroupName");
        if (!id.startsWith("arn:")) return required(in, "logGroupIdentifier");
        int at = id.indexOf(":log-group:");
        if (at < 0) throw invalid("logGroupIdentifier", id, "Member must be a log group name or a log group ARN");
        String group = id.substring(at + ":log-group:".length());
        return group.endsWith(":*") ? group.substring(0, group.length() - 2) : group;
    }

    static String string(JsonNode in, String field) {
        JsonNode n = in.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw invalid(field, n, "Member must be a string");
        return n.asText();
    }

    static Long time(JsonNode in, String field) {
        JsonNode n = in.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || n.asLong() < 0) {
            throw invalid(field, n, "Member must be a non-negative whole number of milliseconds since the epoch");
        }
        return n.asLong();
    }

    static boolean flag(JsonNode in, String field, boolean otherwise) {
        JsonNode n = in.get(field);
        if (n == null || n.isNull()) return otherwise;
        if (!n.isBoolean()) throw invalid(field, n, "Member must be true or false");
        return n.booleanValue();
    }

    static int limit(JsonNode in, int max, int otherwise) {
        JsonNode n = in.get("limit");
        if (n == null || n.isNull()) return otherwise;
        if (!n.isIntegralNumber()) throw invalid("limit", n, "Member must be a whole number");
        long v = n.asLong();
        if (v < 1) throw invalid("limit", v, "Member must have value greater than or equal to 1");
        if (v > max) throw invalid("limit", v, "Member must have value less than or equal to " + max);
        return (int) v;
    }

    static List<String> strings(JsonNode in, String field, int max) {
        JsonNode n = in.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isArray()) throw invalid(field, n, "Member must be a list of strings");
        if (n.isEmpty() || n.size() > max) {
            throw invalid(field, n, "Member must have length between 1 and " + max);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) throw invalid(field, n, "Member must be a list of strings");
            out.add(e.asText());
        }
        return out;
    }

    /** An opaque page token over {@code text}. */
    static String token(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text of a token made by {@link #token}; an invalid one is InvalidParameterException. */
    static String untoken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badToken();
        }
    }

    static AwsServiceException badToken() {
        return AwsServiceException.invalidParameter("The specified nextToken is invalid.");
    }

    static AwsServiceException noGroup() {
        return AwsServiceException.notFound("The specified log group does not exist.");
    }
}
