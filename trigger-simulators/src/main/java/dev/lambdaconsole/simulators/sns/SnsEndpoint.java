package dev.lambdaconsole.simulators.sns;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.gateway.protocol.QueryProtocol;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * SNS on the shared endpoint in the AWS Query protocol, which every client speaks to SNS (both AWS CLIs and the SDK
 * v2): {@code POST /} with a form ({@code Action=Publish&Version=2010-03-31&…}), XML replies, errors in the Query
 * shape ({@code <ErrorResponse><Error><Type/><Code/><Message/>}).
 */
public final class SnsEndpoint implements ServiceEndpoint {
    static final Set<String> ACTIONS = Set.of("CreateTopic", "DeleteTopic", "ListTopics", "GetTopicAttributes",
            "SetTopicAttributes", "Subscribe", "Unsubscribe", "ListSubscriptions", "ListSubscriptionsByTopic",
            "GetSubscriptionAttributes", "SetSubscriptionAttributes", "Publish", "PublishBatch", "TagResource",
            "UntagResource", "ListTagsForResource");

    private final SnsService service;

    SnsEndpoint(SnsService service) { this.service = service; }

    @Override public String name() { return "sns"; }

    @Override public Set<String> signingNames() { return Set.of("sns"); }

    /** An unsigned form to {@code /} whose Action is one of SNS's. */
    @Override
    public boolean claimsPath(ServiceRequest request) {
        if (!request.path().equals("/")) return false;
        String action = request.query("Action");
        if (action == null && request.contentType().equals("application/x-www-form-urlencoded")) {
            List<String> values = ServiceRequest.parseForm(request.bodyText()).get("Action");
            action = values == null || values.isEmpty() ? null : values.get(0);
        }
        return action != null && ACTIONS.contains(action);
    }

    @Override
    public CompletionStage<ServiceResponse> handle(ServiceRequest request) {
        QueryArgs args = QueryArgs.of(request);
        String action = args.get("Action");
        if (action == null) {
            throw new AwsServiceException(400, "MissingAction", "Missing Action parameter (SNS speaks the Query "
                    + "protocol: a form with Action=<Operation>&Version=2010-03-31)");
        }
        String xml = service.call(action, args, request.requestId());
        return CompletableFuture.completedFuture(ServiceResponse.text(200, "text/xml", xml));
    }

    @Override
    public boolean expected(Throwable error) { return error instanceof AwsServiceException; }

    @Override
    public ServiceResponse error(ServiceRequest request, Throwable error) {
        AwsServiceException e = error instanceof AwsServiceException a ? a
                : new AwsServiceException(500, "InternalError", "The local SNS failed: " + error);
        return QueryProtocol.error(e, request.requestId());
    }
}
