package dev.lambdaconsole.simulators.apigateway;

import java.net.URI;
import java.util.function.Supplier;

/**
 * The local addresses of APIs and Function URLs. AWS serves {@code https://{id}.execute-api.{region}.amazonaws.com};
 * here {@code http://{id}.execute-api.localhost:{port}} (browsers and curl resolve every {@code *.localhost} name to
 * the loopback address), and for clients that do not, the path-style form
 * {@code http://127.0.0.1:{port}/_aws/execute-api/{id}/…}.
 */
public final class ApiUrls {
    public static final String EXECUTE_API_PATH = "/_aws/execute-api/";
    public static final String LAMBDA_URL_PATH = "/_aws/lambda-url/";
    private final Supplier<String> endpointUrl;
    private final String region;

    public ApiUrls(Supplier<String> endpointUrl, String region) {
        this.endpointUrl = endpointUrl;
        this.region = region;
    }

    private int port() {
        String url = endpointUrl.get();
        if (url == null) return 80;
        int port = URI.create(url).getPort();
        return port < 0 ? 80 : port;
    }

    /** An HTTP API's ApiEndpoint, or the base of a REST API's stage URLs ({@code …/{stage}}). */
    public String apiEndpoint(String apiId) {
        return "http://" + apiId + ".execute-api.localhost:" + port();
    }

    public String apiPathStyle(String apiId) {
        return "http://127.0.0.1:" + port() + EXECUTE_API_PATH + apiId;
    }

    /** A Function URL (with its trailing slash), as AWS's {@code https://{id}.lambda-url.{region}.on.aws/}. */
    public String functionUrl(String urlId) {
        return "http://" + urlId + ".lambda-url." + region + ".localhost:" + port() + "/";
    }

    public String functionUrlPathStyle(String urlId) {
        return "http://127.0.0.1:" + port() + LAMBDA_URL_PATH + urlId + "/";
    }
}
