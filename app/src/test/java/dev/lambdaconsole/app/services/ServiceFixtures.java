package dev.lambdaconsole.app.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the Services tests set up through the services, as the AWS CLI would. */
public final class ServiceFixtures {
    /** An HTTP backend: answers 200 with JSON naming the method, path and body it got. */
    public static final String WEB = """
            import json
            def handler(event, context):
                http = event.get("requestContext", {}).get("http", {})
                return {"statusCode": 200, "headers": {"content-type": "application/json", "x-served-by": "web"},
                        "body": json.dumps({"method": http.get("method"), "path": event.get("rawPath"),
                                            "body": event.get("body")})}
            """;
    /** Returns its event. */
    public static final String ECHO = "def handler(event, context):\n    return event\n";

    private ServiceFixtures() { }

    public static String function(TestConsole console, String name, String code) {
        console.runtime.workspace().create(FunctionConfig.builder(name).runtime("python3.12").handler("app.handler")
                .timeout(10).build(), CodeSource.files(Map.of("app.py", code)));
        return console.services.engine().settings().functionArn(name);
    }

    public static EventBridgeService events(TestConsole console) {
        return console.simulators.eventBridge().orElseThrow();
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A rule with a pattern or a schedule on a bus, with one target. */
    public static String rule(TestConsole console, String bus, String name, String field, String value, String targetArn) {
        EventBridgeService s = events(console);
        String arn = s.call("PutRule", Json.object().put("Name", name).put("EventBusName", bus).put(field, value))
                .get("RuleArn").asText();
        if (targetArn != null) {
            s.call("PutTargets", json("{\"Rule\":\"" + name + "\",\"EventBusName\":\"" + bus
                    + "\",\"Targets\":[{\"Id\":\"t1\",\"Arn\":\"" + targetArn + "\"}]}"));
        }
        return arn;
    }

    /** A control-plane call of API Gateway or Function URLs, in process. */
    public static JsonNode control(ServiceEndpoint endpoint, String method, String path, String body) throws Exception {
        ServiceResponse r = endpoint.handle(new ServiceRequest(method, path, null, Map.of(),
                body.getBytes(StandardCharsets.UTF_8), "test")).toCompletableFuture().get();
        if (r.status() >= 300) throw new IllegalStateException(r.status() + " " + new String(r.body(), StandardCharsets.UTF_8));
        return r.body().length == 0 ? Json.object() : Json.MAPPER.readTree(r.body());
    }

    /** An HTTP API with one route to the function (quick create: $default stage); returns its id. */
    public static String httpApi(TestConsole console, String name, String functionArn, String routeKey) throws Exception {
        return control(console.simulators.apiGateway().endpoints().get(1), "POST", "/v2/apis",
                "{\"name\":\"" + name + "\",\"protocolType\":\"HTTP\",\"target\":\"" + functionArn
                        + "\",\"routeKey\":\"" + routeKey + "\"}").get("apiId").asText();
    }
}
