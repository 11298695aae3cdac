package dev.lambdaconsole.simulators.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/** Reading request members (from JSON or CBOR trees) and Kinesis's validation errors. */
final class Members {
    private Members() { }

    static String text(JsonNode in, String member) {
        JsonNode v = in.get(member);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw serialization(member + " must be a string (got " + type(v) + ")");
        return v.textValue();
    }

    static Integer integer(JsonNode in, String member) {
        JsonNode v = in.get(member);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw serialization(member + " must be an integer (got " + v + ")");
        return v.intValue();
    }

    /** A blob: base64 text in JSON, a byte string in CBOR. */
    static byte[] blob(JsonNode in, String member) {
        JsonNode v = in.get(member);
        if (v == null || v.isNull()) return null;
        try {
            if (v.isBinary()) return v.binaryValue();
        } catch (IOException e) {
            throw serialization(member + " is not readable: " + e.getMessage());
        }
        if (!v.isTextual()) throw serialization(member + " must be base64 text (got " + type(v) + ")");
        try {
            return Base64.getMimeDecoder().decode(v.textValue());
        } catch (IllegalArgumentException e) {
            throw serialization("Base64 encoded " + member + " is not valid: " + e.getMessage());
        }
    }

    /** A timestamp as the JSON protocol sends it: epoch seconds (a number, maybe with a fraction). */
    static Instant instant(JsonNode v, String wireName) {
        if (!v.isNumber()) throw serialization(wireName + " must be a timestamp in epoch seconds (got " + v + ")");
        BigDecimal millis = v.decimalValue().movePointRight(3);
        return Instant.ofEpochMilli(millis.longValue());
    }

    static void checkName(String name, String wireName) {
        if (name.isEmpty() || name.length() > 128) invalidThrow(wireName, name, "Member must have length between 1 and 128");
        if (!name.matches("[a-zA-Z0-9_.-]+")) invalidThrow(wireName, name, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    private static void invalidThrow(String wireName, String value, String rule) {
        throw invalid(wireName, value, rule);
    }

    static AwsServiceException invalid(String wireName, String value, String rule) {
        return AwsServiceException.badRequest("ValidationException", "1 validation error detected: Value '" + value
                + "' at '" + wireName + "' failed to satisfy constraint: " + rule);
    }

    static AwsServiceException missing(String wireName) {
        return AwsServiceException.badRequest("ValidationException", "1 validation error detected: Value null at '"
                + wireName + "' failed to satisfy constraint: Member must not be null");
    }

    static AwsServiceException serialization(String message) {
        return AwsServiceException.badRequest("SerializationException", message);
    }

    static String token(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String fromToken(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsServiceException.badRequest("InvalidArgumentException", "Invalid NextToken.");
        }
    }

    private static String type(JsonNode v) {
        return v.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
