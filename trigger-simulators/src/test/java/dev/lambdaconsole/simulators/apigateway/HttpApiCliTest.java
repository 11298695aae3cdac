package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP APIs through a real `serve`, built with the AWS CLI v1 and v2 and called with curl at the ApiEndpoint the
 * API returns: quick create, payload 2.0 and 1.0 events, {proxy+} routes, 404, 500 on a malformed answer or a
 * function error, 504 after the integration timeout, CORS preflights and Lambda authorizers with caching.
 */
class HttpApiCliTest {
    @TempDir static Path workspace;
    @TempDir static Path files;
    static ServeProcess serve;

    @BeforeAll
    static void start() throws Exception {
        serve = new ServeProcess(workspace);
        serve.url();
    }

    @AfterAll
    static void stop() {
        if (serve != null) serve.close();
    }

    static AwsCli cli(int major) throws Exception {
        return AwsCli.version(major, files).endpoint(serve.url());
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void quickCreateAnswersCurlWithTheFunctionsStatusHeadersCookiesAndBody(int major) throws Exception {
        AwsCli cli = cli(major);
        String arn = HttpFixture.web(cli, "quick" + major);
        JsonNode api = cli.call("apigatewayv2", "create-api", "--name", "quick" + major, "--protocol-type", "HTTP",
                "--target", arn);
        String apiId = api.get("ApiId").asText();
        String endpoint = api.get("ApiEndpoint").asText();
        assertThat(endpoint).matches("http://[a-z0-9]{10}\\.execute-api\\.localhost:\\d+").contains(apiId);
        assertThat(api.get("ProtocolType").asText()).isEqualTo("HTTP");
        assertThat(api.get("RouteSelectionExpression").asText()).isEqualTo("$request.method $request.path");

        JsonNode routes = cli.call("apigatewayv2", "get-routes", "--api-id", apiId).get("Items");
        assertThat(routes).hasSize(1);
        assertThat(routes.get(0).get("RouteKey").asText()).isEqualTo("$default");
        JsonNode integrations = cli.call("apigatewayv2", "get-integrations", "--api-id", apiId).get("Items");
        assertThat(integrations.get(0).get("IntegrationType").asText()).isEqualTo("AWS_PROXY");
        assertThat(integrations.get(0).get("PayloadFormatVersion").asText()).isEqualTo("2.0");
        assertThat(integrations.get(0).get("IntegrationUri").asText()).isEqualTo(arn);
        assertThat(routes.get(0).get("Target").asText()).isEqualTo("integrations/" + integrations.get(0).get("IntegrationId").asText());
        JsonNode stages = cli.call("apigatewayv2", "get-stages", "--api-id", apiId).get("Items");
        assertThat(stages.get(0).get("StageName").asText()).isEqualTo("$default");
        assertThat(stages.get(0).get("AutoDeploy").asBoolean()).isTrue();

        Curl.Reply reply = Curl.call(endpoint + "/items/42?color=red&color=blue&size=L",
                "-H", "Cookie: a=1; b=2", "-H", "X-Trace: one", "-H", "X-Trace: two", "-H", "User-Agent: curl-test");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("X-Custom")).isEqualTo("yes");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.headers("Set-Cookie")).containsExactly("session=abc; Path=/", "theme=dark");
        assertThat(reply.header("apigw-requestid")).isNotBlank();
        JsonNode e = reply.event();
        assertThat(e.get("version").asText()).isEqualTo("2.0");
        assertThat(e.get("routeKey").asText()).isEqualTo("$default");
        assertThat(e.get("rawPath").asText()).isEqualTo("/items/42");
        assertThat(e.get("rawQueryString").asText()).isEqualTo("color=red&color=blue&size=L");
        assertThat(e.get("cookies")).extracting(JsonNode::asText).containsExactly("a=1", "b=2");
        assertThat(e.get("headers").has("cookie")).isFalse();
        assertThat(e.get("headers").get("x-trace").asText()).isEqualTo("one,two");
        assertThat(e.get("headers").get("user-agent").asText()).isEqualTo("curl-test");
        assertThat(e.get("queryStringParameters").get("color").asText()).isEqualTo("red,blue");
        assertThat(e.get("queryStringParameters").get("size").asText()).isEqualTo("L");
        assertThat(e.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(e.has("body")).isFalse();
        JsonNode rc = e.get("requestContext");
        assertThat(rc.get("accountId").asText()).isEqualTo("000000000000");
        assertThat(rc.get("apiId").asText()).isEqualTo(apiId);
        assertThat(rc.get("domainName").asText()).isEqualTo(apiId + ".execute-api.localhost");
        assertThat(rc.get("domainPrefix").asText()).isEqualTo(apiId);
        assertThat(rc.get("http").get("method").asText()).isEqualTo("GET");
        assertThat(rc.get("http").get("path").asText()).isEqualTo("/items/42");
        assertThat(rc.get("http").get("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(rc.get("http").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(rc.get("http").get("userAgent").asText()).isEqualTo("curl-test");
        assertThat(rc.get("requestId").asText()).isEqualTo(reply.header("apigw-requestid"));
        assertThat(rc.get("routeKey").asText()).isEqualTo("$default");
        assertThat(rc.get("stage").asText()).isEqualTo("$default");
        assertThat(rc.get("time").asText()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(rc.get("timeEpoch").asLong()).isPositive();

        Curl.Reply posted = Curl.call(endpoint + "/upload", "-X", "POST", "-H", "Content-Type: application/octet-stream",
                "--data-binary", "\u0001\u0002binary");
        assertThat(posted.event().get("isBase64Encoded").asBoolean()).isTrue();
        Curl.Reply text = Curl.call(endpoint + "/upload", "-X", "POST", "-H", "Content-Type: application/json",
                "--data", "{\"x\":1}");
        assertThat(text.event().get("body").asText()).isEqualTo("{\"x\":1}");
        assertThat(text.event().get("isBase64Encoded").asBoolean()).isFalse();

        Curl.Reply plain = Curl.call(endpoint + "/plain");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo("hello");
        assertThat(plain.header("Content-Type")).startsWith("application/json");
        Curl.Reply object = Curl.call(endpoint + "/object");
        assertThat(object.status()).isEqualTo(200);
        assertThat(object.json().get("just").asText()).isEqualTo("an object");

        Curl.Reply pathStyle = Curl.call(serve.url() + "/_aws/execute-api/" + apiId + "/items/7");
        assertThat(pathStyle.status()).isEqualTo(201);
        assertThat(pathStyle.event().get("rawPath").asText()).isEqualTo("/items/7");
    }

    @Test
    void routesPayloadOneAndProxyPathsNotFoundErrorsAndTimeouts() throws Exception {
        AwsCli cli = cli(1);
        String arn = HttpFixture.web(cli, "routes");
        JsonNode api = cli.call("apigatewayv2", "create-api", "--name", "routes", "--protocol-type", "HTTP");
        String apiId = api.get("ApiId").asText();
        String v2 = cli.call("apigatewayv2", "create-integration", "--api-id", apiId, "--integration-type", "AWS_PROXY",
                "--integration-uri", arn, "--payload-format-version", "2.0").get("IntegrationId").asText();
        String v1 = cli.call("apigatewayv2", "create-integration", "--api-id", apiId, "--integration-type", "AWS_PROXY",
                "--integration-uri", arn, "--payload-format-version", "1.0").get("IntegrationId").asText();
        String shortTimeout = cli.call("apigatewayv2", "create-integration", "--api-id", apiId, "--integration-type",
                "AWS_PROXY", "--integration-uri", arn, "--payload-format-version", "2.0", "--timeout-in-millis", "1000")
                .get("IntegrationId").asText();
        cli.call("apigatewayv2", "create-route", "--api-id", apiId, "--route-key", "GET /items/{id}", "--target", "integrations/" + v2);
        cli.call("apigatewayv2", "create-route", "--api-id", apiId, "--route-key", "ANY /v1/{proxy+}", "--target", "integrations/" + v1);
        cli.call("apigatewayv2", "create-route", "--api-id", apiId, "--route-key", "GET /slow/sleep", "--target", "integrations/" + shortTimeout);
        cli.call("apigatewayv2", "create-route", "--api-id", apiId, "--route-key", "ANY /{proxy+}", "--target", "integrations/" + v2);
        assertThat(cli.fails("apigatewayv2", "create-route", "--api-id", apiId, "--route-key", "GET /items/{id}",
                "--target", "integrations/" + v2)).contains("ConflictException").contains("GET /items/{id}");
        assertThat(cli.fails("apigatewayv2", "create-integration", "--api-id", apiId, "--integration-type", "AWS_PROXY",
                "--integration-uri", arn, "--payload-format-version", "2.0", "--timeout-in-millis", "40000"))
                .contains("BadRequestException").contains("timeoutInMillis");
        assertThat(cli.fails("apigatewayv2", "get-api", "--api-id", "nope")).contains("NotFoundException")
                .contains("Invalid API identifier specified 000000000000:nope");
        cli.call("apigatewayv2", "create-stage", "--api-id", apiId, "--stage-name", "prod", "--stage-variables", "color=green");
        String endpoint = api.get("ApiEndpoint").asText();

        Curl.Reply byId = Curl.call(endpoint + "/prod/items/abc%20d");
        assertThat(byId.status()).isEqualTo(201);
        JsonNode e = byId.event();
        assertThat(e.get("routeKey").asText()).isEqualTo("GET /items/{id}");
        assertThat(e.get("pathParameters").get("id").asText()).isEqualTo("abc d");
        assertThat(e.get("stageVariables").get("color").asText()).isEqualTo("green");
        assertThat(e.get("requestContext").get("stage").asText()).isEqualTo("prod");
        assertThat(e.get("rawPath").asText()).isEqualTo("/prod/items/abc%20d");

        Curl.Reply one = Curl.call(endpoint + "/prod/v1/a/b/c?x=1&x=2", "-X", "POST", "-H", "Content-Type: text/plain",
                "-H", "X-Multi: one", "-H", "X-Multi: two", "--data", "hi there");
        assertThat(one.status()).isEqualTo(201);
        assertThat(one.headers("Set-Cookie")).containsExactly("session=abc; Path=/", "theme=dark");
        JsonNode v1Event = one.event();
        assertThat(v1Event.get("version").asText()).isEqualTo("1.0");
        assertThat(v1Event.get("resource").asText()).isEqualTo("/v1/{proxy+}");
        assertThat(v1Event.get("httpMethod").asText()).isEqualTo("POST");
        assertThat(v1Event.get("pathParameters").get("proxy").asText()).isEqualTo("a/b/c");
        assertThat(v1Event.get("queryStringParameters").get("x").asText()).isEqualTo("2");
        assertThat(v1Event.get("multiValueQueryStringParameters").get("x")).extracting(JsonNode::asText).containsExactly("1", "2");
        assertThat(v1Event.get("multiValueHeaders").get("X-Multi")).extracting(JsonNode::asText).containsExactly("one", "two");
        assertThat(v1Event.get("headers").get("X-Multi").asText()).isEqualTo("two");
        assertThat(v1Event.get("body").asText()).isEqualTo("hi there");
        assertThat(v1Event.get("requestContext").get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(v1Event.get("requestContext").get("stage").asText()).isEqualTo("prod");

        Curl.Reply greedy = Curl.call(endpoint + "/prod/anything/else");
        assertThat(greedy.event().get("routeKey").asText()).isEqualTo("ANY /{proxy+}");
        assertThat(greedy.event().get("pathParameters").get("proxy").asText()).isEqualTo("anything/else");

        assertThat(Curl.call(endpoint + "/nostage/items/1").status()).isEqualTo(404);
        Curl.Reply notFound = Curl.call(endpoint + "/prod");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(Curl.call("http://nosuchapi0.execute-api.localhost:" + port() + "/x").status()).isEqualTo(404);

        Curl.Reply malformed = Curl.call(endpoint + "/prod/x/malformed");
        assertThat(malformed.status()).isEqualTo(500);
        assertThat(malformed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        Curl.Reply failed = Curl.call(endpoint + "/prod/x/error");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        Curl.Reply malformedV1 = Curl.call(endpoint + "/prod/v1/plain");
        assertThat(malformedV1.status()).isEqualTo(500);

        long start = System.nanoTime();
        Curl.Reply slow = Curl.call(endpoint + "/prod/slow/sleep");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.body()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
        assertThat(ms).isBetween(900L, 2900L);
    }

    @Test
    void corsPreflightIsAnsweredByTheApi() throws Exception {
        AwsCli cli = cli(2);
        String arn = HttpFixture.web(cli, "cors");
        JsonNode api = cli.call("apigatewayv2", "create-api", "--name", "cors", "--protocol-type", "HTTP", "--target", arn,
                "--cors-configuration", "{\"AllowOrigins\":[\"https://app.example.com\"],\"AllowMethods\":[\"GET\",\"POST\"],"
                        + "\"AllowHeaders\":[\"content-type\"],\"ExposeHeaders\":[\"x-custom\"],\"MaxAge\":300,"
                        + "\"AllowCredentials\":true}");
        assertThat(api.get("CorsConfiguration").get("AllowOrigins")).extracting(JsonNode::asText)
                .containsExactly("https://app.example.com");
        String endpoint = api.get("ApiEndpoint").asText();
        Curl.Reply preflight = Curl.call(endpoint + "/items", "-X", "OPTIONS", "-H", "Origin: https://app.example.com",
                "-H", "Access-Control-Request-Method: POST");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET,POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("content-type");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("300");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        Curl.Reply get = Curl.call(endpoint + "/items", "-H", "Origin: https://app.example.com");
        assertThat(get.status()).isEqualTo(201);
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(get.header("Access-Control-Expose-Headers")).isEqualTo("x-custom");
        Curl.Reply other = Curl.call(endpoint + "/items", "-H", "Origin: https://evil.example.com");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void requestAuthorizerAllowsDeniesAndIsCachedByIdentity() throws Exception {
        AwsCli cli = cli(1);
        String arn = HttpFixture.web(cli, "guarded");
        Path log = files.resolve("authorizer.jsonl");
        String authArn = HttpFixture.authorizer(cli, "authz", log, true);
        JsonNode api = cli.call("apigatewayv2", "create-api", "--name", "guarded", "--protocol-type", "HTTP", "--target", arn);
        String apiId = api.get("ApiId").asText();
        String authorizerId = cli.call("apigatewayv2", "create-authorizer", "--api-id", apiId, "--name", "authz",
                "--authorizer-type", "REQUEST", "--authorizer-uri", HttpFixture.invocationUri(authArn),
                "--identity-source", "$request.header.Authorization", "--authorizer-payload-format-version", "2.0",
                "--enable-simple-responses", "--authorizer-result-ttl-in-seconds", "300").get("AuthorizerId").asText();
        String routeId = cli.call("apigatewayv2", "get-routes", "--api-id", apiId).get("Items").get(0).get("RouteId").asText();
        cli.call("apigatewayv2", "update-route", "--api-id", apiId, "--route-id", routeId, "--authorization-type",
                "CUSTOM", "--authorizer-id", authorizerId);
        String endpoint = api.get("ApiEndpoint").asText();

        Curl.Reply missing = Curl.call(endpoint + "/me");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(HttpFixture.events(log)).isEmpty();

        Curl.Reply first = Curl.call(endpoint + "/me", "-H", "Authorization: allow");
        Curl.Reply second = Curl.call(endpoint + "/me/again", "-H", "Authorization: allow");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(first.event().get("requestContext").get("authorizer").get("lambda").get("user").asText()).isEqualTo("alice");
        assertThat(second.event().get("requestContext").get("authorizer").get("lambda").get("tier").asInt()).isEqualTo(3);
        List<JsonNode> events = HttpFixture.events(log);
        assertThat(events).hasSize(1);
        JsonNode authEvent = events.get(0);
        assertThat(authEvent.get("version").asText()).isEqualTo("2.0");
        assertThat(authEvent.get("type").asText()).isEqualTo("REQUEST");
        assertThat(authEvent.get("identitySource")).extracting(JsonNode::asText).containsExactly("allow");
        assertThat(authEvent.get("routeArn").asText()).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:" + apiId
                + "/$default/GET/me");

        Curl.Reply denied = Curl.call(endpoint + "/me", "-H", "Authorization: nope");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        Curl.Reply deniedAgain = Curl.call(endpoint + "/me", "-H", "Authorization: nope");
        assertThat(deniedAgain.status()).isEqualTo(403);
        assertThat(HttpFixture.events(log)).hasSize(2);
    }

    static int port() throws Exception {
        return java.net.URI.create(serve.url()).getPort();
    }
}
