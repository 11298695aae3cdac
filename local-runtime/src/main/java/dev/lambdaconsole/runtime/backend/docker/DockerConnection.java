package dev.lambdaconsole.runtime.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;

import java.util.List;
import java.util.Objects;

/**
 * A Docker engine that answered, and how a container reaches the host. On a Linux engine the host is the
 * bridge network's gateway (the Runtime API binds there, never on all interfaces); on Docker Desktop the
 * containers run in a VM that forwards host.docker.internal to the host's loopback.
 */
record DockerConnection(DockerClient client, String host, boolean desktop, String gateway, String engineVersion) {

    static DockerConnection of(DockerClient client, String host) {
        Info info = client.infoCmd().exec();
        String os = Objects.toString(info.getOperatingSystem(), "");
        boolean desktop = os.contains("Docker Desktop") || host.contains("/.docker/") || host.startsWith("npipe:");
        String gateway = desktop ? null : bridgeGateway(client);
        return new DockerConnection(client, host, desktop, gateway, Objects.toString(info.getServerVersion(), "?"));
    }

    private static String bridgeGateway(DockerClient client) {
        Network bridge = client.inspectNetworkCmd().withNetworkId("bridge").exec();
        List<Network.Ipam.Config> configs = bridge.getIpam() == null ? List.of() : bridge.getIpam().getConfig();
        return configs == null ? "172.17.0.1" : configs.stream().map(Network.Ipam.Config::getGateway)
                .filter(g -> g != null && !g.isBlank()).findFirst().orElse("172.17.0.1");
    }

    String bindHost() { return desktop ? "127.0.0.1" : gateway; }

    String advertisedHost() { return desktop ? "host.docker.internal" : gateway; }
}
