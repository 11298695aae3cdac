package dev.lambdaconsole.runtime.gateway;

import dev.lambdaconsole.runtime.gateway.protocol.AwsJsonEndpoint;
import dev.lambdaconsole.runtime.gateway.protocol.CborProtocol;
import dev.lambdaconsole.runtime.gateway.protocol.QueryProtocol;
import dev.lambdaconsole.runtime.gateway.protocol.RestXmlProtocol;

import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * The answer to a request for a service this endpoint does not serve, in the error shape of the protocol the
 * client spoke (so the AWS CLI prints a clear message instead of a parse error), naming the services it does.
 */
public final class UnknownService {
    private UnknownService() { }

    public static ServiceResponse reply(ServiceRequest request, ServiceRegistry registry) {
        String served = registry.endpoints().stream().map(ServiceEndpoint::name).sorted(Comparator.naturalOrder())
                .collect(Collectors.joining(", "));
        String which = describe(request);
        String message = "This local endpoint does not serve " + which + ". It serves: " + served
                + ". Signatures are not checked; the service is told from the request's SigV4 credential scope,"
                + " X-Amz-Target or path.";
        String contentType = request.contentType();
        if (contentType.equals("application/cbor") || request.header("Smithy-Protocol") != null) {
            return CborProtocol.error(new AwsServiceException(400, "UnknownOperationException", message));
        }
        if (request.target() != null || contentType.startsWith("application/x-amz-json")) {
            String json = contentType.startsWith("application/x-amz-json") ? contentType : "application/x-amz-json-1.1";
            return AwsJsonEndpoint.errorResponse(json, new AwsServiceException(400, "UnknownOperationException", message));
        }
        if (contentType.equals("application/x-www-form-urlencoded") || request.query("Action") != null) {
            return QueryProtocol.error(new AwsServiceException(400, "InvalidAction", message), request.requestId());
        }
        if (request.path().matches("^/20\\d\\d-\\d\\d-\\d\\d/.*")) {
            return AwsJsonEndpoint.errorResponse("application/json",
                    new AwsServiceException(404, "UnknownOperationException", message));
        }
        return RestXmlProtocol.error(new AwsServiceException(501, "NotImplemented", message), request.requestId());
    }

    private static String describe(ServiceRequest request) {
        String signing = request.signingService();
        String target = request.target();
        StringBuilder s = new StringBuilder();
        if (signing != null) s.append("the '").append(signing).append("' service");
        else s.append("this request");
        if (target != null) s.append(" (X-Amz-Target ").append(target).append(")");
        s.append(" (").append(request.method()).append(' ').append(request.path()).append(')');
        return s.toString();
    }
}
