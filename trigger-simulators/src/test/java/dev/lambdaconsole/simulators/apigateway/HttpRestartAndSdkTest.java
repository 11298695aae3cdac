package dev.lambdaconsole.simulators.apigateway;

import dev.lambdaconsole.runtime.serve.AwsCli;
import dev.lambdaconsole.runtime.serve.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.CreateApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.InvokeMode;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK for Java v2 (ApiGatewayV2Client, LambdaClient) creates an HTTP API and a Function URL; both answer curl,
 * and both survive a restart of `serve` (at the new port's URLs).
 */
class HttpRestartAndSdkTest {
    @TempDir Path workspace;
    @TempDir Path files;

    static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(B builder, String url) {
        return builder.endpointOverride(URI.create(url)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"))).build();
    }

    @Test
    void sdkCreatedApiAndUrlAnswerAndSurviveARestart() throws Exception {
        String apiId;
        String fnArn;
        try (ServeProcess serve = new ServeProcess(workspace)) {
            AwsCli cli = AwsCli.version(1, files).endpoint(serve.url());
            fnArn = HttpFixture.web(cli, "sdkweb");
            try (ApiGatewayV2Client apis = client(ApiGatewayV2Client.builder().httpClient(UrlConnectionHttpClient.create()), serve.url());
                 LambdaClient lambda = client(LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()), serve.url())) {
                String target = fnArn;
                CreateApiResponse api = apis.createApi(b -> b.name("sdk").protocolType(ProtocolType.HTTP).target(target));
                apiId = api.apiId();
                assertThat(api.apiEndpoint()).isEqualTo("http://" + apiId + ".execute-api.localhost:"
                        + URI.create(serve.url()).getPort());
                assertThat(api.createdDate()).isNotNull();
                assertThat(apis.getRoutes(b -> b.apiId(api.apiId())).items()).hasSize(1);
                assertThatThrownBy(() -> apis.getApi(b -> b.apiId("missing")))
                        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid API identifier specified");
                CreateFunctionUrlConfigResponse url = lambda.createFunctionUrlConfig(b -> b.functionName("sdkweb")
                        .authType(FunctionUrlAuthType.NONE).invokeMode(InvokeMode.BUFFERED));
                assertThat(url.functionUrl()).contains(".lambda-url.us-east-1.localhost:");
                assertThat(url.creationTime()).isNotBlank();
                assertThatThrownBy(() -> lambda.createFunctionUrlConfig(b -> b.functionName("sdkweb")
                        .authType(FunctionUrlAuthType.NONE))).isInstanceOf(ResourceConflictException.class);
                assertThat(Curl.call(api.apiEndpoint() + "/before").status()).isEqualTo(201);
                assertThat(Curl.call(url.functionUrl() + "before").status()).isEqualTo(201);
            }
        }
        try (ServeProcess again = new ServeProcess(workspace);
             ApiGatewayV2Client apis = client(ApiGatewayV2Client.builder().httpClient(UrlConnectionHttpClient.create()), again.url());
             LambdaClient lambda = client(LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()), again.url())) {
            String id = apiId;
            Api api = apis.getApis().items().stream().filter(a -> a.apiId().equals(id)).findFirst().orElseThrow();
            assertThat(api.apiEndpoint()).endsWith(":" + URI.create(again.url()).getPort());
            Curl.Reply reply = Curl.call(api.apiEndpoint() + "/after");
            assertThat(reply.status()).isEqualTo(201);
            assertThat(reply.event().get("rawPath").asText()).isEqualTo("/after");
            String url = lambda.getFunctionUrlConfig(b -> b.functionName("sdkweb")).functionUrl();
            assertThat(Curl.call(url + "after").event().get("rawPath").asText()).isEqualTo("/after");
            assertThat(lambda.listFunctionUrlConfigs(b -> b.functionName("sdkweb")).functionUrlConfigs()).hasSize(1);
        }
    }
}
