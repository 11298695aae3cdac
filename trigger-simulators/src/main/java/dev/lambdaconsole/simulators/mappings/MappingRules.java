package dev.lambdaconsole.simulators.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.patterns.Dialect;
import dev.lambdaconsole.simulators.patterns.EventPattern;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event source mapping API's parameters: which apply to which source, their ranges and defaults, with the
 * errors Lambda answers (ValidationException for a value outside its range, InvalidParameterValueException for a
 * combination the source does not take).
 */
final class MappingRules {
    /** Members a create request may carry (besides the source-specific ones this console does not map). */
    static final Set<String> CREATE_MEMBERS = Set.of("FunctionName", "EventSourceArn", "Enabled", "BatchSize",
            "FilterCriteria", "MaximumBatchingWindowInSeconds", "ParallelizationFactor", "StartingPosition",
            "StartingPositionTimestamp", "DestinationConfig", "MaximumRecordAgeInSeconds",
            "BisectBatchOnFunctionError", "MaximumRetryAttempts", "TumblingWindowInSeconds", "FunctionResponseTypes",
            "ScalingConfig", "Tags", "MetricsConfig", "KMSKeyArn");
    static final Set<String> UPDATE_MEMBERS = Set.of("FunctionName", "Enabled", "BatchSize", "FilterCriteria",
            "MaximumBatchingWindowInSeconds", "ParallelizationFactor", "DestinationConfig",
            "MaximumRecordAgeInSeconds", "BisectBatchOnFunctionError", "MaximumRetryAttempts",
            "TumblingWindowInSeconds", "FunctionResponseTypes", "ScalingConfig", "MetricsConfig", "KMSKeyArn");
    /** Members only streams take. */
    static final List<String> STREAM_ONLY = List.of("StartingPosition", "StartingPositionTimestamp",
            "ParallelizationFactor", "BisectBatchOnFunctionError", "MaximumRetryAttempts", "MaximumRecordAgeInSeconds",
            "TumblingWindowInSeconds", "DestinationConfig");

    private MappingRules() { }

    static AwsServiceException invalid(String message) {
        return new AwsServiceException(400, "InvalidParameterValueException", message);
    }

    static AwsServiceException validation(String message) {
        return new AwsServiceException(400, "ValidationException", message);
    }

    /** The defaults a new mapping of this kind shows (as Lambda answers a create that names none). */
    static ObjectNode defaults(SourceKind kind) {
        ObjectNode d = Json.object();
        d.put("BatchSize", kind == SourceKind.SQS ? 10 : 100);
        d.put("MaximumBatchingWindowInSeconds", 0);
        d.putArray("FunctionResponseTypes");
        if (kind.stream()) {
            d.put("ParallelizationFactor", 1);
            d.put("BisectBatchOnFunctionError", false);
            d.put("MaximumRetryAttempts", -1);
            d.put("MaximumRecordAgeInSeconds", -1);
            d.put("TumblingWindowInSeconds", 0);
            d.putObject("DestinationConfig").putObject("OnFailure");
            d.put("LastProcessingResult", "No records processed");
        }
        return d;
    }

    /** Refuses members the operation does not know (a typo must not pass silently). */
    static void knownMembers(JsonNode request, Set<String> allowed, String operation) {
        for (Iterator<String> it = request.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw invalid("Unsupported parameter " + name + " for " + operation
                        + " (this console maps SQS queues, Kinesis streams and DynamoDB streams)");
            }
        }
    }

    /**
     * Checks a mapping's values once defaults and the request are merged; {@code request} holds what the caller
     * sent (to tell a member given for the wrong source from a default).
     */
    static void check(ObjectNode merged, JsonNode request, SourceKind kind, boolean fifo) {
        if (kind == SourceKind.SQS) {
            for (String member : STREAM_ONLY) {
                if (request.has(member)) {
                    throw invalid("Unsupported " + member + " parameter for given event source mapping type.");
                }
            }
        } else if (request.has("ScalingConfig")) {
            throw invalid("Unsupported ScalingConfig parameter for given event source mapping type.");
        }
        int batch = intIn(merged, "BatchSize", 1, 10000);
        int window = intIn(merged, "MaximumBatchingWindowInSeconds", 0, 300);
        if (kind == SourceKind.SQS) {
            if (fifo && batch > 10) throw invalid("Batch size for FIFO queues must be between 1 and 10; it was " + batch + ".");
            if (fifo && window > 0) throw invalid("MaximumBatchingWindowInSeconds is not supported for FIFO queues.");
            if (batch > 10 && window == 0) {
                throw invalid("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
            }
            JsonNode scaling = merged.get("ScalingConfig");
            if (scaling != null && !scaling.isNull()) {
                if (!scaling.isObject()) throw validation("ScalingConfig must be an object with MaximumConcurrency.");
                JsonNode max = scaling.get("MaximumConcurrency");
                if (max != null && !max.isNull() && (!max.canConvertToInt() || max.asInt() < 2 || max.asInt() > 1000)) {
                    throw validation("1 validation error detected: Value '" + max.asText() + "' at "
                            + "'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value "
                            + "between 2 and 1000");
                }
            }
        } else {
            intIn(merged, "ParallelizationFactor", 1, 10);
            intIn(merged, "MaximumRetryAttempts", -1, 10000);
            int age = intIn(merged, "MaximumRecordAgeInSeconds", -1, 604800);
            if (age != -1 && age < 60) {
                throw validation("1 validation error detected: Value '" + age + "' at 'maximumRecordAgeInSeconds' "
                        + "failed to satisfy constraint: Member must be -1 (infinite) or between 60 and 604800");
            }
            intIn(merged, "TumblingWindowInSeconds", 0, 900);
            JsonNode bisect = merged.get("BisectBatchOnFunctionError");
            if (bisect != null && !bisect.isBoolean()) throw validation("BisectBatchOnFunctionError must be true or false.");
            String position = merged.path("StartingPosition").asText(null);
            if (position == null) {
                throw invalid("StartingPosition is required for " + (kind == SourceKind.KINESIS ? "Kinesis" : "DynamoDB")
                        + " event sources: TRIM_HORIZON or LATEST" + (kind == SourceKind.KINESIS ? " or AT_TIMESTAMP." : "."));
            }
            if (!Set.of("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP").contains(position)) {
                throw validation("1 validation error detected: Value '" + position + "' at 'startingPosition' failed "
                        + "to satisfy constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]");
            }
            if (position.equals("AT_TIMESTAMP") && kind == SourceKind.DYNAMODB) {
                throw invalid("Unsupported starting position for DynamoDB Streams: AT_TIMESTAMP; use TRIM_HORIZON or LATEST.");
            }
            if (position.equals("AT_TIMESTAMP") && !merged.hasNonNull("StartingPositionTimestamp")) {
                throw invalid("StartingPositionTimestamp must be set when StartingPosition is AT_TIMESTAMP.");
            }
            if (!position.equals("AT_TIMESTAMP") && request.hasNonNull("StartingPositionTimestamp")) {
                throw invalid("StartingPositionTimestamp is only valid with StartingPosition AT_TIMESTAMP.");
            }
        }
        JsonNode types = merged.get("FunctionResponseTypes");
        if (types != null && !types.isNull()) {
            if (!types.isArray()) throw validation("FunctionResponseTypes must be a list.");
            for (JsonNode t : types) {
                if (!t.asText().equals("ReportBatchItemFailures")) {
                    throw validation("1 validation error detected: Value '[" + t.asText() + "]' at "
                            + "'functionResponseTypes' failed to satisfy constraint: Member must satisfy constraint: "
                            + "[Member must satisfy enum value set: [ReportBatchItemFailures]]");
                }
            }
        }
        filters(merged.get("FilterCriteria"));
    }

    /** The compiled filters of FilterCriteria (empty: every record passes). */
    static List<EventPattern> filters(JsonNode criteria) {
        if (criteria == null || criteria.isNull() || criteria.isEmpty()) return List.of();
        JsonNode list = criteria.get("Filters");
        if (list == null || list.isNull()) return List.of();
        if (!list.isArray()) throw validation("FilterCriteria.Filters must be a list of {\"Pattern\": \"...\"}.");
        if (list.size() > 5) {
            throw invalid("FilterCriteria may hold at most 5 filters; it has " + list.size() + ".");
        }
        java.util.ArrayList<EventPattern> out = new java.util.ArrayList<>();
        for (JsonNode f : list) {
            String pattern = f.path("Pattern").asText(null);
            if (pattern == null) throw validation("Each filter of FilterCriteria needs a Pattern (a JSON text).");
            if (pattern.length() > 4096) {
                throw validation("1 validation error detected: Value at 'filterCriteria.filters.member.pattern' "
                        + "failed to satisfy constraint: Member must have length less than or equal to 4096");
            }
            out.add(EventPattern.parse(pattern, Dialect.LAMBDA_FILTER));
        }
        return out;
    }

    private static int intIn(ObjectNode merged, String member, int min, int max) {
        JsonNode v = merged.get(member);
        if (v == null || v.isNull()) return 0;
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw validation("1 validation error detected: Value '" + v.asText() + "' at '" + camel(member)
                    + "' failed to satisfy constraint: Member must be a whole number");
        }
        int i = v.asInt();
        if (i < min) {
            throw validation("1 validation error detected: Value '" + i + "' at '" + camel(member)
                    + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
        }
        if (i > max) {
            throw validation("1 validation error detected: Value '" + i + "' at '" + camel(member)
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
        return i;
    }

    private static String camel(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    /** Copies the request's members over {@code target} (null members remove). */
    static void merge(ObjectNode target, JsonNode request, Set<String> skip) {
        for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (skip.contains(e.getKey())) continue;
            if (e.getValue().isNull()) target.remove(e.getKey());
            else target.set(e.getKey(), e.getValue());
        }
        if (target.get("FunctionResponseTypes") instanceof ArrayNode) return;
        target.putArray("FunctionResponseTypes");
    }
}
