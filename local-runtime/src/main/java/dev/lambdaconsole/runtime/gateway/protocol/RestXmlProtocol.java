package dev.lambdaconsole.runtime.gateway.protocol;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;

/** The REST-XML protocol's error (S3): {@code <Error><Code/><Message/><RequestId/></Error>}. */
public final class RestXmlProtocol {
    private RestXmlProtocol() { }

    public static ServiceResponse error(AwsServiceException e, String requestId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + Xml.escape(e.code())
                + "</Code><Message>" + Xml.escape(e.getMessage()) + "</Message><RequestId>" + requestId
                + "</RequestId></Error>\n";
        return ServiceResponse.text(e.status(), "application/xml", xml);
    }
}
