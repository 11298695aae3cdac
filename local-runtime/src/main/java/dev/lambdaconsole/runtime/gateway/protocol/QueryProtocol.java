package dev.lambdaconsole.runtime.gateway.protocol;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;

/** The AWS Query protocol's error (form-encoded requests, XML replies), as SNS, and SQS and CloudWatch of old, use. */
public final class QueryProtocol {
    private QueryProtocol() { }

    public static ServiceResponse error(AwsServiceException e, String requestId) {
        String xml = "<?xml version=\"1.0\"?>\n<ErrorResponse><Error><Type>" + (e.isServerError() ? "Receiver" : "Sender")
                + "</Type><Code>" + Xml.escape(e.code()) + "</Code><Message>" + Xml.escape(e.getMessage())
                + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>\n";
        return ServiceResponse.text(e.status(), "text/xml", xml)
                .withHeader("x-amzn-query-error", e.code() + ";" + (e.isServerError() ? "Receiver" : "Sender"));
    }
}
