package dev.lambdaconsole.runtime.services.lambda;

import dev.lambdaconsole.runtime.model.FunctionValidator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * FunctionName as the Lambda API takes it (in a path or a body): a name, name:qualifier, a full ARN or a partial
 * ARN (account:function:name).
 */
public record FunctionNames(String name, String qualifier) {
    public static FunctionNames parse(String raw, String queryQualifier) {
        String value = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (value.length() > 170) {
            throw ApiError.invalid("FunctionName must be at most 170 characters (got " + value.length() + ")");
        }
        String rest = value;
        int marker = value.indexOf("function:");
        if (value.startsWith("arn:") || marker > 0) {
            if (marker < 0) throw ApiError.invalid("FunctionName is not a function ARN: " + value);
            rest = value.substring(marker + "function:".length());
        }
        String name = rest;
        String qualifier = queryQualifier;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            name = rest.substring(0, colon);
            String q = rest.substring(colon + 1);
            if (qualifier != null && !qualifier.equals(q)) {
                throw ApiError.invalid("The derived qualifier from the function name does not match the specified qualifier.");
            }
            qualifier = q;
        }
        if (!FunctionValidator.NAME.matcher(name).matches()) {
            throw ApiError.invalid("FunctionName must be 1 to 64 letters, digits, hyphens or underscores, or an ARN (got '"
                    + value + "')");
        }
        return new FunctionNames(name, qualifier == null || qualifier.isEmpty() ? null : qualifier);
    }

    /** For operations on $LATEST only (updates of code and configuration, tags, settings): no other qualifier. */
    public void requireLatest(String arn) {
        if (qualifier != null && !qualifier.equals("$LATEST")) {
            throw ApiError.notFound(arn + ":" + qualifier);
        }
    }
}
