package dev.lambdaconsole.simulators;

import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceModule;
import dev.lambdaconsole.runtime.gateway.ServiceRegistry;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulators are found on the class path and put EventBridge on the shared endpoint. */
class SimulatorServicesTest {

    @Test
    void serviceLoaderFindsTheModule() {
        assertThat(ServiceModule.discovered()).anySatisfy(m -> {
            assertThat(m).isInstanceOf(SimulatorServices.class);
            assertThat(m.name()).isEqualTo("trigger simulators");
        });
    }

    @Test
    void startRegistersEventBridgeAndTheRegistryRoutesItsTarget() throws Exception {
        ServiceRegistry registry = new ServiceRegistry();
        ServiceModule module = ServiceModule.discovered().stream()
                .filter(m -> m instanceof SimulatorServices).findFirst().orElseThrow();
        try (AutoCloseable running = module.start(null, registry)) {
            assertThat(registry.endpoints()).extracting(ServiceEndpoint::name).containsExactly("events");
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
