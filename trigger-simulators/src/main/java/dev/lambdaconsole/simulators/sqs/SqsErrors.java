package dev.lambdaconsole.simulators.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.gateway.protocol.QueryProtocol;
import dev.lambdaconsole.runtime.util.Json;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQS's errors in its two protocols. SQS is "query compatible": a JSON error carries the shape name in
 * {@code __type} ({@code com.amazonaws.sqs#QueueDoesNotExist}) and the old query code in the header
 * {@code x-amzn-query-error: AWS.SimpleQueueService.NonExistentQueue;Sender}, which is what the CLIs print. Codes
 * here are the query codes (as the query protocol and the event source mappings' messages spell them).
 */
final class SqsErrors {
    static final String JSON = "application/x-amz-json-1.0";
    private static final String PREFIX = "com.amazonaws.sqs#";
    /** Shape name (JSON) to query code, where they differ (from the SQS service model's awsQueryError traits). */
    private static final Map<String, String> QUERY_CODES = Map.ofEntries(
            Map.entry("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue"),
            Map.entry("QueueNameExists", "QueueAlreadyExists"),
            Map.entry("QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently"),
            Map.entry("PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress"),
            Map.entry("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"),
            Map.entry("TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest"),
            Map.entry("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest"),
            Map.entry("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId"),
            Map.entry("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong"),
            Map.entry("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight"),
            Map.entry("UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation"),
            Map.entry("InvalidIdFormat", "InvalidIdFormat"),
            Map.entry("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid"));
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>", Pattern.DOTALL);

    private SqsErrors() { }

    /** The query code of a JSON {@code __type} (with or without its namespace). */
    static String queryCode(String type) {
        String shape = type.substring(type.indexOf('#') + 1);
        return QUERY_CODES.getOrDefault(shape, shape);
    }

    /** The JSON shape name of a query code. */
    static String shape(String queryCode) {
        for (Map.Entry<String, String> e : QUERY_CODES.entrySet()) {
            if (e.getValue().equals(queryCode)) return e.getKey();
        }
        return queryCode;
    }

    /** An error of the JSON protocol: {@code {"__type","message"}}, {@code x-amzn-query-error}. */
    static ServiceResponse json(AwsServiceException e) {
        ObjectNode body = Json.object();
        body.put("__type", PREFIX + shape(e.code()));
        body.put("message", e.getMessage());
        return ServiceResponse.of(e.status(), JSON, Json.bytes(body))
                .withHeader("x-amzn-query-error", e.code() + ";" + fault(e))
                .withHeader("x-amzn-ErrorType", shape(e.code()));
    }

    /** An error of the query protocol ({@code ErrorResponse} XML). */
    static ServiceResponse query(AwsServiceException e, String requestId) {
        return QueryProtocol.error(e, requestId);
    }

    /** ElasticMQ's JSON error body ({@code {"__type","Message"}}) as an exception with the query code. */
    static AwsServiceException fromJson(int status, byte[] body) {
        try {
            var node = Json.MAPPER.readTree(body);
            String type = node.path("__type").asText("");
            if (!type.isEmpty()) {
                String message = node.has("message") ? node.path("message").asText() : node.path("Message").asText();
                return new AwsServiceException(status, queryCode(type), message);
            }
        } catch (Exception ignored) {
            // not JSON: below
        }
        return unreadable(status, body);
    }

    /** ElasticMQ's query error body ({@code <ErrorResponse>}) as an exception. */
    static AwsServiceException fromXml(int status, byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        Matcher code = CODE.matcher(text);
        if (!code.find()) return unreadable(status, body);
        Matcher message = MESSAGE.matcher(text);
        return new AwsServiceException(status, unescape(code.group(1).trim()),
                message.find() ? unescape(message.group(1).trim()) : code.group(1));
    }

    /** A failure ElasticMQ did not describe (e.g. its bare 500). */
    private static AwsServiceException unreadable(int status, byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).trim();
        String detail = text.isEmpty() ? "no details" : text.length() > 500 ? text.substring(0, 500) : text;
        if (status >= 500) {
            return new AwsServiceException(status, "InternalFailure", "The local SQS (ElasticMQ) failed: " + detail);
        }
        return new AwsServiceException(status, "InvalidParameterValue", detail);
    }

    /** ElasticMQ cannot be reached (stopped or crashed). */
    static AwsServiceException unavailable(Throwable cause) {
        return new AwsServiceException(503, "ServiceUnavailable", "The local SQS (ElasticMQ) does not answer: "
                + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
    }

    private static String fault(AwsServiceException e) { return e.isServerError() ? "Receiver" : "Sender"; }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
