package dev.lambdaconsole.simulators.apigateway;

import java.util.List;

/**
 * An API of the local API Gateway as the console lists it: its kind, stages and routes, and where it is served.
 *
 * @param kind          "HTTP" (API Gateway v2) or "REST"
 * @param endpoint      {@code http://{id}.execute-api.localhost:{port}}, as a browser or curl reaches it
 * @param pathStyleBase {@code http://127.0.0.1:{port}/_aws/execute-api/{id}}, for clients that cannot resolve *.localhost
 * @param stages        stage names ({@code $default} for an HTTP API's default stage)
 * @param routes        HTTP API route keys or REST API methods as "METHOD /path" ({@code $default}: any route)
 */
public record LocalApi(String id, String name, String kind, String endpoint, String pathStyleBase, List<String> stages,
                       List<String> routes) {
    public LocalApi {
        stages = List.copyOf(stages);
        routes = List.copyOf(routes);
    }

    /**
     * The URL of a route on a stage (a browser's form, or the path-style one): {@code $default} serves at the root,
     * other stages under their name; path variables stay as written ({@code {id}}).
     */
    public String invokeUrl(String stage, String route, boolean pathStyle) {
        String base = pathStyle ? pathStyleBase : endpoint;
        String prefix = stage.equals("$default") ? "" : "/" + stage;
        int space = route.indexOf(' ');
        String path = space < 0 ? "/" : route.substring(space + 1);
        return base + prefix + path;
    }
}
