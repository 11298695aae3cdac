package dev.lambdaconsole.app.services.apis;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where to send a request for a local API or Function URL. Browsers and curl resolve {@code *.localhost} to the
 * loopback address; Java's resolver does not, and HttpClient refuses a Host header of one's own. So a request to
 * {@code http://{id}.execute-api.localhost:PORT/p} goes to the gateway's path-style form
 * {@code http://127.0.0.1:PORT/_aws/execute-api/{id}/p} (and a Function URL's to {@code /_aws/lambda-url/{id}/p}),
 * which the gateway routes to the same API.
 */
final class LocalUrls {
    private static final Pattern API = Pattern.compile("([a-z0-9]+)\\.execute-api\\.localhost");
    private static final Pattern FUNCTION_URL = Pattern.compile("([a-z0-9]+)\\.lambda-url\\.[a-z0-9-]+\\.localhost");

    private LocalUrls() { }

    /** The URL to send to; {@code url} itself when its host resolves as it is. */
    static String sendable(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        String prefix;
        Matcher m;
        if ((m = API.matcher(host)).matches()) prefix = "/_aws/execute-api/" + m.group(1);
        else if ((m = FUNCTION_URL.matcher(host)).matches()) prefix = "/_aws/lambda-url/" + m.group(1);
        else if (host.endsWith(".localhost")) prefix = "";
        else return url;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getScheme() + "://127.0.0.1" + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + prefix + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
