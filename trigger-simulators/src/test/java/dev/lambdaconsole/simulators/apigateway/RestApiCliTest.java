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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REST APIs through a real `serve`: resources, methods, AWS_PROXY integrations and a deployment built with the
 * AWS CLI v1 and v2, called with curl at the stage URL; the 1.0 event, 502 on a malformed answer, TOKEN authorizers.
 */
class RestApiCliTest {
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

    static String stageUrl(String apiId, String stage) throws Exception {
        return "http://" + apiId + ".execute-api.localhost:" + java.net.URI.create(serve.url()).getPort() + "/" + stage;
    }

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void aResourceMethodIntegrationAndDeploymentAnswerAtTheStageUrl(int major) throws Exception {
        AwsCli cli = AwsCli.version(major, files).endpoint(serve.url());
        String arn = HttpFixture.web(cli, "rest" + major);
        JsonNode api = cli.call("apigateway", "create-rest-api", "--name", "rest" + major);
        String apiId = api.get("id").asText();
        JsonNode resources = cli.call("apigateway", "get-resources", "--rest-api-id", apiId).get("items");
        assertThat(resources).hasSize(1);
        assertThat(resources.get(0).get("path").asText()).isEqualTo("/");
        String rootId = resources.get(0).get("id").asText();
        if (!cli.isV2()) assertThat(api.get("rootResourceId").asText()).isEqualTo(rootId); // v2.9's model predates it
        String items = cli.call("apigateway", "create-resource", "--rest-api-id", apiId, "--parent-id", rootId,
                "--path-part", "items").get("id").asText();
        JsonNode proxy = cli.call("apigateway", "create-resource", "--rest-api-id", apiId, "--parent-id", items,
                "--path-part", "{proxy+}");
        assertThat(proxy.get("path").asText()).isEqualTo("/items/{proxy+}");
        assertThat(cli.fails("apigateway", "create-resource", "--rest-api-id", apiId, "--parent-id", rootId,
                "--path-part", "items")).contains("ConflictException");
        for (String resource : new String[] {items, proxy.get("id").asText()}) {
            JsonNode method = cli.call("apigateway", "put-method", "--rest-api-id", apiId, "--resource-id", resource,
                    "--http-method", "ANY", "--authorization-type", "NONE");
            assertThat(method.get("httpMethod").asText()).isEqualTo("ANY");
            JsonNode integration = cli.call("apigateway", "put-integration", "--rest-api-id", apiId, "--resource-id", resource,
                    "--http-method", "ANY", "--type", "AWS_PROXY", "--integration-http-method", "POST", "--uri",
                    HttpFixture.invocationUri(arn));
            assertThat(integration.get("type").asText()).isEqualTo("AWS_PROXY");
            assertThat(integration.get("timeoutInMillis").asInt()).isEqualTo(29000);
        }
        assertThat(Curl.call(stageUrl(apiId, "prod") + "/items").status()).isEqualTo(403);
        JsonNode deployment = cli.call("apigateway", "create-deployment", "--rest-api-id", apiId, "--stage-name", "prod",
                "--variables", "color=blue");
        assertThat(deployment.get("id").asText()).isNotBlank();
        JsonNode stages = cli.call("apigateway", "get-stages", "--rest-api-id", apiId).get("item");
        assertThat(stages.get(0).get("stageName").asText()).isEqualTo("prod");
        assertThat(stages.get(0).get("deploymentId").asText()).isEqualTo(deployment.get("id").asText());

        Curl.Reply reply = Curl.call(stageUrl(apiId, "prod") + "/items/a/b?q=1&q=2", "-X", "PUT",
                "-H", "Content-Type: application/json", "--data", "{\"n\":1}", "-H", "X-Many: 1", "-H", "X-Many: 2");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("X-Custom")).isEqualTo("yes");
        assertThat(reply.headers("Set-Cookie")).containsExactly("session=abc; Path=/", "theme=dark");
        JsonNode e = reply.event();
        assertThat(e.has("version")).isFalse();
        assertThat(e.get("resource").asText()).isEqualTo("/items/{proxy+}");
        assertThat(e.get("path").asText()).isEqualTo("/items/a/b");
        assertThat(e.get("httpMethod").asText()).isEqualTo("PUT");
        assertThat(e.get("pathParameters").get("proxy").asText()).isEqualTo("a/b");
        assertThat(e.get("stageVariables").get("color").asText()).isEqualTo("blue");
        assertThat(e.get("queryStringParameters").get("q").asText()).isEqualTo("2");
        assertThat(e.get("multiValueQueryStringParameters").get("q")).extracting(JsonNode::asText).containsExactly("1", "2");
        assertThat(e.get("multiValueHeaders").get("X-Many")).extracting(JsonNode::asText).containsExactly("1", "2");
        assertThat(e.get("body").asText()).isEqualTo("{\"n\":1}");
        assertThat(e.get("isBase64Encoded").asBoolean()).isFalse();
        JsonNode rc = e.get("requestContext");
        assertThat(rc.get("resourcePath").asText()).isEqualTo("/items/{proxy+}");
        assertThat(rc.get("httpMethod").asText()).isEqualTo("PUT");
        assertThat(rc.get("path").asText()).isEqualTo("/prod/items/a/b");
        assertThat(rc.get("stage").asText()).isEqualTo("prod");
        assertThat(rc.get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(rc.get("requestId").asText()).isEqualTo(reply.header("x-amzn-RequestId"));
        assertThat(rc.get("apiId").asText()).isEqualTo(apiId);

        Curl.Reply exact = Curl.call(stageUrl(apiId, "prod") + "/items");
        assertThat(exact.event().get("resource").asText()).isEqualTo("/items");
        assertThat(exact.event().get("pathParameters").isNull()).isTrue();
        assertThat(exact.event().get("queryStringParameters").isNull()).isTrue();
        assertThat(exact.event().get("body").isNull()).isTrue();

        Curl.Reply malformed = Curl.call(stageUrl(apiId, "prod") + "/items/plain");
        assertThat(malformed.status()).isEqualTo(502);
        assertThat(malformed.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(Curl.call(stageUrl(apiId, "prod") + "/items/x/error").status()).isEqualTo(502);
        Curl.Reply missing = Curl.call(stageUrl(apiId, "prod") + "/other");
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(Curl.call(stageUrl(apiId, "dev") + "/items").status()).isEqualTo(403);

        cli.call("apigateway", "delete-rest-api", "--rest-api-id", apiId);
        assertThat(cli.fails("apigateway", "get-rest-api", "--rest-api-id", apiId)).contains("NotFoundException");
    }

    @Test
    void tokenAuthorizerAllowsDeniesAndIsCached() throws Exception {
        AwsCli cli = AwsCli.version(1, files).endpoint(serve.url());
        String arn = HttpFixture.web(cli, "restguarded");
        Path log = files.resolve("token.jsonl");
        String authArn = HttpFixture.authorizer(cli, "tokenauth", log, false);
        String apiId = cli.call("apigateway", "create-rest-api", "--name", "guarded").get("id").asText();
        String rootId = cli.call("apigateway", "get-resources", "--rest-api-id", apiId).get("items").get(0).get("id").asText();
        JsonNode authorizer = cli.call("apigateway", "create-authorizer", "--rest-api-id", apiId, "--name", "token",
                "--type", "TOKEN", "--authorizer-uri", HttpFixture.invocationUri(authArn), "--identity-source",
                "method.request.header.Authorization", "--authorizer-result-ttl-in-seconds", "300");
        assertThat(authorizer.get("authorizerResultTtlInSeconds").asInt()).isEqualTo(300);
        cli.call("apigateway", "put-method", "--rest-api-id", apiId, "--resource-id", rootId, "--http-method", "GET",
                "--authorization-type", "CUSTOM", "--authorizer-id", authorizer.get("id").asText());
        cli.call("apigateway", "put-integration", "--rest-api-id", apiId, "--resource-id", rootId, "--http-method", "GET",
                "--type", "AWS_PROXY", "--integration-http-method", "POST", "--uri", HttpFixture.invocationUri(arn));
        cli.call("apigateway", "create-deployment", "--rest-api-id", apiId, "--stage-name", "v1");
        String url = stageUrl(apiId, "v1") + "/";

        assertThat(Curl.call(url).status()).isEqualTo(401);
        Curl.Reply allowed = Curl.call(url, "-H", "Authorization: allow");
        assertThat(allowed.status()).isEqualTo(201);
        JsonNode auth = allowed.event().get("requestContext").get("authorizer");
        assertThat(auth.get("principalId").asText()).isEqualTo("alice");
        assertThat(auth.get("user").asText()).isEqualTo("alice");
        assertThat(auth.get("tier").asText()).isEqualTo("3");
        assertThat(Curl.call(url, "-H", "Authorization: allow").status()).isEqualTo(201);
        assertThat(HttpFixture.events(log)).hasSize(1);
        JsonNode event = HttpFixture.events(log).get(0);
        assertThat(event.get("type").asText()).isEqualTo("TOKEN");
        assertThat(event.get("authorizationToken").asText()).isEqualTo("allow");
        assertThat(event.get("methodArn").asText()).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:" + apiId + "/v1/GET/");
        Curl.Reply denied = Curl.call(url, "-H", "Authorization: deny");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains("User is not authorized to access this resource with an explicit deny");
        Curl.Reply unauthorized = Curl.call(url, "-H", "Authorization: raise");
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }
}
