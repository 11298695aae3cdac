package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CORS configuration as HTTP APIs ({@code CorsConfiguration}) and Function URLs ({@code Cors}) hold it, answered
 * the way they answer it: a preflight (OPTIONS with Origin and Access-Control-Request-Method) never reaches the
 * function; other responses to an allowed origin carry Access-Control-Allow-Origin, -Expose-Headers and
 * -Allow-Credentials.
 */
public record CorsRules(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                        List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {

    /** From an HTTP API's corsConfiguration (camelCase members), or null when it has none. */
    public static CorsRules fromHttpApi(JsonNode cors) {
        if (cors == null || !cors.isObject()) return null;
        return new CorsRules(list(cors.get("allowOrigins")), list(cors.get("allowMethods")), list(cors.get("allowHeaders")),
                list(cors.get("exposeHeaders")), cors.hasNonNull("maxAge") ? cors.get("maxAge").asInt() : null,
                cors.path("allowCredentials").asBoolean(false));
    }

    /** From a Function URL's Cors (PascalCase members), or null when it has none. */
    public static CorsRules fromFunctionUrl(JsonNode cors) {
        if (cors == null || !cors.isObject()) return null;
        return new CorsRules(list(cors.get("AllowOrigins")), list(cors.get("AllowMethods")), list(cors.get("AllowHeaders")),
                list(cors.get("ExposeHeaders")), cors.hasNonNull("MaxAge") ? cors.get("MaxAge").asInt() : null,
                cors.path("AllowCredentials").asBoolean(false));
    }

    private static List<String> list(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) node.forEach(n -> out.add(n.asText()));
        return out;
    }

    public static boolean isPreflight(ServiceRequest r) {
        return r.method().equals("OPTIONS") && r.header("Origin") != null
                && r.header("Access-Control-Request-Method") != null;
    }

    /** The answer to a preflight: with the allowed origin, methods and headers when the origin is allowed. */
    public ServiceResponse preflight(ServiceRequest r, int status) {
        Map<String, String> h = new LinkedHashMap<>();
        String origin = allowedOrigin(r.header("Origin"));
        if (origin != null) {
            h.put("Access-Control-Allow-Origin", origin);
            if (!allowMethods.isEmpty()) h.put("Access-Control-Allow-Methods", String.join(",", allowMethods));
            if (!allowHeaders.isEmpty()) h.put("Access-Control-Allow-Headers", String.join(",", allowHeaders));
            if (!exposeHeaders.isEmpty()) h.put("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
            if (maxAge != null) h.put("Access-Control-Max-Age", String.valueOf(maxAge));
            if (allowCredentials) h.put("Access-Control-Allow-Credentials", "true");
        }
        return new ServiceResponse(status, h, null, new byte[0]);
    }

    /** {@code response} with the CORS headers for the request's origin (none when it has no allowed Origin). */
    public ServiceResponse decorate(ServiceRequest r, ServiceResponse response) {
        String origin = allowedOrigin(r.header("Origin"));
        if (origin == null) return response;
        ServiceResponse out = response.withHeader("Access-Control-Allow-Origin", origin);
        if (!exposeHeaders.isEmpty()) out = out.withHeader("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
        if (allowCredentials) out = out.withHeader("Access-Control-Allow-Credentials", "true");
        return out;
    }

    /** "*" or the request's origin when allowed, else null. */
    String allowedOrigin(String origin) {
        if (origin == null) return null;
        for (String allowed : allowOrigins) {
            if (allowed.equals("*")) return allowCredentials ? origin : "*";
            if (glob(allowed.toLowerCase(Locale.ROOT), origin.toLowerCase(Locale.ROOT))) return origin;
        }
        return null;
    }

    private static boolean glob(String pattern, String value) {
        if (!pattern.contains("*")) return pattern.equals(value);
        String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E[^/]*\\Q");
        return value.matches(regex);
    }
}
