package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.LocalRuntime;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.simulators.SimulatorServices;
import dev.lambdaconsole.simulators.functionurls.LocalFunctionUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's list of APIs (stages, routes, URLs) and Function URLs, as the control planes made them. */
class LocalApisTest {
    @TempDir Path workspace;

    static JsonNode call(ServiceEndpoint endpoint, String method, String path, String body) throws Exception {
        ServiceResponse r = endpoint.handle(new ServiceRequest(method, path, null, Map.of(),
                body.getBytes(StandardCharsets.UTF_8), "t")).toCompletableFuture().get();
        assertThat(r.status()).as(new String(r.body(), StandardCharsets.UTF_8)).isLessThan(300);
        return r.body().length == 0 ? Json.object() : Json.MAPPER.readTree(r.body());
    }

    @Test
    void httpAndRestApisWithTheirStagesRoutesAndUrlsAndTheFunctionUrls() throws Exception {
        SimulatorServices simulators = new SimulatorServices();
        try (LocalRuntime runtime = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(workspace)
                .withBackend("process").withPort(0).withServices(List.of(simulators)))) {
            runtime.workspace().create(FunctionConfig.builder("web").runtime("python3.12").handler("app.handler").build(),
                    CodeSource.files(Map.of("app.py", "def handler(e, c):\n    return {}\n")));
            int port = java.net.URI.create(runtime.endpoint().url()).getPort();
            ServiceEndpoint control = simulators.apiGateway().endpoints().get(1);
            String arn = "arn:aws:lambda:us-east-1:123456789012:function:web";
            String http = call(control, "POST", "/v2/apis", "{\"name\":\"shop\",\"protocolType\":\"HTTP\",\"target\":\""
                    + arn + "\",\"routeKey\":\"GET /items/{id}\"}").get("apiId").asText();
            call(control, "POST", "/v2/apis/" + http + "/stages", "{\"stageName\":\"prod\"}");
            JsonNode rest = call(control, "POST", "/restapis", "{\"name\":\"legacy\"}");
            String restId = rest.get("id").asText();
            String child = call(control, "POST", "/restapis/" + restId + "/resources/" + rest.get("rootResourceId").asText(),
                    "{\"pathPart\":\"orders\"}").get("id").asText();
            call(control, "PUT", "/restapis/" + restId + "/resources/" + child + "/methods/POST", "{\"authorizationType\":\"NONE\"}");

            List<LocalApi> apis = simulators.apiGateway().apis();
            assertThat(apis).extracting(LocalApi::name).containsExactly("shop", "legacy");
            LocalApi shop = apis.get(0);
            assertThat(shop.kind()).isEqualTo("HTTP");
            assertThat(shop.stages()).containsExactly("$default", "prod");
            assertThat(shop.routes()).containsExactly("GET /items/{id}");
            assertThat(shop.invokeUrl("$default", "GET /items/{id}", false))
                    .isEqualTo("http://" + http + ".execute-api.localhost:" + port + "/items/{id}");
            assertThat(shop.invokeUrl("prod", "GET /items/{id}", true))
                    .isEqualTo("http://127.0.0.1:" + port + "/_aws/execute-api/" + http + "/prod/items/{id}");
            LocalApi legacy = apis.get(1);
            assertThat(legacy.kind()).isEqualTo("REST");
            assertThat(legacy.routes()).containsExactly("POST /orders");
            assertThat(legacy.stages()).isEmpty();

            ServiceEndpoint urlControl = simulators.functionUrls().orElseThrow().endpoints().get(1);
            String url = call(urlControl, "POST", "/2021-10-31/functions/web/url", "{\"AuthType\":\"NONE\"}")
                    .get("FunctionUrl").asText();
            List<LocalFunctionUrl> urls = simulators.functionUrls().orElseThrow().urls();
            assertThat(urls).hasSize(1);
            assertThat(urls.get(0).functionName()).isEqualTo("web");
            assertThat(urls.get(0).url()).isEqualTo(url);
            assertThat(urls.get(0).pathStyleUrl()).startsWith("http://127.0.0.1:" + port + "/_aws/lambda-url/")
                    .endsWith("/");
            assertThat(urls.get(0).authType()).isEqualTo("NONE");
            assertThat(simulators.kinesis().arn("s")).startsWith("arn:aws:kinesis:us-east-1:").endsWith(":stream/s");
        }
    }
}
