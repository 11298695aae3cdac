package dev.lambdaconsole.simulators.functionurls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import dev.lambdaconsole.simulators.apigateway.Curl;
import dev.lambdaconsole.simulators.apigateway.HttpFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Function URLs through a real `serve`: configured with the AWS CLI v1 and v2, called with curl at the FunctionUrl
 * returned: the 2.0 event of Function URLs, cookies and headers back, CORS preflight, a streamed response, errors.
 */
class FunctionUrlCliTest {
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

    @ParameterizedTest(name = "AWS CLI v{0}")
    @ValueSource(ints = {1, 2})
    void aBufferedUrlAnswersCurlAndHandlesCors(int major) throws Exception {
        AwsCli cli = AwsCli.version(major, files).endpoint(serve.url());
        String fn = "url" + major;
        String arn = HttpFixture.web(cli, fn);
        JsonNode created = cli.lambda("create-function-url-config", "--function-name", fn, "--auth-type", "NONE",
                "--cors", "{\"AllowOrigins\":[\"https://app.example.com\"],\"AllowMethods\":[\"GET\",\"POST\"],"
                        + "\"AllowHeaders\":[\"x-token\"],\"ExposeHeaders\":[\"x-custom\"],\"MaxAge\":600}");
        String url = created.get("FunctionUrl").asText();
        assertThat(url).matches("http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:\\d+/");
        assertThat(created.get("FunctionArn").asText()).isEqualTo(arn);
        assertThat(created.get("AuthType").asText()).isEqualTo("NONE");
        assertThat(created.get("CreationTime").asText()).isNotBlank();
        assertThat(cli.fails("lambda", "create-function-url-config", "--function-name", fn, "--auth-type", "NONE"))
                .contains("ResourceConflictException");
        JsonNode got = cli.lambda("get-function-url-config", "--function-name", fn);
        assertThat(got.get("FunctionUrl").asText()).isEqualTo(url);
        assertThat(got.get("LastModifiedTime").asText()).isNotBlank();
        assertThat(cli.lambda("list-function-url-configs", "--function-name", fn).get("FunctionUrlConfigs")).hasSize(1);

        Curl.Reply reply = Curl.call(url + "some/path?a=1&a=2", "-X", "POST", "-H", "Content-Type: text/plain",
                "--data", "hello", "-H", "Cookie: c=3", "-H", "Origin: https://app.example.com");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("X-Custom")).isEqualTo("yes");
        assertThat(reply.headers("Set-Cookie")).containsExactly("session=abc; Path=/", "theme=dark");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(reply.header("Access-Control-Expose-Headers")).isEqualTo("x-custom");
        JsonNode e = reply.event();
        String urlId = url.substring(7, 39);
        assertThat(e.get("version").asText()).isEqualTo("2.0");
        assertThat(e.get("routeKey").asText()).isEqualTo("$default");
        assertThat(e.get("rawPath").asText()).isEqualTo("/some/path");
        assertThat(e.get("rawQueryString").asText()).isEqualTo("a=1&a=2");
        assertThat(e.get("queryStringParameters").get("a").asText()).isEqualTo("1,2");
        assertThat(e.get("cookies").get(0).asText()).isEqualTo("c=3");
        assertThat(e.get("body").asText()).isEqualTo("hello");
        assertThat(e.get("pathParameters").isNull()).isTrue();
        assertThat(e.get("stageVariables").isNull()).isTrue();
        JsonNode rc = e.get("requestContext");
        assertThat(rc.get("accountId").asText()).isEqualTo("anonymous");
        assertThat(rc.get("apiId").asText()).isEqualTo(urlId);
        assertThat(rc.get("domainName").asText()).isEqualTo(urlId + ".lambda-url.us-east-1.localhost");
        assertThat(rc.get("domainPrefix").asText()).isEqualTo(urlId);
        assertThat(rc.get("routeKey").asText()).isEqualTo("$default");
        assertThat(rc.get("stage").asText()).isEqualTo("$default");
        assertThat(rc.get("http").get("method").asText()).isEqualTo("POST");
        assertThat(rc.get("authorizer").isNull()).isTrue();

        Curl.Reply preflight = Curl.call(url + "x", "-X", "OPTIONS", "-H", "Origin: https://app.example.com",
                "-H", "Access-Control-Request-Method: POST");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET,POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("x-token");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");

        Curl.Reply failed = Curl.call(url + "error");
        assertThat(failed.status()).isEqualTo(502);
        assertThat(Curl.call(url + "plain").body()).isEqualTo("hello");
        assertThat(Curl.call(serve.url() + "/_aws/lambda-url/" + urlId + "/via/path").event().get("rawPath").asText())
                .isEqualTo("/via/path");

        cli.lambda("update-function-url-config", "--function-name", fn, "--auth-type", "AWS_IAM");
        assertThat(Curl.call(url).status()).isEqualTo(403);
        cli.lambda("delete-function-url-config", "--function-name", fn);
        assertThat(cli.fails("lambda", "get-function-url-config", "--function-name", fn)).contains("ResourceNotFoundException");
        Curl.Reply gone = Curl.call(url);
        assertThat(gone.status()).isEqualTo(403);
        assertThat(gone.body()).isEqualTo("{\"Message\":null}");
    }

    @Test
    void aResponseStreamUrlStreamsTheFunctionsStatusHeadersCookiesAndBody() throws Exception {
        AwsCli cli = AwsCli.version(1, files).endpoint(serve.url());
        cli.create("streamer", "provided.al2023", "bootstrap", HttpFixture.STREAM);
        JsonNode created = cli.lambda("create-function-url-config", "--function-name", "streamer", "--auth-type", "NONE",
                "--invoke-mode", "RESPONSE_STREAM");
        assertThat(created.get("InvokeMode").asText()).isEqualTo("RESPONSE_STREAM");
        Curl.Reply reply = Curl.call(created.get("FunctionUrl").asText());
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        assertThat(reply.header("X-Streamed")).isEqualTo("yes");
        assertThat(reply.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(reply.headers("Set-Cookie")).containsExactly("s=1", "t=2");
        assertThat(reply.body()).isEqualTo("first chunk\nsecond chunk\n");
        assertThat(cli.fails("lambda", "create-function-url-config", "--function-name", "nosuch", "--auth-type", "NONE"))
                .contains("ResourceNotFoundException");
    }
}
