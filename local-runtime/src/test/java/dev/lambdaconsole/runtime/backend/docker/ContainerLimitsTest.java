package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerLimitsTest {
    @Test
    void cpuIsProportionalToMemory() {
        assertThat(ContainerLimits.nanoCpus(1769)).isEqualTo(1_000_000_000L);
        assertThat(ContainerLimits.nanoCpus(3538)).isEqualTo(2_000_000_000L);
        assertThat(ContainerLimits.nanoCpus(128)).isEqualTo(72_357_264L);
        assertThat(ContainerLimits.initNanoCpus(128)).as("init gets a whole vCPU").isEqualTo(1_000_000_000L);
        assertThat(ContainerLimits.initNanoCpus(3538)).isEqualTo(2_000_000_000L);
    }

    @Test
    void lambdasSandboxAsDockerSettings() {
        FunctionConfig config = FunctionConfig.builder("f").runtime("python3.12").memorySize(256).build();
        HostConfig host = ContainerLimits.hostConfig(config, new ContainerLimits.Mounts(Path.of("/c"), Path.of("/o"),
                Path.of("/r"), Path.of("/w")));
        assertThat(host.getMemory()).isEqualTo(256L * 1024 * 1024);
        assertThat(host.getMemorySwap()).isEqualTo(host.getMemory());
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(host.getPidsLimit()).isEqualTo(1024L);
        assertThat(host.getAutoRemove()).isFalse();
        assertThat(host.getInit()).isTrue();
        assertThat(host.getTmpFs()).containsEntry("/tmp", "rw,exec,nosuid,nodev,size=512m,mode=1777");
        assertThat(host.getBinds()).extracting(b -> b.getVolume().getPath() + ":" + b.getAccessMode())
                .as("each runtime client on its own: the image's /var/runtime/node_modules (the SDK) stays visible")
                .containsExactly("/var/task:ro", "/opt:ro", "/var/lambda-console:rw", "/var/runtime/python:ro",
                        "/var/runtime/node:ro", "/var/runtime/ruby:ro", "/var/runtime/java:ro");
    }
}
