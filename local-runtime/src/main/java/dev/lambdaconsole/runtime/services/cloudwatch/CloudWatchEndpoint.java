package dev.lambdaconsole.runtime.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.gateway.protocol.QueryProtocol;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * CloudWatch on the shared endpoint (SigV4 scope "monitoring"), in the three protocols its clients speak:
 * <ul>
 * <li>JSON 1.0 ({@code X-Amz-Target: GraniteServiceVersion20100801.<Op>}): botocore since the model listed it,
 * so the AWS CLI v1;</li>
 * <li>Smithy RPC v2 CBOR ({@code POST /service/GraniteServiceVersion20100801/operation/<Op>},
 * {@code Smithy-Protocol: rpc-v2-cbor}): the SDK for Java v2 since 2.40;</li>
 * <li>Query ({@code Action=<Op>&Version=2010-08-01}, XML replies): older clients, such as the AWS CLI v2.9.</li>
 * </ul>
 * Errors are the service's in each protocol; the JSON and CBOR ones also carry {@code x-amzn-query-error:
 * Code;Sender}, from which query-compatible clients take the code.
 */
public final class CloudWatchEndpoint implements ServiceEndpoint {
    static final String TARGET_PREFIX = "GraniteServiceVersion20100801";
    static final String CBOR_PATH = "/service/" + TARGET_PREFIX + "/operation/";
    static final String JSON = "application/x-amz-json-1.0";
    static final String CBOR = "application/cbor";

    private final Map<String, Function<JsonNode, JsonNode>> operations = new LinkedHashMap<>();

    public CloudWatchEndpoint(CloudWatchService service) {
        operations.put("ListMetrics", service::listMetrics);
        operations.put("GetMetricStatistics", service::getMetricStatistics);
        operations.put("GetMetricData", service::getMetricData);
    }

    private enum Wire { JSON, CBOR, QUERY }

    @Override public String name() { return "monitoring"; }

    @Override public Set<String> signingNames() { return Set.of("monitoring"); }

    @Override public Set<String> targetPrefixes() { return Set.of(TARGET_PREFIX); }

    @Override public boolean claimsPath(ServiceRequest request) { return request.path().startsWith(CBOR_PATH); }

    private static Wire wire(ServiceRequest request) {
        if (request.path().startsWith(CBOR_PATH) || request.header("Smithy-Protocol") != null) return Wire.CBOR;
        if (request.target() != null || request.contentType().startsWith("application/x-amz-json")) return Wire.JSON;
        return Wire.QUERY;
    }

    @Override
    public CompletionStage<ServiceResponse> handle(ServiceRequest request) {
        Wire wire = wire(request);
        Map<String, java.util.List<String>> form = wire == Wire.QUERY ? form(request) : Map.of();
        String operation = switch (wire) {
            case JSON -> {
                String target = request.target();
                yield target != null && target.startsWith(TARGET_PREFIX + ".") ? target.substring(TARGET_PREFIX.length() + 1) : null;
            }
            case CBOR -> request.path().startsWith(CBOR_PATH) ? request.path().substring(CBOR_PATH.length()) : null;
            case QUERY -> form.containsKey("Action") ? form.get("Action").get(0) : null;
        };
        Function<JsonNode, JsonNode> handler = operation == null ? null : operations.get(operation);
        if (handler == null) {
            String served = String.join(", ", new TreeSet<>(operations.keySet()));
            String message = operation == null
                    ? "No operation named: CloudWatch expects " + switch (wire) {
                        case JSON -> "X-Amz-Target: " + TARGET_PREFIX + ".<Operation>";
                        case CBOR -> "POST " + CBOR_PATH + "<Operation>";
                        case QUERY -> "the parameter Action";
                    } + ". This local endpoint implements: " + served + "."
                    : "Unknown operation " + operation + " of CloudWatch. This local endpoint implements: " + served + ".";
            throw new AwsServiceException(400, wire == Wire.QUERY ? "InvalidAction" : "UnknownOperationException", message);
        }
        if (wire == Wire.QUERY && form.containsKey("Version") && !form.get("Version").get(0).equals("2010-08-01")) {
            throw CloudWatchErrors.invalid("The Version " + form.get("Version").get(0) + " is not served; CloudWatch's is 2010-08-01.");
        }
        JsonNode input = switch (wire) {
            case JSON -> json(request.body());
            case CBOR -> CborWire.read(request.body());
            case QUERY -> QueryWire.tree(form);
        };
        JsonNode output = handler.apply(input);
        ServiceResponse response = switch (wire) {
            case JSON -> ServiceResponse.of(200, JSON, Json.bytes(output));
            case CBOR -> ServiceResponse.of(200, CBOR, CborWire.write(output)).withHeader("Smithy-Protocol", "rpc-v2-cbor");
            case QUERY -> ServiceResponse.text(200, "text/xml", QueryWire.xml(operation, output, request.requestId()));
        };
        return CompletableFuture.completedFuture(response);
    }

    private static Map<String, java.util.List<String>> form(ServiceRequest request) {
        Map<String, java.util.List<String>> all = new LinkedHashMap<>(request.queryParameters());
        if (request.body().length > 0) {
            ServiceRequest.parseForm(new String(request.body(), StandardCharsets.UTF_8)).forEach(all::putIfAbsent);
        }
        return all;
    }

    private static JsonNode json(byte[] body) {
        if (body.length == 0) return Json.object();
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isNull() || node.isMissingNode()) return Json.object();
            if (!node.isObject()) throw new AwsServiceException(400, "SerializationException", "The request body must be a JSON object");
            return node;
        } catch (IOException e) {
            throw new AwsServiceException(400, "SerializationException", "The request body is not valid JSON: " + e.getMessage());
        }
    }

    @Override
    public boolean expected(Throwable error) { return false; }

    @Override
    public ServiceResponse error(ServiceRequest request, Throwable error) {
        AwsServiceException e = error instanceof AwsServiceException a ? a
                : new AwsServiceException(500, "InternalServiceError", "The local CloudWatch failed: " + error);
        String fault = e.isServerError() ? "Receiver" : "Sender";
        return switch (wire(request)) {
            case QUERY -> QueryProtocol.error(e, request.requestId());
            case JSON -> {
                ObjectNode body = Json.object();
                body.put("__type", CloudWatchErrors.shape(e.code()));
                body.put("message", e.getMessage());
                yield ServiceResponse.of(e.status(), JSON, Json.bytes(body))
                        .withHeader("x-amzn-ErrorType", CloudWatchErrors.shape(e.code()))
                        .withHeader("x-amzn-query-error", e.code() + ";" + fault);
            }
            case CBOR -> {
                ObjectNode body = Json.object();
                body.put("__type", "com.amazonaws.cloudwatch#" + CloudWatchErrors.shape(e.code()));
                body.put("message", e.getMessage());
                yield ServiceResponse.of(e.status(), CBOR, CborWire.write(body))
                        .withHeader("Smithy-Protocol", "rpc-v2-cbor")
                        .withHeader("x-amzn-query-error", e.code() + ";" + fault);
            }
        };
    }
}
