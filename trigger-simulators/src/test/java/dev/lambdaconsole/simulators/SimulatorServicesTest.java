package dev.lambdaconsole.simulators;

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

/** The simulators are found on the class path and put EventBridge, Kinesis and DynamoDB Streams on the shared endpoint. */
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
        ServiceContext context = new ServiceContext(null, null, null, state, () -> "http://127.0.0.1:1", "us-east-1",
                "123456789012");
        try (AutoCloseable running = module.start(context, registry)) {
            assertThat(registry.endpoints()).extracting(ServiceEndpoint::name)
                    .containsExactly("events", "kinesis", "dynamodbstreams");
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
