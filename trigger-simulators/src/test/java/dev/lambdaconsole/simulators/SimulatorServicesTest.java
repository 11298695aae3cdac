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

/** The simulators are found on the class path and put EventBridge and SQS on the shared endpoint. */
class SimulatorServicesTest {
    @TempDir Path state;

    ServiceContext context() {
        return new ServiceContext(null, null, null, state, () -> "http://127.0.0.1:9", "us-east-1", "000000000000");
    }

    @Test
    void serviceLoaderFindsTheModule() {
        assertThat(ServiceModule.discovered()).anySatisfy(m -> {
            assertThat(m).isInstanceOf(SimulatorServices.class);
            assertThat(m.name()).isEqualTo("trigger simulators");
        });
    }

    @Test
    void startRegistersEventBridgeAndSqsAndTheRegistryRoutesTheirRequests() throws Exception {
        ServiceRegistry registry = new ServiceRegistry();
        ServiceModule module = ServiceModule.discovered().stream()
                .filter(m -> m instanceof SimulatorServices).findFirst().orElseThrow();
        try (AutoCloseable running = module.start(context(), registry)) {
            assertThat(registry.endpoints()).extracting(ServiceEndpoint::name).containsExactly("events", "sqs");
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
            ServiceRequest json = new ServiceRequest("POST", "/", null,
                    Map.of("X-Amz-Target", List.of("AmazonSQS.ListQueues")), new byte[0], "r3");
            assertThat(registry.resolve(json)).map(ServiceEndpoint::name).contains("sqs");
            ServiceRequest query = new ServiceRequest("POST", "/000000000000/q", null,
                    Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                    "Action=SendMessage&MessageBody=x".getBytes(StandardCharsets.UTF_8), "r4");
            assertThat(registry.resolve(query)).map(ServiceEndpoint::name).contains("sqs");
        }
    }

    @Test
    void theRunningSqsIsReachableThroughTheModuleUntilItsHandleCloses() throws Exception {
        SimulatorServices module = new SimulatorServices();
        assertThat(module.sqs()).isEmpty();
        AutoCloseable running = module.start(context(), new ServiceRegistry());
        try {
            assertThat(module.sqs()).hasValueSatisfying(sqs -> assertThat(sqs.call("ListQueues",
                    dev.lambdaconsole.runtime.util.Json.object()).path("QueueUrls").size()).isZero());
        } finally {
            running.close();
        }
        assertThat(module.sqs()).isEmpty();
    }
}
