package dev.lambdaconsole.simulators;

import dev.lambdaconsole.runtime.LocalRuntime;

import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceModule;
import dev.lambdaconsole.runtime.gateway.ServiceRegistry;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulators are found on the class path and put EventBridge, SQS, Kinesis, DynamoDB Streams and the event
 * source mappings on the shared endpoint of a real engine.
 */
class SimulatorServicesTest {
    @TempDir Path state;

    @Test
    void serviceLoaderFindsTheModule() {
        assertThat(ServiceModule.discovered()).anySatisfy(m -> {
            assertThat(m).isInstanceOf(SimulatorServices.class);
            assertThat(m.name()).isEqualTo("trigger simulators");
        });
    }

    @Test
    void startRegistersTheServicesAndTheRegistryRoutesTheirTargets() throws Exception {
        ServiceRegistry registry = new ServiceRegistry();
        ServiceModule module = ServiceModule.discovered().stream()
                .filter(m -> m instanceof SimulatorServices).findFirst().orElseThrow();
        try (LocalRuntime engine = LocalRuntime.start(LocalRuntime.Options.defaults().withWorkspace(state.resolve("ws"))
                .withBackend("process").withPort(0).withServices(List.of()));
             AutoCloseable running = module.start(new ServiceContext(engine.engine(), engine.workspace(), engine.logs(),
                     state, () -> engine.endpoint().url(), "us-east-1", "123456789012"), registry)) {
            assertThat(registry.endpoints()).extracting(ServiceEndpoint::name).containsExactly("events",
                    "execute-api", "apigateway", "lambda-url", "lambda function urls", "sqs", "kinesis",
                    "dynamodbstreams", "lambda event source mappings", "sns", "s3");
            assertThat(((SimulatorServices) module).sns()).isPresent();
            assertThat(((SimulatorServices) module).eventBridge()).isPresent();
            assertThat(registry.resolve(new ServiceRequest("GET", "/prod/items", null, Map.of("Host",
                    List.of("abcde12345.execute-api.localhost:9001")), new byte[0], "a1"))).map(ServiceEndpoint::name)
                    .contains("execute-api");
            assertThat(registry.resolve(new ServiceRequest("GET", "/", null, Map.of("Host",
                    List.of("0123456789abcdefghijklmnopqrstuv.lambda-url.us-east-1.localhost:9001")), new byte[0], "a2")))
                    .map(ServiceEndpoint::name).contains("lambda-url");
            assertThat(registry.resolve(new ServiceRequest("GET", "/2021-10-31/functions/f/url", null, Map.of(
                    "Authorization", List.of("AWS4-HMAC-SHA256 Credential=k/20261202/us-east-1/lambda/aws4_request, "
                            + "SignedHeaders=host, Signature=0")), new byte[0], "a3"))).map(ServiceEndpoint::name)
                    .contains("lambda function urls");
            assertThat(((SimulatorServices) module).apiGateway()).isNotNull();
            assertThat(((SimulatorServices) module).sqs()).isPresent();
            assertThat(((SimulatorServices) module).s3()).isPresent();
            assertThat(((SimulatorServices) module).mappings()).isPresent();
            SimulatorServices simulators = (SimulatorServices) module;
            assertThat(simulators.streams()).isNotNull();
            assertThat(simulators.dynamoDbStreams()).isNotNull();
            assertThat(state.resolve("streams.db")).exists();
            ServiceRequest streams = new ServiceRequest("POST", "/", null, Map.of(
                    "X-Amz-Target", List.of("DynamoDBStreams_20120810.ListStreams"),
                    "Authorization", List.of("AWS4-HMAC-SHA256 Credential=k/20261202/us-east-1/dynamodb/aws4_request, "
                            + "SignedHeaders=host, Signature=0")), new byte[0], "r3");
            assertThat(registry.resolve(streams)).map(ServiceEndpoint::name).contains("dynamodbstreams");
            ServiceRequest request = new ServiceRequest("POST", "/", null, Map.of(
                    "X-Amz-Target", List.of("AWSEvents.TestEventPattern"),
                    "Authorization", List.of("AWS4-HMAC-SHA256 Credential=k/20261202/us-east-1/events/aws4_request, "
                            + "SignedHeaders=host, Signature=0")),
                    "{}".getBytes(StandardCharsets.UTF_8), "r");
            Optional<ServiceEndpoint> resolved = registry.resolve(request);
            assertThat(resolved).isPresent();
            assertThat(resolved.get().name()).isEqualTo("events");
            ServiceRequest unsigned = new ServiceRequest("POST", "/", null,
                    Map.of("X-Amz-Target", List.of("AWSEvents.TestEventPattern")), new byte[0], "r2");
            assertThat(registry.resolve(unsigned)).map(ServiceEndpoint::name).contains("events");
        }
    }
}
