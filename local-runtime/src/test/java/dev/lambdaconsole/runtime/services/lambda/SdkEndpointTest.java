package dev.lambdaconsole.runtime.services.lambda;

import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.workspace.CodeArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The Lambda-compatible endpoint driven by the real AWS SDK for Java v2. */
class SdkEndpointTest {
    @TempDir static Path workspace;
    static TestRuntime rt;
    static LambdaClient lambda;

    @BeforeAll
    static void start() {
        rt = new TestRuntime(workspace);
        lambda = LambdaClient.builder().endpointOverride(URI.create(rt.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        lambda.close();
        rt.close();
    }

    static SdkBytes zip(String fixture) {
        return SdkBytes.fromByteArray(CodeArchive.zip(TestRuntime.FIXTURES.resolve(fixture)));
    }

    static CreateFunctionResponse create(String name, String fixture) {
        return lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12)
                .role("arn:aws:iam::000000000000:role/test").handler("lambda_function.lambda_handler")
                .code(c -> c.zipFile(zip(fixture))).memorySize(256).environment(e -> e.variables(Map.of("STAGE", "dev"))));
    }

    @Test
    void createGetListUpdateDelete() {
        CreateFunctionResponse created = create("sdk-crud", "python/hello");
        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:sdk-crud");
        assertThat(created.memorySize()).isEqualTo(256);
        assertThat(created.codeSize()).isPositive();
        assertThat(created.stateAsString()).isEqualTo("Active");
        assertThat(rt.runtime().workspace().codeDir("sdk-crud").resolve("lambda_function.py")).exists();

        GetFunctionResponse got = lambda.getFunction(b -> b.functionName("sdk-crud"));
        assertThat(got.configuration().environment().variables()).containsEntry("STAGE", "dev");
        assertThat(got.code().location()).startsWith(rt.url());
        assertThat(lambda.listFunctions().functions()).extracting(f -> f.functionName()).contains("sdk-crud");

        var updated = lambda.updateFunctionConfiguration(b -> b.functionName("sdk-crud").memorySize(1024).timeout(30)
                .environment(e -> e.variables(Map.of("STAGE", "prod"))));
        assertThat(updated.memorySize()).isEqualTo(1024);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("arn:aws:lambda:us-east-1:000000000000:function:sdk-crud"))
                .environment().variables()).containsEntry("STAGE", "prod");

        var code = lambda.updateFunctionCode(b -> b.functionName("sdk-crud").zipFile(zip("python/error")));
        assertThat(code.codeSha256()).isNotEqualTo(created.codeSha256());
        InvokeResponse afterDeploy = lambda.invoke(b -> b.functionName("sdk-crud"));
        assertThat(afterDeploy.functionError()).as("the new code runs").isEqualTo("Unhandled");

        lambda.deleteFunction(b -> b.functionName("sdk-crud"));
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("sdk-crud")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Function not found");
    }

    @Test
    void invokeSyncWithTailLogsAndFunctionErrors() throws Exception {
        create("sdk-hello", "python/hello");
        InvokeResponse r = lambda.invoke(b -> b.functionName("sdk-hello").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"name\":\"SDK\"}")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isNull();
        assertThat(r.executedVersion()).isEqualTo("$LATEST");
        assertThat(r.payload().asUtf8String()).contains("hello SDK");
        String log = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
        assertThat(log).contains("START RequestId: ").contains("hello from python").contains("REPORT RequestId: ");

        create("sdk-error", "python/error");
        InvokeResponse e = lambda.invoke(b -> b.functionName("sdk-error"));
        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.functionError()).isEqualTo("Unhandled");
        assertThat(dev.lambdaconsole.runtime.util.Json.MAPPER.readTree(e.payload().asUtf8String()).get("errorType").asText())
                .isEqualTo("ValidationError");
    }

    @Test
    void eventAndDryRun() {
        create("sdk-async", "python/hello");
        InvokeResponse event = lambda.invoke(b -> b.functionName("sdk-async").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"name\":\"later\"}")));
        assertThat(event.statusCode()).isEqualTo(202);
        await().untilAsserted(() -> assertThat(rt.runtime().logs().asyncRecords("sdk-async", 5)).hasSize(1));
        assertThat(rt.runtime().logs().asyncRecords("sdk-async", 5).get(0)[0]).isEqualTo("Success");
        InvokeResponse dry = lambda.invoke(b -> b.functionName("sdk-async").invocationType(InvocationType.DRY_RUN));
        assertThat(dry.statusCode()).isEqualTo(204);
    }

    @Test
    void serviceErrorsAreTheSdksExceptionTypes() {
        create("sdk-errors", "python/hello");
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("sdk-errors").payload(SdkBytes.fromUtf8String("{not json"))))
                .isInstanceOf(InvalidRequestContentException.class);
        assertThatThrownBy(() -> create("sdk-errors", "python/hello")).isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName("sdk-errors").memorySize(64)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("MemorySize")
                .hasMessageContaining("128").hasMessageContaining("10240");
        lambda.putFunctionConcurrency(b -> b.functionName("sdk-errors").reservedConcurrentExecutions(0));
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("sdk-errors")))
                .isInstanceOfSatisfying(TooManyRequestsException.class, t ->
                        assertThat(t.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
        lambda.deleteFunctionConcurrency(b -> b.functionName("sdk-errors"));
        assertThat(lambda.invoke(b -> b.functionName("sdk-errors")).statusCode()).isEqualTo(200);
    }

    @Test
    void tagsAndAccountSettings() {
        CreateFunctionResponse created = create("sdk-tags", "python/hello");
        lambda.tagResource(b -> b.resource(created.functionArn()).tags(Map.of("team", "orders", "env", "dev")));
        lambda.untagResource(b -> b.resource(created.functionArn()).tagKeys("env"));
        assertThat(lambda.listTags(b -> b.resource(created.functionArn())).tags()).containsExactly(Map.entry("team", "orders"));
        assertThat(lambda.getFunction(b -> b.functionName("sdk-tags")).tags()).containsEntry("team", "orders");
        var settings = lambda.getAccountSettings();
        assertThat(settings.accountLimit().concurrentExecutions()).isEqualTo(1000);
        assertThat(settings.accountUsage().functionCount()).isGreaterThanOrEqualTo(1L);
    }

    @Test
    void eventInvokeConfig() {
        create("sdk-eic", "python/hello");
        var put = lambda.putFunctionEventInvokeConfig(b -> b.functionName("sdk-eic").maximumRetryAttempts(0)
                .maximumEventAgeInSeconds(120));
        assertThat(put.maximumRetryAttempts()).isZero();
        var got = lambda.getFunctionEventInvokeConfig(b -> b.functionName("sdk-eic"));
        assertThat(got.maximumEventAgeInSeconds()).isEqualTo(120);
        assertThatThrownBy(() -> lambda.putFunctionEventInvokeConfig(b -> b.functionName("sdk-eic").maximumRetryAttempts(5)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("MaximumRetryAttempts");
    }
}
